"""The app shell, driven as a user would: welcome screen, opening files, sidebar, undo, boards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from sgdesk.gui.shell.main_window import MainWindow
from sgdesk.gui.shell.viewspecs import view_specs
from sgdesk.gui.shell.welcome import WelcomeView


def test_without_a_file_the_welcome_screen_offers_demo_new_open_and_recent(qtbot, settings, demo_path):
    settings.setValue("recentFiles", [str(demo_path), "/nowhere/gone.sgdesk"])
    win = MainWindow(settings)
    qtbot.addWidget(win)
    welcome = win.pages.currentWidget()
    assert isinstance(welcome, WelcomeView)
    assert welcome.recent.count() == 1          # files that no longer exist are not offered
    assert welcome.recent.item(0).data(Qt.ItemDataRole.UserRole) == demo_path
    welcome.recent.itemActivated.emit(welcome.recent.item(0))
    assert win.context is not None and win.context.bf.path == demo_path
    assert str(demo_path) in win.path_label.text()
    assert not win.undo_action.isEnabled()


def test_opening_a_bad_file_shows_why_and_keeps_the_welcome_screen(qtbot, settings, tmp_path, message_boxes):
    bad = tmp_path / "minutes.sgdesk"
    bad.write_text("Minutes")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_path(bad) is False
    assert message_boxes == ["minutes.sgdesk is not an SG Desk board file (it is not a database at all): "
                             "open the .sgdesk file your board uses"]
    assert isinstance(win.pages.currentWidget(), WelcomeView)


def test_every_sidebar_view_opens(window):
    for row, spec in enumerate(view_specs()):
        window.sidebar.setCurrentRow(row)
        assert window.view_stack.currentWidget() is window.views[spec.key]
        assert window.views[spec.key].accessibleName() == spec.title


def test_edit_undo_and_redo_follow_the_latest_change(window):
    context = window.context
    org_id = context.bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'")
    with context.edit("Rename CAFCASS") as ed:
        ed.update("organisation", org_id, {"name": "Cafcass"})
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo Rename CAFCASS"

    window.undo_action.trigger()
    assert context.bf.scalar("SELECT name FROM organisation WHERE id = ?", (org_id,)) == "CAFCASS"
    assert window.redo_action.text() == "&Redo Rename CAFCASS"
    assert not window.undo_action.isEnabled()

    window.redo_action.trigger()
    assert context.bf.scalar("SELECT name FROM organisation WHERE id = ?", (org_id,)) == "Cafcass"
    assert window.statusBar().currentMessage() == "Redo: Rename CAFCASS"


def test_the_board_selector_appears_when_the_file_holds_two_boards(window):
    from sgdesk.boards import add_board

    assert window.toolbar.isHidden()
    with window.context.edit("Add the adults' board") as ed:
        adults = add_board(ed, "Southend Safeguarding Adults Board", short_name="SSAB", kind="adults")
    assert not window.toolbar.isHidden()
    assert window.board_combo.count() == 2
    heard = []
    window.context.board_changed.connect(heard.append)
    window.board_combo.setCurrentIndex(window.board_combo.findData(adults))
    assert heard == [adults]
    assert window.context.board.name == "Southend Safeguarding Adults Board"


def test_the_file_is_remembered_in_recent_files_numbered_with_its_full_path(window, settings, demo_path):
    assert settings.value("recentFiles")[0] == str(demo_path.resolve())
    recent = window.recent_menu.actions()
    assert [a.text() for a in recent] == [f"&1 {demo_path.name}"]
    assert recent[0].toolTip() == str(demo_path.resolve()) and window.recent_menu.toolTipsVisible()


def test_help_check_file_runs_off_the_ui_thread_and_shows_the_findings(window, qtbot):
    window.check_action.trigger()
    qtbot.waitUntil(lambda: hasattr(window, "findings_dialog"), timeout=10000)
    from PySide6.QtWidgets import QPlainTextEdit

    shown = window.findings_dialog.findChild(QPlainTextEdit).toPlainText()
    assert "[ok] database integrity check passed" in shown


def test_the_reports_view_shows_a_report_and_exports_it(window, qtbot, tmp_path):
    view = window.show_view("reports")
    view.select_output("report", "organisations")
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    organisations = window.context.bf.scalar("SELECT count(*) FROM organisation")
    qtbot.waitUntil(lambda: view.model.rowCount() == organisations, timeout=10000)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers == ["Organisation", "Short name", "Type", "Statutory partner"]
    done = []
    view.export_to(tmp_path / "orgs.csv", on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert (tmp_path / "orgs.csv").read_text(encoding="utf-8-sig").startswith("Organisation,Short name")


def test_file_new_creates_and_opens_a_board(qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from sgdesk.gui.widgets import dialogs

    monkeypatch.setattr(dialogs.NewBoardDialog, "exec", lambda self: True)
    monkeypatch.setattr(dialogs.NewBoardDialog, "values",
                        lambda self: ("Southend Safeguarding Adults Board", "SSAB", "adults"))
    target = tmp_path / "adults"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.new_action.trigger()
    assert win.context.bf.path == Path(f"{target}.sgdesk")
    assert win.context.board.kind == "adults"
    assert win.views["overview"].heading.text().startswith("Southend Safeguarding Adults Board")


def test_the_new_board_form_loads_from_ui_and_reads_its_fields(qtbot):
    from sgdesk.gui.widgets.dialogs import NewBoardDialog

    dialog = NewBoardDialog()
    qtbot.addWidget(dialog.dialog)
    dialog.dialog.nameEdit.setText("  Thurrock LSCB ")
    dialog.dialog.kindCombo.setCurrentIndex(2)
    assert dialog.values() == ("Thurrock LSCB", None, "all-age")


def test_views_can_be_reached_by_keyboard_shortcuts(window, qtbot):
    from PySide6.QtTest import QTest

    keys = [spec.key for spec in view_specs()]
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentRow() == 1
    assert window.view_stack.currentWidget() is window.views[keys[1]]
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.view_stack.currentWidget() is window.views["overview"]


def test_window_geometry_and_state_are_remembered(qtbot, settings, monkeypatch):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.close()
    saved = settings.value("window/geometry")
    assert saved == first.saveGeometry() and settings.value("window/state") == first.saveState()
    restored = []
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda self, data: restored.append(data) or True)
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert restored == [saved]


def test_background_work_reports_progress_and_can_be_cancelled(qtbot):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QWidget

    from sgdesk.gui.widgets.tasks import run_in_background

    parent = QWidget()
    qtbot.addWidget(parent)
    started, stopped, results, errors, reached = threading.Event(), threading.Event(), [], [], []

    def work(progress):
        try:
            for step in range(10_000):          # ten seconds of work, if nobody stops it
                started.set()
                reached.append(step)
                progress.update(step, 10_000, f"step {step}")
                threading.Event().wait(0.001)
            return "finished"
        finally:
            stopped.set()

    progress = run_in_background(parent, "Counting…", work, on_done=results.append, on_error=errors.append)
    assert started.wait(5)
    progress.cancel()
    assert stopped.wait(2), "the work went on after Cancel"
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=5000)
    qtbot.wait(100)
    assert len(reached) < 10_000
    assert results == [] and errors == []      # stopping is not an error, and nothing is reported as done

    run_in_background(parent, "Quick", lambda p: 42, on_done=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)


def test_an_unexpected_error_in_background_work_is_shown_without_a_traceback(qtbot, message_boxes):
    from PySide6.QtWidgets import QWidget

    from sgdesk.gui.widgets.tasks import run_in_background

    parent = QWidget()
    qtbot.addWidget(parent)
    run_in_background(parent, "Failing", lambda p: 1 / 0, on_done=lambda r: None)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5000)
    assert message_boxes[0].startswith("Something went wrong inside SG Desk and the last action was not completed")
    assert "Traceback" not in message_boxes[0] and "ZeroDivisionError" in message_boxes[0]


def test_outputs_start_on_the_year_the_records_are_about(window):
    """The demo's records are mostly 2018/19, so that is offered first, not the calendar's year."""
    view = window.show_view("reports")
    assert view.year.currentText() == "2018/19"
    assert view.period().label == "2018/19"
    labels = [view.year.itemText(i) for i in range(view.year.count())]
    assert "2017/18" in labels and "2019/20" in labels
    assert any(label.endswith("(no records)") for label in labels)


def test_the_main_year_is_the_one_most_features_have_records_for(demo):
    import datetime as dt

    from sgdesk import registry
    from sgdesk.activity import main_year, years_with_records
    from sgdesk.fyear import FinancialYear

    providers = registry.load().years
    counts = years_with_records(demo, 1, providers)
    assert counts[FinancialYear(2018)] == 5          # meetings, ledger, training, self-assessment, actions
    assert counts[FinancialYear(2017)] == 2          # meetings and actions
    assert main_year(demo, 1, providers) == FinancialYear(2018)
    assert main_year(demo, 1, providers, today=dt.date(2018, 1, 1)) == FinancialYear(2017)  # never a year to come


def test_a_board_file_deleted_while_open_stops_editing_and_offers_to_save_a_copy(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from sgdesk.store import open_board_file

    shown = []

    def save_a_copy(box):
        shown.append((box.text(), [button.text() for button in box.buttons()]))
        next(button for button in box.buttons() if button.text() == "Save a copy…").click()

    monkeypatch.setattr(QMessageBox, "exec", save_a_copy)
    saved = tmp_path / "saved.sgdesk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    meetings = window.show_view("meetings")
    table = meetings.table
    table.setCurrentIndex(meetings.model.index(0, 8))
    qtbot.keyClick(table, "a")                 # saved while the file is there
    window.context.bf.path.unlink()             # someone deletes it on the shared drive
    table.setCurrentIndex(meetings.model.index(1, 8))
    qtbot.keyClick(table, "a")

    assert len(shown) == 1
    text, buttons = shown[0]
    assert text.startswith("demo.sgdesk was moved, renamed or deleted while it was open, so this change was not saved")
    assert "Save a copy…" in buttons
    assert window.context.read_only
    with open_board_file(saved) as copy:   # the copy holds the mark saved before the file was deleted
        assert [row[0] for row in copy.query("SELECT description FROM audit_action WHERE description LIKE "
                                             "'Mark attendance%'")] == [window.undo_action.text()[len("&Undo "):]]


def test_the_heartbeat_notices_a_board_file_renamed_while_open(window, tmp_path, message_boxes):
    window.context.bf.path.rename(tmp_path / "renamed elsewhere.sgdesk")
    window.keep_lock()
    assert window.context.read_only
    assert message_boxes == ["demo.sgdesk was moved, renamed or deleted while it was open, so editing is switched off: "
                             "save a copy of what is open (File > Save a copy), then open the copy"]
    window.keep_lock()   # said once
    assert len(message_boxes) == 1


def test_a_closed_window_lets_go_of_its_views_and_their_records(qtbot, settings, demo_path):
    import gc
    import weakref

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_path(demo_path)
    records = weakref.ref(win.show_view("membership").org_table.records)
    assert records() is not None and records().rowCount()
    win.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    assert records() is None and win.views == {}
    assert isinstance(win.pages.currentWidget(), WelcomeView)
