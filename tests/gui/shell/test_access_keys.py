"""Access keys (Alt+letter) are unique in every window as it is shown (every view, every tab, every
dialog), and no label shows a stray "&"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from sgdesk.gui.shell.viewspecs import view_specs
from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.gui.widgets.mnemonics import access_key, access_key_problems


def tab_states(root: QWidget, window: QWidget, done: frozenset = frozenset()) -> Iterator[str]:
    """Show each page of each tab widget under ``root`` in turn (nested ones inside each page)."""
    tabs = next((t for t in root.findChildren(QTabWidget) if t.isVisibleTo(window) and t not in done), None)
    if tabs is None:
        yield ""
        return
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        QApplication.processEvents()       # a page built when first shown shows its widgets queued
        for inner in tab_states(root, window, done | {tabs}):
            yield f"{tabs.tabText(page).replace('&', '')}{' > ' + inner if inner else ''}"


def problems_in(window: QWidget, where: str) -> list[str]:
    """What is wrong in ``window`` as it is shown now (``where`` says which view and tab that is)."""
    return [f"{where}: {problem.removeprefix(window.windowTitle() + ': ')}" for problem in access_key_problems(window)]


def test_the_checker_finds_a_clash_and_a_stray_ampersand(qtbot):
    from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

    assert access_key("Save and &next") == "n" and access_key("A && B") is None
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Test")
    form = QFormLayout(dialog)
    form.addRow("&Score:", QLineEdit())
    form.addRow(QPushButton("&Save and next"))
    row = QHBoxLayout()
    row.addWidget(QLineEdit())
    form.addRow("&File:", row)
    form.addRow(QLabel("Terms && conditions"))
    dialog.show()
    assert access_key_problems(dialog) == [
        "the label “&File:” shows its & (it has no field to go to)",
        "Test: Alt+S is label “&Score:”, button “&Save and next”"]


def test_every_view_and_tab_of_the_main_window(window):
    found: list[str] = []
    for spec in view_specs():
        view = window.show_view(spec.key)
        for state in tab_states(view, window):
            found += problems_in(window, f"{spec.title}{' > ' + state if state else ''}")
    training = window.show_view("training")
    bookings = training.show_tab("bookings")
    session = next(s for s in bookings.sessions.rows if s is not None and s.places_taken
                   and s.session_date <= dt.date.today() and not s.cancelled)
    training.open_session(session.id, register=True)
    QApplication.processEvents()
    found += problems_in(window, "Training > Bookings > register")
    assert not found, "\n".join(found)


def test_every_dialog(window, monkeypatch, message_boxes):
    """The dialogs of every view, each shown as the user sees it."""
    found: list[str] = []

    def check(dialog: QDialog, where: str) -> None:
        dialog.show()
        QApplication.processEvents()
        for state in tab_states(dialog, dialog):
            found.extend(problems_in(dialog, f"{where}{' > ' + state if state else ''}"))
        dialog.done(QDialog.DialogCode.Rejected)

    def fake_exec(dialog) -> int:        # the dialogs an action builds and runs
        check(dialog, dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FormDialog, "exec", fake_exec)
    context = window.context

    meetings = window.show_view("meetings")
    meetings.add_meeting()
    meetings.edit_quorum()
    meetings.add_item()
    membership = window.show_view("membership")
    membership.org_table.select_id(context.bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'"))
    for action in (membership.add_organisation, membership.add_alias, membership.add_seat, membership.appoint,
                   membership.end_seat, membership.add_subgroup):
        action()

    governance = window.show_view("governance")
    for panel in governance.panels:
        governance.tabs.setCurrentWidget(panel)
        panel.table.selectRow(0)
        for push in panel.buttons:
            if push.isEnabled() and push.text().endswith("…"):
                push.click()           # each opens its dialog: checked by fake_exec, or shown with open()
                if isinstance(getattr(panel, "dialog", None), QDialog) and panel.dialog.isVisible():
                    check(panel.dialog, panel.dialog.windowTitle())

    from sgdesk.gui.performance.dialogs import area_dialog, indicator_dialog

    check(indicator_dialog(window, ["Children in need"]), "Add an indicator")
    check(area_dialog(window), "Add an area")

    from sgdesk.gui.training.dialogs import (
        BookingDialog,
        CancelDialog,
        CourseDialog,
        EvaluationDialog,
        SessionDialog,
        SubstituteDialog,
    )
    from sgdesk.gui.training.settings import PolicyDialog
    from sgdesk.training.evaluations import session_evaluations
    from sgdesk.training.model import list_sessions

    sessions = [s for s in list_sessions(context.bf, context.board_id) if s.places_taken and not s.cancelled]
    booking = context.bf.scalar("SELECT id FROM training_booking WHERE status = 'waitlisted' LIMIT 1")
    evaluation = next(row for s in sessions for row in session_evaluations(context.bf, s.id))
    for dialog in (CourseDialog(context, parent=window), SessionDialog(context, parent=window),
                   BookingDialog(context, sessions[0], window), CancelDialog(context, booking, window),
                   SubstituteDialog(context, booking, window),
                   EvaluationDialog(context, evaluation, sessions[0].session_date, window),
                   PolicyDialog(context, window)):
        check(dialog, dialog.windowTitle())

    from sgdesk.fyear import FinancialYear
    from sgdesk.gui.finance.lines import LineDialog

    for ledger in (True, False):
        dialog = LineDialog(context, FinancialYear(2018), ledger=ledger, line=None, parent=window)
        check(dialog, dialog.windowTitle())

    from sgdesk.gui.assessment.entry import AddRespondentDialog
    from sgdesk.gui.assessment.rounds import NewRoundDialog
    from sgdesk.gui.assessment.tools import ToolEditorDialog, ToolsDialog

    check(NewRoundDialog(context, window), "Start a round")
    check(AddRespondentDialog([(1, "Essex Police")], window), "Add an agency")
    tools = ToolsDialog(context, window)
    check(tools, "Tools")
    tools.copy_as(tools.selected(), "Section 11 audit")
    check(ToolEditorDialog(context, tools.selected(), window), "Edit tool")

    from sgdesk.gui.reports.branding_dialog import BrandingDialog
    from sgdesk.gui.safety.audit import AuditTrailDialog
    from sgdesk.gui.safety.lock_dialog import LockOfferDialog
    from sgdesk.gui.safety.restore import RestoreDialog
    from sgdesk.gui.shell.import_dialog import ImportDialog
    from sgdesk.gui.widgets.dialogs import NewBoardDialog
    from sgdesk.store.lockfile import LockInfo

    now = dt.datetime.now(dt.timezone.utc)
    for dialog in (BrandingDialog(context, window), ImportDialog(context, window), AuditTrailDialog(context, window),
                   RestoreDialog(context.bf.path, window.settings, window),
                   LockOfferDialog(context.bf.path, LockInfo("someone", "ELSEWHERE", 1, now, now), window),
                   NewBoardDialog(window).dialog):
        check(dialog, dialog.windowTitle())
    assert not found, "\n".join(found)


def test_alt_s_on_the_answers_tab_presses_save_and_next(window, qtbot):
    """What the user met: Alt+S only moved the focus to "Save and next", because another control used S."""
    from PySide6.QtCore import Qt

    from sgdesk.assessment.demo import OPEN_TITLE

    view = window.show_view("assessment")
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == OPEN_TITLE))
    entry = view.entry
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = entry.current_row().code
    entry.score.setCurrentIndex(entry.score.findText("3 good"))
    entry.comment.setFocus()
    qtbot.keyClick(entry.comment, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # a button pressed by its access key clicks a moment later (Qt animates the press)
    qtbot.waitUntil(lambda: entry.current_row().code != first, timeout=2000)
    respondent = entry.current_respondent()
    assert window.context.bf.scalar(
        "SELECT r.score_halves FROM assessment_response r JOIN assessment_statement s ON s.id = r.statement_id "
        "WHERE r.respondent_id = ? AND s.code = ?", (respondent.id, first)) == 6


def test_the_welcome_screen(qtbot, settings):
    from sgdesk.gui.shell.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    QApplication.processEvents()
    assert not problems_in(win, "Welcome")
