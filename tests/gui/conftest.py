"""Walks over the whole window: every view and tab of it, and every dialog, each shown as the user sees it.

The checks that hold everywhere (access keys, text that fits) take each state of the walk in turn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from sgdesk.gui.shell.viewspecs import view_specs
from sgdesk.gui.widgets.forms import FormDialog

#: called with each window (main window or dialog) as shown, and where in the programme it is
Check = Callable[[QWidget, str], None]


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


@pytest.fixture
def each_view_of() -> Callable[[QWidget, Check], None]:
    """``each_view_of(window, check)`` shows every view of a main window in turn, and each tab of it."""
    def walk(window, check: Check) -> None:
        for spec in view_specs():
            view = window.show_view(spec.key)
            QApplication.processEvents()       # the window laid out as it is seen, status bar included
            for state in tab_states(view, window):
                check(window, f"{spec.title}{' > ' + state if state else ''}")
    return walk


@pytest.fixture
def each_view(window, each_view_of) -> Callable[[Check], None]:
    """``each_view(check)`` shows every view of the demo's main window, each tab of it and a session's register."""
    def walk(check: Check) -> None:
        each_view_of(window, check)
        training = window.show_view("training")
        bookings = training.show_tab("bookings")
        session = next(s for s in bookings.sessions.rows if s is not None and s.places_taken
                       and s.session_date <= dt.date.today() and not s.cancelled)
        training.open_session(session.id, register=True)
        QApplication.processEvents()
        check(window, "Training > Bookings > register")
    return walk


@pytest.fixture
def each_dialog(window, monkeypatch, message_boxes) -> Callable[[Check], None]:
    """``each_dialog(check)`` shows every dialog of every view, each tab of it in turn."""
    def walk(check: Check) -> None:
        def show(dialog: QDialog, where: str) -> None:
            dialog.show()
            QApplication.processEvents()
            for state in tab_states(dialog, dialog):
                check(dialog, f"{where}{' > ' + state if state else ''}")
            dialog.done(QDialog.DialogCode.Rejected)

        def fake_exec(dialog) -> int:        # the dialogs an action builds and runs
            show(dialog, dialog.windowTitle())
            return QDialog.DialogCode.Rejected

        monkeypatch.setattr(FormDialog, "exec", fake_exec)
        _walk_dialogs(window, show)
    return walk


def _walk_dialogs(window, show: Callable[[QDialog, str], None]) -> None:
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
                    show(panel.dialog, panel.dialog.windowTitle())

    from sgdesk.gui.performance.dialogs import area_dialog, indicator_dialog

    show(indicator_dialog(window, ["Children in need"]), "Add an indicator")
    show(area_dialog(window), "Add an area")

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
        show(dialog, dialog.windowTitle())

    from sgdesk.fyear import FinancialYear
    from sgdesk.gui.finance.lines import LineDialog

    for ledger in (True, False):
        dialog = LineDialog(context, FinancialYear(2018), ledger=ledger, line=None, parent=window)
        show(dialog, dialog.windowTitle())

    from sgdesk.gui.assessment.entry import AddRespondentDialog
    from sgdesk.gui.assessment.rounds import NewRoundDialog
    from sgdesk.gui.assessment.tools import ToolEditorDialog, ToolsDialog

    show(NewRoundDialog(context, window), "Start a round")
    show(AddRespondentDialog([(1, "Essex Police")], window), "Add an agency")
    tools = ToolsDialog(context, window)
    show(tools, "Tools")
    tools.copy_as(tools.selected(), "Section 11 audit")
    show(ToolEditorDialog(context, tools.selected(), window), "Edit tool")

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
        show(dialog, dialog.windowTitle())
