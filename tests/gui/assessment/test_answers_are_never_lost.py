"""A score chosen and a comment typed for a statement are saved when the user clicks away to another
statement, agency or round; they stay as typed when the view redraws; quitting asks about them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sgdesk.assessment.demo import OPEN_TITLE, PUBLISHED_TITLE
from sgdesk.gui.assessment.view import AssessmentView

SPLIT = "2/3 between adequate and good"


def open_round(window, title: str = OPEN_TITLE) -> AssessmentView:
    view = window.show_view("assessment")
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == title))
    return view


def click_row(table, row: int, qtbot) -> None:
    index = table.model().index(row, 0 if table.model().columnCount() < 3 else 1)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def statement_row(view, code: str) -> int:
    return next(i for i, r in enumerate(view.entry.model.rows) if r.code == code)


def agency_row(view, short_name: str) -> int:
    return next(i for i, r in enumerate(view.entry.respondents) if r.short_name == short_name)


def answer(bf, respondent_id: int, code: str):
    row = bf.query_one("SELECT r.score_halves, r.comment FROM assessment_response r JOIN assessment_statement s "
                       "ON s.id = r.statement_id WHERE r.respondent_id = ? AND s.code = ?", (respondent_id, code))
    return None if row is None else tuple(row)


def type_answer(view, qtbot, code: str, comment: str) -> None:
    entry = view.entry
    click_row(entry.table, statement_row(view, code), qtbot)
    assert entry.current_row().code == code
    entry.score.setCurrentIndex(entry.score.findText(SPLIT))
    qtbot.keyClicks(entry.comment, comment)


def test_clicking_another_statement_saves_what_was_typed(window, qtbot):
    view = open_round(window)
    click_row(view.entry.respondent_view, agency_row(view, "NPS"), qtbot)
    nps = view.entry.current_respondent()
    type_answer(view, qtbot, "SD1", "Plan agreed late.")
    click_row(view.entry.table, statement_row(view, "SD3"), qtbot)
    assert answer(window.context.bf, nps.id, "SD1") == (5, "Plan agreed late.")
    assert window.undo_action.text() == "&Undo Answer SD1 for NPS"
    assert view.entry.current_row().code == "SD3"
    assert view.entry.comment.toPlainText() == ""


def test_clicking_another_agency_saves_the_answer_for_the_first(window, qtbot):
    view = open_round(window)
    click_row(view.entry.respondent_view, agency_row(view, "NPS"), qtbot)
    nps = view.entry.current_respondent()
    type_answer(view, qtbot, "SD2", "Shared with the Executive.")
    other = next(r for r in view.entry.respondents if r.id != nps.id)
    click_row(view.entry.respondent_view, agency_row(view, other.short_name), qtbot)
    assert view.entry.current_respondent().id == other.id
    assert answer(window.context.bf, nps.id, "SD2") == (5, "Shared with the Executive.")
    assert answer(window.context.bf, view.entry.current_respondent().id, "SD2") is None


def test_choosing_another_round_saves_the_answer_first(window, qtbot):
    view = open_round(window)
    click_row(view.entry.respondent_view, agency_row(view, "NPS"), qtbot)
    nps = view.entry.current_respondent()
    type_answer(view, qtbot, "SD1", "Before the switch.")
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == PUBLISHED_TITLE))
    assert answer(window.context.bf, nps.id, "SD1") == (5, "Before the switch.")


def test_what_is_typed_stays_when_the_view_redraws_after_another_change(window, qtbot):
    view = open_round(window)
    click_row(view.entry.respondent_view, agency_row(view, "NPS"), qtbot)
    type_answer(view, qtbot, "SD1", "Half typed")
    qtbot.mouseClick(view.entry.returned_button, Qt.MouseButton.LeftButton)   # a change: the view redraws
    assert "returned" in view.entry.heading.text()
    assert view.entry.comment.toPlainText() == "Half typed"
    assert view.entry.score.currentText() == SPLIT


def test_quitting_with_an_answer_typed_asks_save_discard_or_cancel(window, qtbot, message_boxes):
    view = open_round(window)
    click_row(view.entry.respondent_view, agency_row(view, "NPS"), qtbot)
    nps = view.entry.current_respondent()
    type_answer(view, qtbot, "SD1", "Not lost on quitting.")

    message_boxes.press.append("Cancel")
    window.close()
    assert window.isVisible() and window.context is not None
    assert message_boxes[0] == ("Not saved yet:\n• The answer to SD1 for NPS (Self-assessment)\n\n"
                                "Save before you quit?")
    assert set(message_boxes.buttons[0]) == {"Save", "Discard", "Cancel"}
    assert view.entry.comment.toPlainText() == "Not lost on quitting."

    message_boxes.press.append("Save")
    path = window.context.bf.path
    window.close()
    assert window.context is None
    from sgdesk.store import open_board_file

    with open_board_file(path, read_only=True) as bf:
        assert answer(bf, nps.id, "SD1") == (5, "Not lost on quitting.")


def test_discard_on_quitting_forgets_the_answer(window, qtbot, message_boxes):
    view = open_round(window)
    click_row(view.entry.respondent_view, agency_row(view, "NPS"), qtbot)
    nps = view.entry.current_respondent()
    type_answer(view, qtbot, "SD1", "Thrown away.")
    path = window.context.bf.path
    message_boxes.press.append("Discard")
    window.close()
    assert window.context is None
    from sgdesk.store import open_board_file

    with open_board_file(path, read_only=True) as bf:
        assert answer(bf, nps.id, "SD1") is None


def test_round_settings_typed_are_saved_when_another_round_is_chosen(window, qtbot):
    view = open_round(window)
    view.tabs.setCurrentWidget(view.round_panel)
    panel = view.round_panel
    panel.title_edit.clear()
    qtbot.keyClicks(panel.title_edit, "Board self-assessment 2019/20 (renamed)")
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == PUBLISHED_TITLE))
    assert "Board self-assessment 2019/20 (renamed)" in [r.title for r in view.rounds]
    assert panel.title_edit.text() == PUBLISHED_TITLE


def test_cancelling_the_tool_editor_with_changes_asks_first(window, qtbot, message_boxes):
    from sgdesk.gui.assessment.tools import ToolEditorDialog, ToolsDialog

    tools = ToolsDialog(window.context, window)
    tools.copy_as(tools.selected(), "Section 11 audit")
    editor = ToolEditorDialog(window.context, tools.selected(), tools)
    editor.show()
    qtbot.keyClicks(editor.name, " (draft)")
    message_boxes.press.append("Keep editing")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible()
    assert message_boxes == ["Throw away the changes to the tool Section 11 audit?"]
    message_boxes.press.append("Discard changes")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    tools.close()
