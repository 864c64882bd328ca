"""Saving made visible: the status bar says every change is saved, when the last one was, where the
backups are; the window title names a read-only file once; the first change made in the background
(an import) reports its backup on the UI thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from sgdesk.backups import list_backups
from sgdesk.gui.membership.grid_model import LEADING
from sgdesk.gui.shell.main_window import MainWindow
from sgdesk.gui.widgets.context import AppContext
from sgdesk.store import open_board_file


def test_the_status_bar_says_all_changes_are_saved_and_when_the_last_was(window, qtbot):
    status = window.save_status
    assert status.label.text() == "All changes saved"
    assert not status.backups_button.isVisible()

    meetings = window.show_view("meetings")
    meetings.table.setCurrentIndex(meetings.model.index(0, len(LEADING) + 6))
    before = dt.datetime.now()
    qtbot.keyClick(meetings.table, "y")
    after = dt.datetime.now()
    assert status.label.text() in {f"All changes saved · last change at {t:%H:%M}" for t in (before, after)}


def test_after_the_session_backup_the_status_bar_opens_the_backups_folder(window, qtbot, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    meetings = window.show_view("meetings")
    meetings.table.setCurrentIndex(meetings.model.index(0, len(LEADING) + 6))
    qtbot.keyClick(meetings.table, "y")

    (backup,) = list_backups(window.context.bf.path)
    button = window.save_status.backups_button
    assert button.isVisible() and button.text() == "Open backups folder"
    assert button.toolTip() == f"Backups are kept in {backup.path.parent}"
    assert str(backup.path.parent) in window.statusBar().currentMessage()
    button.click()
    assert [url.toLocalFile() for url in opened] == [str(backup.path.parent)]
    assert all(url.isLocalFile() for url in opened)


def test_a_read_only_file_is_named_once_in_the_title(qtbot, settings, demo_path):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win._set_context(AppContext(open_board_file(demo_path, read_only=True)))
    win.show()
    assert win.windowTitle() == "demo.sgdesk (read-only) — SG Desk"
    assert win.save_status.label.text() == "Read-only: nothing can be changed"
    win.close()


def test_a_first_change_made_by_an_import_reports_its_backup_on_the_ui_thread(window, qtbot, tmp_path):
    """The backup before the first change ran on the import's worker thread and wrote to the status bar
    from there ("QObject: Cannot create children for a parent that is in a different thread"): the test
    session fails on that warning."""
    source = tmp_path / "agencies.csv"
    source.write_text("Organisation,Type\nYouth Offending Service,council\n")
    window.import_action.trigger()
    dialog = window.import_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("organisations"))
    dialog.source.setText(str(source))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.save_status.backups_button.isVisible())
    (backup,) = list_backups(window.context.bf.path)
    assert str(backup.path.parent) in window.statusBar().currentMessage()
    dialog.close()


def test_the_status_bar_never_says_all_is_saved_while_a_form_holds_typed_text(window, qtbot):
    from sgdesk.assessment.demo import OPEN_TITLE

    view = window.show_view("assessment")
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == OPEN_TITLE))
    entry = view.entry
    code, agency = entry.current_row().code, entry.current_respondent().short_name
    qtbot.keyClicks(entry.comment, "Still typing")
    qtbot.waitUntil(lambda: window.save_status.label.text().startswith("Not saved yet"), timeout=3000)
    assert window.save_status.label.text() == f"Not saved yet: the answer to {code} for {agency} (Self-assessment)"
    entry.table.selectRow(entry.model.statement_rows()[1])       # moving on saves it
    qtbot.waitUntil(lambda: window.save_status.label.text().startswith("All changes saved · last change at"),
                    timeout=3000)
