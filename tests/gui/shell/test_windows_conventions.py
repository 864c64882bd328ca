"""A Windows desktop tool's conventions: Exit, the Edit menu on the focused widget, copying tables with their
headings, printing with a preview, file dialogs that remember their folders, the view used last."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit


def focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_exit_is_called_exit_with_qts_quit_role_and_keys(window):
    assert window.quit_action.text() == "E&xit"
    assert window.quit_action.menuRole() == QAction.MenuRole.QuitRole
    assert window.quit_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert not [a for a in window.findChildren(QAction) if "quit" in a.text().lower()]


# -- copy -------------------------------------------------------------------------------------------------------
def test_ctrl_c_in_a_table_copies_the_selected_rows_with_headings_for_excel_and_word(window, qtbot):
    view = window.show_view("membership")
    view.org_table.select_id(3)
    focus(qtbot, view.org_table)
    qtbot.keyClick(view.org_table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    lines = data.text().splitlines()
    assert lines[0].split("\t")[:3] == ["Organisation", "Short name", "Type"]
    assert lines[1].split("\t")[:3] == ["Essex Police", "Essex Police", "Police"] and len(lines) == 2
    assert "<th>Organisation</th>" in data.html() and "<td>Essex Police</td>" in data.html()


def test_edit_select_all_and_copy_take_a_whole_report_table_with_its_headings(window, qtbot):
    view = window.show_view("reports")
    view.select_output("report", "organisations")
    view.show_report()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=20000)
    table = view.view
    focus(qtbot, table)
    window.edit_commands["select_all"].trigger()
    window.edit_commands["copy"].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == table.model().rowCount() + 1
    headings = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(table.model().columnCount())]
    assert lines[0].split("\t") == [h for c, h in enumerate(headings) if not table.isColumnHidden(c)]


def test_ctrl_c_copies_with_headings_in_a_dialogs_table_too(window, qtbot):
    window.audit_action.trigger()
    dialog = window.audit_dialog
    qtbot.waitExposed(dialog)
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    dialog.view.selectionModel().select(dialog.model.index(0, 0), flags)
    focus(qtbot, dialog.view)
    qtbot.keyClick(dialog.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "When\tUser\tWhat changed\tAs part of"
    assert lines[1].split("\t")[2] == dialog.model.data(dialog.model.index(0, 2))


def test_copied_text_a_spreadsheet_would_run_is_pasted_as_text(window, qtbot):
    from sgdesk.organisations import add_organisation

    with window.context.edit("Add a hostile name") as ed:
        add_organisation(ed, '=HYPERLINK("http://example.invalid","click")')
    view = window.show_view("membership")
    view.org_table.select_id(window.context.bf.scalar("SELECT id FROM organisation WHERE name LIKE '=%'"))
    focus(qtbot, view.org_table)
    qtbot.keyClick(view.org_table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines()[1].startswith("'=HYPERLINK")


def test_the_edit_menu_cuts_pastes_deletes_in_the_focused_text_box(window, qtbot):
    view = window.show_view("membership")
    box: QLineEdit = view.search
    focus(qtbot, box)
    qtbot.keyClicks(box, "Essex Police")
    commands = window.edit_commands
    assert not commands["cut"].isEnabled()          # nothing selected yet
    box.setSelection(0, 6)
    window._update_edit_commands()
    assert commands["cut"].isEnabled() and commands["delete"].isEnabled()
    commands["cut"].trigger()
    assert box.text() == "Police" and QGuiApplication.clipboard().text() == "Essex "
    box.setCursorPosition(0)
    commands["paste"].trigger()
    assert box.text() == "Essex Police"
    commands["select_all"].trigger()
    commands["delete"].trigger()
    assert box.text() == ""


# -- print -------------------------------------------------------------------------------------------------------
def _print_to_pdf(tmp_path: Path, paint) -> list[str]:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint(printer)
    return [page.extract_text() for page in PdfReader(tmp_path / "printed.pdf").pages]


def test_ctrl_p_previews_the_current_table_and_prints_it_as_shown(window, qtbot, tmp_path):
    view = window.show_view("membership")
    view.search.setText("essex")
    focus(qtbot, view.org_table)
    QApplication.sendEvent(window, _key(QKeySequence.StandardKey.Print))
    qtbot.waitUntil(lambda: getattr(window, "print_dialog", None) is not None and window.print_dialog.isVisible())
    dialog = window.print_dialog
    assert dialog.windowTitle() == "Print preview — Membership: Organisations"
    pages = _print_to_pdf(tmp_path, lambda printer: dialog.paintRequested.emit(printer))
    text = " ".join(" ".join(pages).split())
    assert "Membership: Organisations" in text and "Organisation" in text and "Short name" in text
    assert "Essex Police" in text and "Southend Borough Council" not in text     # the search filters the rows
    assert "Southend-on-Sea Local Safeguarding Children Board" in text and "Page 1 of 1" in text
    dialog.close()


def test_ctrl_p_on_the_reports_preview_prints_its_pages(window, qtbot, tmp_path):
    from pypdf import PdfReader

    view = window.show_view("reports")
    view.select_output("export", "appendix2")
    done = []
    view.preview(on_done=lambda pages: (view._show_pages(pages), done.append(pages)))
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    printable = view.printable()
    assert printable.pdf is not None and printable.pdf.exists()
    window.print_current()
    dialog = window.print_dialog
    pages = _print_to_pdf(tmp_path, lambda printer: dialog.paintRequested.emit(printer))
    assert len(pages) == len(PdfReader(printable.pdf).pages) == done[0].total
    dialog.close()


def test_printing_a_very_long_table_says_how_to_get_all_of_it(window):
    from sgdesk.gui.widgets import printing

    view = window.show_view("membership")
    html = printing.table_html("Organisations", view.org_table, limit=3)
    assert html.count("<tr>") == 4 and f"The first 3 of {view.org_table.model().rowCount()} rows" in html


def _key(sequence):
    from PySide6.QtGui import QKeyEvent

    combo = QKeySequence(sequence)[0]
    return QKeyEvent(QKeyEvent.Type.KeyPress, combo.key(), combo.keyboardModifiers())


# -- file dialogs and the view used last ----------------------------------------------------------------------------
def test_file_dialogs_start_in_documents_then_remember_the_folder_of_each_kind(window, monkeypatch, tmp_path):
    from sgdesk.gui.widgets import file_dialogs

    documents = tmp_path / "Documents"
    imports = tmp_path / "From the booking tool"
    for folder in (documents, imports):
        folder.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: documents)
    started: list[tuple[str, str]] = []

    def fake_open(parent, title, start, file_filter):
        started.append((title, start))
        return str(imports / "bookings.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    window.import_file()
    window.import_dialog.choose_source()
    window.import_dialog.choose_source()
    assert started[0][1] == str(documents)           # first time: Documents
    assert started[1][1] == str(imports)             # then the folder last used for imports
    assert window.import_dialog.source.text() == str(imports / "bookings.xlsx")
    started.clear()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, start, f: (started.append(start), ("", ""))[1])
    window.choose_file()
    assert started == [str(documents)]               # board files have a folder of their own
    assert window.settings.value("folders/imports") == str(imports)


def test_a_file_opens_on_the_view_used_last(qtbot, settings, demo_path):
    from sgdesk.gui.shell.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_path(demo_path)
    first.show_view("finance")
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.open_path(demo_path)
    assert again.view_stack.currentWidget() is again.views["finance"]
    assert again.sidebar.currentItem().text() == "Finance"


@pytest.mark.parametrize("key", ["Ctrl+C", "Ctrl+V", "Ctrl+A", "Del"])
def test_the_attendance_grid_keeps_its_own_editing_keys(window, qtbot, key):
    """The Edit menu's shortcuts leave a table's keys to the table (the grid pastes and clears marks itself)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    grid = window.show_view("meetings").table
    focus(qtbot, grid)
    combo = QKeySequence(key)[0]
    event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
    QApplication.sendEvent(grid, event)
    assert event.isAccepted()
