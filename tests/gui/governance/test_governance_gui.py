"""The Actions & risks view through pytest-qt: filters, edits in place with undo, the forms for dated changes,
reviews and the heat map, the Overview's items, Ctrl+F, and Meetings > Prepare papers…."""

from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest
from PySide6.QtCore import Qt

from sgdesk.governance.actions import action_history, find_action, get_action, list_actions
from sgdesk.governance.risks import find_risk, get_risk, list_risks


@pytest.fixture
def governance(window):
    return window.show_view("governance")


def rows(table) -> list[dict]:
    model = table.model()
    return [table.records.row_at(model.mapToSource(model.index(r, 0)).row()) for r in range(model.rowCount())]


def cell(table, row_id: int, key: str):
    table.select_id(row_id)
    column = [f.key for f in table.records.fields].index(key)
    return table.model().index(table.currentIndex().row(), column)


def test_the_action_log_opens_on_the_open_actions_and_filters_by_body_rag_and_words(governance, qtbot):
    panel = governance.actions
    bf = governance.context.bf
    open_actions = [a for a in list_actions(bf, 1) if a.is_open]
    assert {r["reference"] for r in rows(panel.table)} == {a.reference for a in open_actions}
    panel.body.setCurrentIndex(panel.body.findData("subgroup:2"))
    assert [r["reference"] for r in rows(panel.table)] == \
        [a.reference for a in open_actions if a.body_name == "Monitoring"]
    assert panel.table.isColumnHidden([f.key for f in panel.table.records.fields].index("body"))
    panel.body.setCurrentIndex(0)
    panel.rag.setCurrentIndex(panel.rag.findData("amber"))
    assert {r["rag"] for r in rows(panel.table)} == {"Amber"}
    panel.rag.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "MARAC")
    assert [r["text"] for r in rows(panel.table)] == ["Report MARAC waiting times for high-risk domestic abuse cases"]
    panel.status.setCurrentIndex(panel.status.findData(None))
    panel.search.setText("")
    assert len(rows(panel.table)) == len(list_actions(bf, 1))


def test_a_due_date_changed_in_place_is_kept_in_the_history_and_undo_puts_it_back(window, governance):
    panel = governance.actions
    bf = governance.context.bf
    action_id = find_action(bf, 1, "B-2019-001")
    before = get_action(bf, action_id).due_on
    assert panel.table.model().setData(cell(panel.table, action_id, "due_on"), "30/09/2019")
    assert get_action(bf, action_id).due_on == dt.date(2019, 9, 30)
    [event] = action_history(bf, action_id)
    assert event.describe({}).startswith(f"Due {before:%-d %b %Y}, moved to 30 Sep 2019")
    assert window.undo_action.text() == "&Undo Change the due date of B-2019-001"
    window.undo_action.trigger()
    assert get_action(bf, action_id).due_on == before and action_history(bf, action_id) == []
    assert [r["due_on"] for r in rows(panel.table) if r["id"] == action_id] == [before]


def test_done_typed_in_the_status_cell_closes_it_today_and_it_leaves_the_open_list(governance):
    panel = governance.actions
    bf = governance.context.bf
    action_id = find_action(bf, 1, "B-2019-002")
    assert panel.table.model().setData(cell(panel.table, action_id, "status"), "Completed")
    action = get_action(bf, action_id)
    assert (action.status, action.closed_on) == ("done", dt.date.today())
    assert action_id not in [r["id"] for r in rows(panel.table)]


def test_an_update_typed_under_latest_update_is_a_new_dated_update(governance):
    panel = governance.actions
    bf = governance.context.bf
    action_id = find_action(bf, 1, "B-2019-003")
    panel.table.model().setData(cell(panel.table, action_id, "update"), "Gaps listed for the L&D group")
    action = get_action(bf, action_id)
    assert (action.latest_update, action.latest_update_on) == ("Gaps listed for the L&D group", dt.date.today())


def test_an_owner_not_in_the_file_is_refused_with_a_message(governance, message_boxes):
    panel = governance.actions
    bf = governance.context.bf
    action_id = find_action(bf, 1, "B-2019-003")
    panel.table.model().setData(cell(panel.table, action_id, "owner"), "Essex Constabulary (DI Smith)")
    assert message_boxes == ["'Essex Constabulary' is not an organisation in this file: use its name or short name "
                             "as Membership lists it, or add it there first"]
    assert get_action(bf, action_id).owner == "SEPT (Bethan Howells)"


