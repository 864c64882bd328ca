"""The audit trail: every change, who made it and when; filters, details and CSV export, in the core and the app."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from sgdesk.organisations import add_organisation
from sgdesk.safety import audit
from sgdesk.safety.audit import AuditFilter
from sgdesk.store import changes, create_board_file


def _act_as(monkeypatch, user: str, when: dt.datetime) -> None:
    monkeypatch.setattr(changes, "os_user", lambda: user)
    monkeypatch.setattr(changes, "_now", lambda: when.astimezone(dt.timezone.utc).isoformat(timespec="seconds"))


@pytest.fixture
def history(empty_board, monkeypatch):
    """Three actions by two people on three days."""
    bf = empty_board
    _act_as(monkeypatch, "niamh.oloughlin", dt.datetime(2026, 3, 2, 10, 0).astimezone())
    with bf.edit("Add Essex Police") as ed:
        police = add_organisation(ed, "Essex Police", short_name="Police", org_type="police", statutory=True)
    _act_as(monkeypatch, "lukasz.nowak", dt.datetime(2026, 3, 9, 15, 30).astimezone())
    with bf.edit("Rename Essex Police") as ed:
        ed.update("organisation", police, {"name": "Essex Police Service"})
    _act_as(monkeypatch, "niamh.oloughlin", dt.datetime(2026, 3, 20, 9, 15).astimezone())
    with bf.edit("Add sub-group Performance") as ed:
        ed.insert("subgroup", {"board_id": 1, "name": "Performance"})
    monkeypatch.undo()
    return bf


def test_entries_come_newest_first_one_per_row_changed(history):
    entries = audit.entries(history, AuditFilter(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)))
    assert [e.description for e in entries] == ["Add sub-group Performance", "Rename Essex Police",
                                                "Add Essex Police"]
    rename = entries[1]
    assert (rename.user, rename.table, rename.change) == ("lukasz.nowak", "organisation", "changed")
    assert rename.details() == "name: 'Essex Police' → 'Essex Police Service'"
    assert rename.local_time == "2026-03-09 15:30:00"


@pytest.mark.parametrize("flt, expected", [
    (AuditFilter(start=dt.date(2026, 3, 5), end=dt.date(2026, 3, 9)), ["Rename Essex Police"]),
    (AuditFilter(end=dt.date(2026, 3, 31), table="subgroup"), ["Add sub-group Performance"]),
    (AuditFilter(user="niamh.oloughlin"), ["Add sub-group Performance", "Add Essex Police"]),
    (AuditFilter(text="essex"), ["Rename Essex Police", "Add Essex Police"]),
    (AuditFilter(text="100%"), []),
])
def test_the_trail_filters_by_date_table_user_and_words(history, flt, expected):
    assert [e.description for e in audit.entries(history, flt)] == expected
    assert audit.count_entries(history, flt) == len(expected)


def test_the_csv_export_is_private_and_safe_to_open_in_excel(history, tmp_path):
    with history.edit("Add a partner with a formula-like name") as ed:
        add_organisation(ed, "=HYPERLINK(\"http://example.invalid\",\"click\")")
    path = tmp_path / "trail.csv"
    rows = audit.write_csv(history, AuditFilter(), path)
    assert path.stat().st_mode & 0o077 == 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == audit.CSV_HEADER and len(table) == rows + 1
    formula_row = next(r for r in table if "formula-like" in r[2])
    assert formula_row[audit.CSV_HEADER.index("Details")].startswith("name: '=HYPERLINK")   # inside the details, not at the start of a cell
    assert all(not cell.startswith("=") for row in table for cell in row)


# -- in the app ------------------------------------------------------------------------------------------------------
def _open_trail(window, qtbot):
    window.audit_action.trigger()
    dialog = window.audit_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_the_audit_trail_window_filters_shows_details_and_follows_changes(window, qtbot):
    with window.context.edit("Add Southend Carers") as ed:
        add_organisation(ed, "Southend Carers", org_type="voluntary")
    dialog = _open_trail(window, qtbot)
    assert dialog.model.data(dialog.model.index(0, 2)) == "Added the organisation Southend Carers"
    assert dialog.model.data(dialog.model.index(0, 3)) == "Add Southend Carers"
    assert dialog.details.toPlainText().startswith("Added the organisation Southend Carers\n")
    assert "name: Southend Carers" not in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.raw_button, Qt.MouseButton.LeftButton)      # the raw detail, one click away
    assert "Table organisation, record" in dialog.details.toPlainText()
    assert "name: Southend Carers" in dialog.details.toPlainText()
    assert dialog.model.rowCount() > 100      # the demo board's own making is in the trail too

    dialog.start.setDate(QDate.currentDate().addDays(1))
    assert dialog.model.rowCount() == 0
    assert "No changes match" in dialog.count_label.text()
    dialog.start.setDate(QDate.currentDate())
    dialog.table_combo.setCurrentIndex(dialog.table_combo.findText("sub-groups"))
    assert dialog.model.rowCount() and all(dialog.model.row_at(r)["entry"].table == "subgroup"
                                           for r in range(dialog.model.rowCount()))
    dialog.table_combo.setCurrentIndex(0)

    with window.context.edit("Add sub-group Neglect") as ed:
        ed.insert("subgroup", {"board_id": window.context.board_id, "name": "Neglect Strategy Group"})
    assert dialog.model.data(dialog.model.index(0, 3)) == "Add sub-group Neglect"
    window.undo()
    assert dialog.model.data(dialog.model.index(0, 2)) == "Deleted the sub-group Neglect Strategy Group"
    assert dialog.model.data(dialog.model.index(0, 3)) == "Undo: Add sub-group Neglect (undo)"
    qtbot.keyClicks(dialog.search, "southend carers")
    assert dialog.model.rowCount() == 1


def test_the_audit_trail_window_exports_what_is_shown_to_csv(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    with window.context.edit("Add Southend Carers") as ed:
        add_organisation(ed, "Southend Carers", aliases=("Carers' Centre",))
    dialog = _open_trail(window, qtbot)
    qtbot.keyClicks(dialog.search, "Carers")
    target = tmp_path / "trail.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported" in dialog.count_label.text(), timeout=10000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert [row[audit.CSV_HEADER.index("Table")] for row in table[1:]] == ["organisation", "organisation_alias"]
    assert "Exported 2 change(s)" in dialog.count_label.text()


def test_a_file_with_no_history_says_what_the_trail_is_for(qtbot, settings, tmp_path):
    from sgdesk.gui.safety.audit import AuditTrailDialog
    from sgdesk.gui.widgets.context import AppContext

    bf = create_board_file(tmp_path / "new.sgdesk")
    context = AppContext(bf)
    dialog = AuditTrailDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stack.currentWidget() is dialog.empty
    assert not dialog.export_button.isEnabled()
    context.close()
