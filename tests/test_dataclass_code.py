"""Dataclasses' methods compiled once and kept between processes: the same classes, less compiling."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from sgdesk import dataclass_code
from sgdesk.dataclass_code import MOST_KEPT, _Methods

SOURCE = "def __create_fn__():\n def total(self):\n  return self.a + self.b\n return total"


def _run(methods: _Methods, source: str = SOURCE) -> object:
    namespace: dict = {}
    methods.exec(source, {}, namespace)
    return namespace["__create_fn__"]()


def test_a_source_is_compiled_once_and_its_code_kept_for_the_next_process(tmp_path):
    methods = _Methods(tmp_path / "kept.marshal")
    total = _run(methods)
    assert total(type("Pair", (), {"a": 2, "b": 3})()) == 5
    methods.write()
    again = _Methods(tmp_path / "kept.marshal")
    assert _run(again)(type("Pair", (), {"a": 20, "b": 22})()) == 42
    assert again.added == 0
    (tmp_path / "kept.marshal").unlink()
    again.write()  # nothing new: not written again
    assert not (tmp_path / "kept.marshal").exists()


@pytest.mark.parametrize("damage", [b"", b"\x00\x01 not marshal", b"{}", b"\xe9" * 40])
def test_a_damaged_file_is_left_out_of_account_and_the_sources_compiled(tmp_path, damage):
    kept = tmp_path / "kept.marshal"
    kept.write_bytes(damage)
    methods = _Methods(kept)
    assert _run(methods)(type("Pair", (), {"a": 1, "b": 1})()) == 2
    assert methods.added == 1


def test_a_file_of_anything_but_sources_and_their_code_is_not_used(tmp_path):
    import marshal

    kept = tmp_path / "kept.marshal"
    kept.write_bytes(marshal.dumps({SOURCE: "not code"}))
    methods = _Methods(kept)
    _run(methods)
    assert methods.added == 1


def test_a_folder_that_cannot_be_written_only_means_compiling_again(tmp_path):
    blocked = tmp_path / "a file"
    blocked.write_text("")
    methods = _Methods(blocked / "kept.marshal")
    _run(methods)
    methods.write()
    assert _Methods(blocked / "kept.marshal").kept == {}


def test_past_the_most_kept_only_the_last_processs_sources_are_kept(tmp_path):
    methods = _Methods(tmp_path / "kept.marshal")
    for n in range(MOST_KEPT):
        _run(methods, SOURCE.replace("self.b", f"self.b + {n}"))
    methods.write()
    later = _Methods(tmp_path / "kept.marshal")
    assert len(later.kept) == MOST_KEPT
    _run(later)
    later.write()
    assert list(_Methods(tmp_path / "kept.marshal").kept) == [SOURCE]


def test_code_compiled_for_dataclasses_is_what_they_compile():
    # SG Desk's import put the kept methods in dataclasses' way: classes made now behave as ever
    assert dataclasses.exec == dataclass_code.keep_compiled_methods().exec

    @dataclasses.dataclass(frozen=True)
    class Session:
        title: str
        places: int = 12
        tags: tuple = ()

    first = Session("Working Together", 20)
    assert first == Session("Working Together", 20) != Session("Working Together")
    assert repr(first) == "test_code_compiled_for_dataclasses_is_what_they_compile.<locals>.Session(" \
                          "title='Working Together', places=20, tags=())"
    assert hash(first) == hash(Session("Working Together", 20))
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.places = 3
    assert Session.__init__.__annotations__ == {"title": "str", "places": "int", "tags": "tuple", "return": None}
    assert Session.__init__.__code__.co_filename == "<string>"


def test_a_process_after_the_first_compiles_none_of_sgdesks_dataclasses(tmp_path):
    env = {**os.environ, "SGDESK_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sgdesk.store, sgdesk.training.model, sgdesk.registry; from sgdesk import dataclass_code as d; "
            "m = d.keep_compiled_methods()\nprint(m.added, len(m.used))")
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            .stdout.split() for _ in range(2)]
    (first_compiled, first_used), (then_compiled, then_used) = map(lambda r: tuple(map(int, r)), runs)
    assert first_compiled == first_used > 50
    assert (then_compiled, then_used) == (0, first_used)
