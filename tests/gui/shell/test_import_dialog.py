"""File > Import: check a spreadsheet, see its problems, import it, undo it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sgdesk import registry


def _open_dialog(window, kind="organisations"):
    window.import_action.trigger()
    dialog = window.import_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    return dialog


def _count(window, name):
    return window.context.bf.scalar("SELECT count(*) FROM organisation WHERE name = ?", (name,))


def test_a_file_with_problems_lists_them_and_imports_nothing(window, qtbot, tmp_path):
    source = tmp_path / "agencies.csv"
    source.write_text("Organisation,Type\nYouth Offending Service,council\nPublic Health,charity\n")
    dialog = _open_dialog(window)
    dialog.source.setText(str(source))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.results.toPlainText(), timeout=10000)
    text = dialog.results.toPlainText()
    assert "agencies.csv row 3, column 'Type': 'charity' is not a type of organisation" in text
    assert _count(window, "Youth Offending Service") == 0
    assert not window.undo_action.isEnabled()


def test_check_then_import_then_undo(window, qtbot, tmp_path):
    source = tmp_path / "agencies.csv"
    source.write_text("Organisation,Type\nYouth Offending Service,council\nPublic Health,council\n")
    dialog = _open_dialog(window)
    assert not dialog.check_button.isEnabled()
    dialog.source.setText(str(source))

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10000)
    assert "(dry run: nothing was written)" in dialog.results.toPlainText()
    assert "2 organisations created" in dialog.results.toPlainText()
    assert _count(window, "Public Health") == 0

    dialog.summary = None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10000)
    assert dialog.results.toPlainText().startswith("Imported agencies.csv as organisations")
    assert _count(window, "Public Health") == 1
    assert not dialog.import_button.isEnabled()   # no accidental second import
    qtbot.waitUntil(lambda: window.undo_action.text() == "&Undo Import agencies.csv (organisations)")

    window.undo_action.trigger()
    assert _count(window, "Public Health") == 0


@pytest.mark.parametrize("kind_name", sorted(registry.load().import_kinds))
def test_a_blank_template_can_be_saved_for_each_kind(window, qtbot, tmp_path, monkeypatch, kind_name):
    from PySide6.QtWidgets import QFileDialog

    kind = registry.load().import_kinds[kind_name]
    target = tmp_path / f"{kind_name} template.csv"
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, name, _filter: (
        offered.append(name) or str(target), ""))
    dialog = _open_dialog(window, kind_name)
    assert dialog.description.text() == kind.description
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert [Path(name).name for name in offered] == [f"{kind_name} template.csv"]   # in the exports folder
    headings = next(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert headings == kind.template_headers()