def test_a_new_action_from_a_meeting_through_the_form(fill_form, window, governance, monkeypatch):
    panel = governance.actions
    bf = governance.context.bf
    meeting = bf.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'")
    owner = bf.scalar("SELECT id FROM organisation WHERE short_name = 'Essex Police'")
    last = max(int(a.reference[-3:]) for a in list_actions(bf, 1) if "-2019-" in a.reference)
    fill_form(monkeypatch, meeting=meeting, source="meeting", text="Brief schools on Operation Encompass",
              owner=owner, person="Zoë Adeyemi", due_on="30/04/2019", agenda_item="Domestic abuse")
    panel.buttons[0].click()
    [action] = [a for a in list_actions(bf, 1) if a.text == "Brief schools on Operation Encompass"]
    assert (action.reference, action.raised_on, action.due_on, action.owner, action.agenda_item) == \
        (f"B-2019-{last + 1:03d}", dt.date(2019, 2, 6), dt.date(2019, 4, 30), "Essex Police (Zoë Adeyemi)",
         "Domestic abuse")
    assert panel.table.selected()["id"] == action.id
    assert window.undo_action.text() == "&Undo Add an action"


def test_closing_an_action_needs_a_date(fill_form, governance, monkeypatch, message_boxes):
    panel = governance.actions
    panel.table.select_id(find_action(governance.context.bf, 1, "B-2019-001"))
    fill_form(monkeypatch, status="done", on="")
    panel.mark_done()
    assert message_boxes == ["B-2019-001 is marked done without a date: give the date it was done"]


def test_carry_and_override_through_their_forms(fill_form, governance, monkeypatch):
    panel = governance.actions
    bf = governance.context.bf
    action_id = find_action(bf, 1, "M-2018-028")
    panel.table.select_id(action_id)
    fill_form(monkeypatch, body="board", on="07/02/2019")
    panel.carry()
    assert (get_action(bf, action_id).reference, get_action(bf, action_id).body_name) == ("M-2018-028",
                                                                                          "Southend LSCB")
    fill_form(monkeypatch, rag="amber", reason="Schools are on half term; the tool goes out on their return")
    panel.table.select_id(action_id)
    panel.override()
    row = next(r for r in rows(panel.table) if r["id"] == action_id)
    assert row["rag"] == "Amber"
    assert "RAG set to Amber: Schools are on half term" in panel.details.text()


def test_a_review_through_the_form_changes_the_trend_and_the_heat_map(fill_form, governance, monkeypatch):
    governance.tabs.setCurrentIndex(1)
    panel = governance.risks
    bf = governance.context.bf
    risk_id = find_risk(bf, 1, "R04")
    before = get_risk(bf, risk_id)
    assert panel.heat.index(5 - before.residual_impact, before.residual_likelihood - 1).data() == "1"
    meeting = bf.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'")
    panel.table.select_id(risk_id)
    fill_form(monkeypatch, likelihood=3, impact=4, on="06/02/2019", meeting=meeting, note="Local triage")
    panel.review()
    row = next(r for r in rows(panel.table) if r["id"] == risk_id)
    assert (row["residual"], row["rag"], row["trend"]) == (12, "Amber", "\u2193 falling")
    placed = sum(1 for r in list_risks(bf, 1) if r.is_open and (r.residual_likelihood, r.residual_impact) == (3, 4))
    assert panel.heat.index(5 - 4, 3 - 1).data() == str(placed)
    assert panel.reviews.item(0).text() == "06 Feb 2019 (at the meeting): 3 × 4 = 12: Local triage"


def test_the_boards_own_bands_rerate_the_register(fill_form, governance, monkeypatch):
    governance.tabs.setCurrentIndex(1)
    panel = governance.risks
    fill_form(monkeypatch, amber_from=4, red_from=12)
    panel.edit_bands()
    assert {r["rag"] for r in rows(panel.table) if r["residual"] == 12} == {"Red"}
    assert "bands 1-3 green, 4-10 amber, 12-25 red" in panel.bands_label.text()


