"""What the features register is named, and imported only when a command or a view first uses it."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from sgdesk import registry
from sgdesk.importing.framework import ImportKind
from sgdesk.registry import Lazy, Registry


def test_every_function_a_feature_names_exists():
    for target in registry.load().targets:
        module_name, _, name = target.partition(":")
        assert callable(getattr(importlib.import_module(module_name), name)) or name.isupper(), target


def test_every_import_kind_is_made_under_the_name_it_is_registered_by():
    kinds = registry.load().import_kinds
    assert len(kinds) == 16
    for name in kinds:
        assert isinstance(kinds[name], ImportKind) and kinds[name].name == name
    assert kinds["ledger"] is kinds["ledger"]


def test_an_import_kind_registered_under_another_name_is_refused_when_first_made():
    loaded = Registry()
    loaded.add_import_kind("expenses", "sgdesk.finance.importers:LedgerImport")
    assert list(loaded.import_kinds) == ["expenses"]
    with pytest.raises(ValueError, match="'ledger', registered as 'expenses'"):
        loaded.import_kinds["expenses"]


def test_a_lazy_function_is_called_through_and_named_by_its_function():
    from sgdesk.money import format_money

    money = Lazy("sgdesk.money:format_money")
    assert money(123456) == format_money(123456)
    assert money.resolve() is format_money and money.__name__ == "format_money"
    with pytest.raises(ValueError, match="module:name"):
        Lazy("sgdesk.money.format_money")


def test_loading_the_registry_imports_none_of_what_it_names():
    """``sgdesk export FILE pack`` imports no importer, demo or check; the app no appendix until asked."""
    named = sorted({target.partition(":")[0] for target in registry.load().targets})
    assert "sgdesk.membership.importers" in named and "sgdesk.pack.export" in named
    result = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom sgdesk import registry\nregistry.load()\n"
                               f"print(' '.join(m for m in {named!r} if m in sys.modules))"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_loading_the_overview_ahead_leaves_a_module_that_fails_to_import_for_the_overview(monkeypatch):
    broken = Registry()
    broken.add_attention(Lazy("sgdesk.no_such_feature.attention:attention"))
    broken.first_step_targets.append("sgdesk.no_such_feature.steps:STEPS")
    monkeypatch.setattr(registry, "load", lambda: broken)
    assert registry.load_overview() is broken     # the app still starts
    with pytest.raises(ModuleNotFoundError):      # and the Overview meets the failure when it is built
        broken.attention[0](None, 1)
