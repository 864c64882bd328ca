"""The Self-assessment view: entering one agency's answers, the summary, rounds and forms."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from sgdesk.assessment.demo import OPEN_TITLE, PUBLISHED_TITLE
from sgdesk.gui.assessment.view import AssessmentView

BOARD = 1


def open_view(window) -> AssessmentView:
    view = window.show_view("assessment")
    assert isinstance(view, AssessmentView)
    return view


def choose_round(view: AssessmentView, title: str) -> None:
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == title))


def choose_agency(view: AssessmentView, short_name: str) -> None:
    entry = view.entry
    row = next(i for i, r in enumerate(entry.respondents) if r.short_name == short_name)
    entry.respondent_view.selectRow(row)


def statement_row(view: AssessmentView, code: str) -> int:
    return next(i for i, r in enumerate(view.entry.model.rows) if r.code == code)


def answer(bf, respondent_id: int, code: str):
    return bf.query_one("SELECT r.score_halves, r.comment FROM assessment_response r JOIN assessment_statement s "
                        "ON s.id = r.statement_id WHERE r.respondent_id = ? AND s.code = ?", (respondent_id, code))


def test_entering_one_agencys_answers(window, qtbot):
    view = open_view(window)
    choose_round(view, OPEN_TITLE)
    choose_agency(view, "NPS")
    entry = view.entry
    nps = entry.current_respondent()
    assert entry.heading.text() == "National Probation Service (not returned yet, completed by Gareth Ellwood)"
    assert entry.progress.value() == 0 and entry.progress.maximum() == 26
    assert entry.model.rows[0].title == "Statutory Duties set out in Section 14 of the Children Act 2004"

    # the score control and the comment box, then Save and next
    entry.table.selectRow(statement_row(view, "SD1"))
    assert entry.statement_text.text().startswith("SD1 (Strategic Plan): To publish a strategic plan")
    entry.score.setCurrentIndex(entry.score.findText("2/3 between adequate and good"))
    qtbot.keyClicks(entry.comment, "Plan agreed late this year.")
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    bf = window.context.bf
    assert answer(bf, nps.id, "SD1")[:] == (5, "Plan agreed late this year.")
    assert entry.progress.value() == 1
    assert entry.current_row().code == "SD2"             # moved on to the next statement
    sd1 = entry.model.index(statement_row(view, "SD1"), 2)
    assert sd1.data() == "2/3 between adequate and good"

    # the drop-down in the Score column of the table: pick a score, press Enter
    index = entry.model.index(statement_row(view, "SD2"), 2)
    entry.table.setCurrentIndex(index)
    entry.table.edit(index)
    (combo,) = [w for w in entry.table.viewport().findChildren(QComboBox) if w.isVisible()]
    assert combo.accessibleName() == "Score" and combo.currentText() == "Not answered"
    combo.setCurrentIndex(combo.findText("4 outstanding"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: answer(bf, nps.id, "SD2") is not None)
    assert answer(bf, nps.id, "SD2")[:] == (8, None)
    assert entry.progress.value() == 2

    # undo takes the last answer back, on screen too
    window.undo_action.trigger()
    assert answer(bf, nps.id, "SD2") is None
    assert entry.model.index(statement_row(view, "SD2"), 2).data() == "Not answered"
    assert entry.progress.value() == 1

    qtbot.mouseClick(entry.returned_button, Qt.MouseButton.LeftButton)
    assert bf.scalar("SELECT submitted_on FROM assessment_respondent WHERE id = ?", (nps.id,)) == \
        dt.date.today().isoformat()
    assert "returned" in entry.heading.text()


def test_a_published_round_cannot_be_changed_from_data_entry(window):
    view = open_view(window)
    choose_round(view, PUBLISHED_TITLE)
    entry = view.entry
    assert not entry.score.isEnabled() and not entry.save_button.isEnabled()
    assert "This round is published" in entry.state_note.text()
    index = entry.model.index(statement_row(view, "SD1"), 2)
    assert not entry.model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_adding_an_agency_to_a_round(window):
    view = open_view(window)
    choose_round(view, OPEN_TITLE)
    savs = window.context.bf.scalar("SELECT id FROM organisation WHERE short_name = 'SAVS'")
    view.entry.add_respondent_for(savs, "Łukasz Nowak")
    assert [r.short_name for r in view.entry.respondents].count("SAVS") == 1
    assert view.entry.current_respondent().short_name == "SAVS"


def test_the_summary_shows_statistics_and_a_chart_per_statement(window, painted):
    from sgdesk.gui.assessment.summary import ACCENT

    view = open_view(window)
    choose_round(view, PUBLISHED_TITLE)
    view.tabs.setCurrentWidget(view.summary)
    model = view.summary.model
    assert model.rowCount() == 26
    kr2 = next(i for i, r in enumerate(model.rows) if r.code == "KR2")
    assert [model.index(kr2, c).data() for c in range(2, 6)] == ["5", "2/3", "2.7", "1.5"]
    view.summary.table.selectRow(kr2)
    assert view.summary.chart.accessibleDescription() == "1: 0, 2: 2, 3: 2, 3/4: 1, 4: 0"
    assert painted(view.summary.chart, ACCENT.name()) > 500     # its bars are drawn
    view.summary.level.setCurrentText("Sections")
    assert [model.index(r, 1).data() for r in range(model.rowCount())][2] == "Enablers of Board Effectiveness"
    assert "KR8 (mean 3.7)" in view.summary.findings.toPlainText()
    view.tabs.setCurrentWidget(view.comments)
    text = view.comments.toPlainText()
    assert "Strategic Plan" in text and "“Board members are involved" in text and "Priya Raman" not in text


def test_rows_under_the_threshold_are_shown_greyed_to_the_manager(window):
    view = open_view(window)
    choose_round(view, OPEN_TITLE)
    view.tabs.setCurrentWidget(view.round_panel)
    view.round_panel.threshold.setValue(4)
    view.round_panel.save_threshold()
    view.tabs.setCurrentWidget(view.summary)
    model = view.summary.model
    kr3 = next(i for i, r in enumerate(model.rows) if r.code == "KR3")
    assert model.index(kr3, 4).data() == "2.7"
    assert "published outputs print 'too few responses'" in model.index(kr3, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(kr3, 6).data() == "\u22120.1"       # change against 2018/19, signed as printed


def test_round_settings_change_status_and_undo(window):
    view = open_view(window)
    choose_round(view, OPEN_TITLE)
    panel = view.round_panel
    panel.status.setCurrentIndex(panel.status.findData("closed"))
    panel.save()
    assert view.current_round().status == "closed"
    assert not view.entry.save_button.isEnabled()
    window.undo_action.trigger()
    assert view.current_round().status == "open"


def test_starting_a_round_from_the_empty_view(qtbot, empty_board):
    from sgdesk.gui.assessment.rounds import NewRoundDialog
    from sgdesk.gui.widgets.context import AppContext

    context = AppContext(empty_board)
    view = AssessmentView(context)
    qtbot.addWidget(view)
    view.show()
    assert view.stack.currentWidget() is view.empty
    dialog = NewRoundDialog(context, view)
    qtbot.addWidget(dialog)
    assert dialog.tool.currentText() == "LSCB board self-assessment (version 1, built in)"
    dialog.year.setCurrentIndex(dialog.year.findText("2020/21"))
    assert dialog.title_edit.text() == "LSCB board self-assessment 2020/21"
    round_id = dialog.create()
    view.refresh(select=round_id)
    assert view.stack.currentWidget() is view.tabs
    assert view.current_round().period.label == "2020/21"
    assert "Add the agencies you are asking" in view.entry.heading.text()


def test_importing_returned_forms_shows_what_happened(window, tmp_path, message_boxes):
    from sgdesk.assessment.forms import write_round_forms

    view = open_view(window)
    choose_round(view, OPEN_TITLE)
    forms = write_round_forms(window.context.bf, view.current_round().id, tmp_path)
    lines = view.round_panel.import_forms([forms[0]])
    assert lines[0].startswith("Imported Board self-assessment 2019-20 - CAFCASS.xlsx")
    assert message_boxes and "Imported" in message_boxes[0]


def test_the_round_page_shows_the_chosen_round(window):
    view = open_view(window)
    for title in (PUBLISHED_TITLE, OPEN_TITLE):
        choose_round(view, title)
        view.tabs.setCurrentWidget(view.round_panel)
        rnd, panel = view.current_round(), view.round_panel
        assert (panel.title_edit.text(), panel.period_label.text(), panel.status.currentData()) == \
            (title, rnd.period.label, rnd.status)
        assert panel.import_button.isEnabled() == rnd.is_open     # returned forms go into an open round only


def test_copying_and_editing_a_tool(window, qtbot):
    from sgdesk.assessment.tool_store import list_tools, load_tool
    from sgdesk.gui.assessment.tools import ToolEditorDialog, ToolsDialog

    context = window.context
    dialog = ToolsDialog(context, window)
    qtbot.addWidget(dialog)
    built_in = dialog.selected()
    assert built_in.built_in and not dialog.edit_button.isEnabled()
    copy_id = dialog.copy_as(built_in, "Section 11 audit")
    assert dialog.selected().id == copy_id and dialog.edit_button.isEnabled()

    editor = ToolEditorDialog(context, dialog.selected(), dialog)
    qtbot.addWidget(editor)
    editor.name.setText("Section 11 audit 2020")
    editor.purpose.setCurrentText("section 11 audit")
    last_section = editor.tree.topLevelItem(editor.tree.topLevelItemCount() - 1)
    editor.tree.setCurrentItem(last_section.child(0))
    qtbot.mouseClick(next(b for b in editor.findChildren(type(dialog.copy_button)) if b.text() == "Add statement"),
                     Qt.MouseButton.LeftButton)
    editor.code_edit.clear()
    qtbot.keyClicks(editor.code_edit, "S11-1")
    editor.text_edit.setPlainText("Staff who work with children are recruited safely.")
    editor.save()
    spec = load_tool(context.bf, editor.saved_id).spec
    assert editor.saved_id == copy_id and spec.name == "Section 11 audit 2020" and spec.purpose == "section 11 audit"
    assert spec.statement_count() == 27 and spec.sections[-1].themes[0].statements[-1].code == "S11-1"
    assert len(list_tools(context.bf)) == 2


def test_a_tool_with_a_duplicate_code_is_refused_and_nothing_is_saved(window, qtbot, message_boxes):
    from sgdesk.assessment.tool_store import load_tool
    from sgdesk.gui.assessment.tools import ToolEditorDialog, ToolsDialog

    dialog = ToolsDialog(window.context, window)
    qtbot.addWidget(dialog)
    copy_id = dialog.copy_as(dialog.selected(), "Schools s175 return")
    editor = ToolEditorDialog(window.context, dialog.selected(), dialog)
    qtbot.addWidget(editor)
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0).child(0).child(1))   # SD2
    editor.code_edit.clear()
    qtbot.keyClicks(editor.code_edit, "SD1")
    editor.save()
    assert message_boxes == ["The code 'SD1' is used twice in Schools s175 return: give every statement its own code"]
    codes = [s.code for _se, _th, s in load_tool(window.context.bf, copy_id).spec.statements()]
    assert codes[:2] == ["SD1", "SD2"]


def test_the_overview_item_opens_the_open_round(window):
    view = open_view(window)
    choose_round(view, PUBLISHED_TITLE)
    window.show_view("overview")
    overview = window.views["overview"]
    entry = next(overview.list.item(i) for i in range(overview.list.count())
                 if "Self-assessment" in overview.list.item(i).text())
    overview.list.itemClicked.emit(entry)
    assert window.sidebar.currentItem().text() == "Self-assessment"
    assert view.current_round().title == OPEN_TITLE and view.tabs.currentWidget() is view.entry


def test_removing_an_agency_names_its_answers_and_asks(window, qtbot, asks_before_removing):
    view = open_view(window)
    choose_round(view, PUBLISHED_TITLE)
    view.round_panel.status.setCurrentIndex(view.round_panel.status.findData("open"))
    view.round_panel.save()
    entry = view.entry
    respondent = next(r for r in entry.respondents if r.answered)
    choose_agency(view, respondent.short_name)
    question = asks_before_removing(entry.remove_button, "Remove agency", "Keep agency",
                                    lambda: len(entry.respondents))
    assert question == f"Remove {respondent.organisation} and its {respondent.answered} answers from " \
                       f"{PUBLISHED_TITLE}?"
    assert respondent.id not in [r.id for r in entry.respondents]


def test_deleting_a_round_names_its_answers_and_asks(window, qtbot, asks_before_removing):
    view = open_view(window)
    choose_round(view, PUBLISHED_TITLE)
    question = asks_before_removing(view.round_panel.delete_button, "Delete round", "Keep round",
                                    lambda: len(view.rounds))
    assert question.startswith(f"Delete the round {PUBLISHED_TITLE} and its ") and question.endswith(" answers?")
    assert PUBLISHED_TITLE not in [r.title for r in view.rounds]
    assert window.undo_action.text() == f"&Undo Delete round {PUBLISHED_TITLE}"


def test_tab_goes_from_the_round_and_its_buttons_to_the_pages(window):
    """The round chooser and its buttons head the view, so Tab reaches them before the pages under them."""
    view = window.show_view("assessment")
    reached, widget = [], view.round_combo
    while widget is not view.tabs and (widget := widget.nextInFocusChain()) is not window:
        reached.append(widget is view.tools_button)
    assert widget is view.tabs and any(reached)