def test_a_progress_update_on_an_objective(fill_form, governance, monkeypatch):
    governance.tabs.setCurrentIndex(2)
    panel = governance.plan
    objective = rows(panel.table)[6]
    panel.table.select_id(objective["id"])
    fill_form(monkeypatch, rag="green", progress="Young people's panel meets monthly", on="20/03/2019")
    panel.add_update()
    row = next(r for r in rows(panel.table) if r["id"] == objective["id"])
    assert (row["rag"], row["progress"], row["made_on"]) == ("Green", "Young people's panel meets monthly",
                                                             dt.date(2019, 3, 20))


def test_the_overview_opens_the_body_s_overdue_actions(window):
    overview = window.show_view("overview")
    entry = next(overview.list.item(i) for i in range(overview.list.count())
                 if "Monitoring: 1 action overdue" in overview.list.item(i).text())
    overview._open_item(entry)
    view = window.view("governance")
    assert window.view_stack.currentWidget() is view
    assert view.tabs.currentIndex() == 0
    assert [r["reference"] for r in rows(view.actions.table)] == ["M-2018-028"]
    assert view.actions.rag.currentData() == "red"


def test_prepare_papers_from_the_meetings_view_writes_the_meeting_pack(window, fill_form, monkeypatch, qtbot,
                                                                     message_boxes, tmp_path):
    meetings = window.show_view("meetings")
    meetings.tabs.setCurrentIndex(1)
    table = meetings.meeting_table
    table.select_id(meetings.context.bf.scalar("SELECT id FROM meeting WHERE meets_on = '2019-02-06'"))
    out = tmp_path / "papers.pdf"
    fill_form(monkeypatch, format="pdf", path=str(out))
    meetings.papers_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30_000)
    assert message_boxes[0].startswith("Saved papers.pdf (")
    with pdfplumber.open(out) as pdf:
        assert "Wednesday 6 February 2019" in pdf.pages[0].extract_text()
        assert "3. Action log" in pdf.pages[4].extract_text()


def test_prepare_papers_without_a_meeting_chosen_says_so(window, message_boxes):
    meetings = window.show_view("meetings")
    meetings.tabs.setCurrentIndex(1)
    meetings.meeting_table.clearSelection()
    meetings.meeting_table.setCurrentIndex(meetings.meeting_table.model().index(-1, -1))
    meetings.prepare_papers()
    assert message_boxes == ["select a meeting in the list first"]


def test_an_empty_board_says_what_the_view_is_for(qtbot, settings, tmp_path):
    from sgdesk.gui.shell.main_window import MainWindow
    from sgdesk.store import create_board_file

    path = tmp_path / "new.sgdesk"
    with create_board_file(path) as bf, bf.edit("Board") as ed:
        from sgdesk.boards import add_board

        add_board(ed, "Test Board")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_path(path)
    view = win.show_view("governance")
    assert view.stack.currentWidget() is view.empty


@pytest.mark.parametrize("tab, noun", [("actions", "action"), ("risks", "risk"), ("plan", "objective")])
def test_deleting_an_action_a_risk_or_an_objective_asks_first(governance, asks_before_removing, tab, noun):
    panel = getattr(governance, tab)
    governance.tabs.setCurrentWidget(panel)
    panel.table.selectRow(0)
    delete = next(b for b in panel.buttons if b.text().replace("&", "").startswith("Delete"))
    question = asks_before_removing(delete, f"Delete {noun}", f"Keep {noun}", lambda: len(panel.table.records.rows))
    assert question.startswith(f"Delete {'the ' if noun != 'objective' else ''}{noun} ")


def test_opening_the_view_reads_the_action_log_once(window, monkeypatch):
    """The view's tabs to read again are its own: the base view's flag of a change missed while hidden is another
    (sharing a name, the first showing read every tab again)."""
    from PySide6.QtWidgets import QApplication

    from sgdesk.gui.governance import actions

    reads = []
    monkeypatch.setattr(actions, "list_actions", lambda *args: reads.append(args) or list_actions(*args))
    window.show_view("governance")
    QApplication.processEvents()
    assert len(reads) == 1
