"""The action log: RAG on the boundary days, overrides, moved due dates kept, done needs a date, carried
actions keep their references, the log as it stood on a day."""

from __future__ import annotations

import datetime as dt

import pytest

from sgdesk.errors import InputError
from sgdesk.governance.actions import (
    AMBER_DAYS,
    ActionDetails,
    action_history,
    actions_as_at,
    add_action,
    add_progress,
    body_names,
    carry_action,
    get_action,
    list_actions,
    move_due,
    override_rag,
    set_status,
)
from sgdesk.governance.attention import governance_attention
from sgdesk.membership.bodies import find_body
from sgdesk.membership.meetings import delete_meeting, meetings_on
from sgdesk.organisations import find_organisation

JUNE = dt.date(2018, 6, 5)


def board_meeting(bf, day: dt.date) -> int:
    return meetings_on(bf, find_body(bf, 1, None), day)[0]


def new_action(bf, due: dt.date | None, **details) -> int:
    with bf.edit("Add an action") as ed:
        return add_action(ed, bf, 1, ActionDetails(details.pop("text", "Write to every school"),
                                                   find_organisation(bf, "Essex Police"), due,
                                                   meeting_id=details.pop("meeting_id", board_meeting(bf, JUNE)),
                                                   **details))


@pytest.mark.parametrize(("days_left", "rag"), [(-1, "red"), (0, "amber"), (AMBER_DAYS, "amber"),
                                                (AMBER_DAYS + 1, "green")])
def test_rag_on_the_boundary_days(demo, days_left, rag):
    today = dt.date(2018, 7, 2)
    action = get_action(demo, new_action(demo, today + dt.timedelta(days=days_left)))
    assert action.rag(today) == rag
    assert action.is_overdue(today) == (days_left < 0)


def test_an_overdue_action_is_on_the_overview_and_leaves_it_when_done(demo):
    today = dt.date(2018, 7, 2)
    action_id = new_action(demo, today - dt.timedelta(days=1))
    reference = get_action(demo, action_id).reference
    overdue = [i.text for i in governance_attention(demo, 1, today) if "overdue" in i.text]
    assert len(overdue) == 1 and reference in overdue[0]
    with demo.edit("Done") as ed:
        set_status(ed, demo, action_id, "done", on=today)
    assert get_action(demo, action_id).rag(today) is None
    assert not any(reference in i.text for i in governance_attention(demo, 1, today))


def test_actions_due_by_the_next_meeting_of_their_body_are_on_the_overview(demo):
    next_meeting = dt.date(2019, 2, 6)
    today = next_meeting - dt.timedelta(days=20)
    due = get_action(demo, new_action(demo, next_meeting)).reference
    later = get_action(demo, new_action(demo, next_meeting + dt.timedelta(days=1))).reference
    [item] = [i for i in governance_attention(demo, 1, today) if "next meeting" in i.text]
    assert item.text.startswith("Southend LSCB: ") and "next meeting on 6 Feb 2019" in item.text
    assert due in item.text and later not in item.text


def test_an_override_needs_a_reason_and_replaces_the_derived_rating(demo):
    today = dt.date(2018, 7, 2)
    action_id = new_action(demo, today + dt.timedelta(days=60))
    with pytest.raises(InputError, match="The RAG override has no reason: say why"):
        with demo.edit("Override") as ed:
            override_rag(ed, demo, action_id, "red", "  ", made_on=today)
    with demo.edit("Override") as ed:
        override_rag(ed, demo, action_id, "red", "The lead has left; nobody is working on it", made_on=today)
    action = get_action(demo, action_id)
    assert (action.rag(today), action.rag_reason) == ("red", "The lead has left; nobody is working on it")
    with demo.edit("Clear") as ed:
        override_rag(ed, demo, action_id, None, None, made_on=today)
    assert get_action(demo, action_id).rag(today) == "green"
    assert [e.describe({}) for e in action_history(demo, action_id)] == [
        "RAG set to Red: The lead has left; nobody is working on it", "RAG override removed"]


def test_moving_a_due_date_keeps_the_old_one_in_the_history(demo):
    action_id = new_action(demo, dt.date(2018, 6, 30))
    september = board_meeting(demo, dt.date(2018, 9, 25))
    with demo.edit("Move") as ed:
        move_due(ed, demo, action_id, dt.date(2018, 9, 30), made_on=JUNE, meeting_id=board_meeting(demo, JUNE))
        move_due(ed, demo, action_id, dt.date(2018, 12, 31), made_on=dt.date(2018, 9, 25), meeting_id=september,
                 note="Waiting for the police data")
    assert [e.describe({}) for e in action_history(demo, action_id)] == [
        "Due 30 Jun 2018, moved to 30 Sep 2018 at the 5 Jun 2018 meeting",
        "Due 30 Sep 2018, moved to 31 Dec 2018 at the 25 Sep 2018 meeting: Waiting for the police data"]
    then = {a.id: a for a in actions_as_at(demo, 1, dt.date(2018, 9, 24))}
    assert then[action_id].due_on == dt.date(2018, 9, 30)
    assert get_action(demo, action_id).due_on == dt.date(2018, 12, 31)


def test_done_needs_a_date_on_or_after_the_action_was_raised(demo):
    action_id = new_action(demo, dt.date(2018, 6, 30))
    reference = get_action(demo, action_id).reference
    with pytest.raises(InputError, match=f"{reference} is marked done without a date: give the date it was done"):
        with demo.edit("Done") as ed:
            set_status(ed, demo, action_id, "Completed", on=None)
    with pytest.raises(InputError, match=f"'4 Jun 2018' is before {reference} was raised"):
        with demo.edit("Done") as ed:
            set_status(ed, demo, action_id, "done", on=dt.date(2018, 6, 4))
    with demo.edit("Done") as ed:
        set_status(ed, demo, action_id, "done", on=dt.date(2018, 6, 20))
    action = get_action(demo, action_id)
    assert (action.status, action.closed_on, action.status_label) == ("done", dt.date(2018, 6, 20),
                                                                      "Done 20 Jun 2018")


def test_a_carried_action_keeps_its_reference_and_the_sequence_runs_on_across_bodies(demo):
    panel = find_body(demo, 1, "Case Review Panel")
    board = find_body(demo, 1, None)
    before = {a.reference for a in list_actions(demo, 1)}
    action_id = new_action(demo, dt.date(2021, 3, 31), meeting_id=None, body=panel, source="case review",
                           source_ref="LCSPR Child F", raised_on=dt.date(2021, 1, 12))
    reference = get_action(demo, action_id).reference
    assert reference == "CR-2021-001" and reference not in before
    with demo.edit("Carry") as ed:
        carry_action(ed, demo, action_id, board, made_on=dt.date(2021, 2, 3))
    carried = get_action(demo, action_id)
    assert (carried.reference, carried.body_name, carried.source_label) == \
        ("CR-2021-001", "Southend LSCB", "Case review: LCSPR Child F")
    assert [e.describe(body_names(demo, 1)) for e in action_history(demo, action_id)] == [
        "Carried from the Case Review to the Southend LSCB"]
    assert [a.id for a in list_actions(demo, 1, body=board)][-1] == action_id
    next_one = get_action(demo, new_action(demo, None, meeting_id=None, body=board, source="audit",
                                           raised_on=dt.date(2021, 2, 3))).reference
    assert next_one == "B-2021-002"
    then = {a.id: a for a in actions_as_at(demo, 1, dt.date(2021, 2, 2))}
    assert then[action_id].body_name == "Case Review"
    with pytest.raises(InputError, match="CR-2021-001 is already with the Southend LSCB: choose another body"):
        with demo.edit("Carry") as ed:
            carry_action(ed, demo, action_id, board, made_on=dt.date(2021, 2, 4))


def test_a_new_action_needs_a_meeting_or_its_source_and_a_due_date_after_it(demo):
    with pytest.raises(InputError, match="The action has no meeting: choose the meeting it arose at"):
        new_action(demo, None, meeting_id=None)
    with pytest.raises(InputError, match=r"'1 Jun 2018' is before the action was raised \(5 Jun 2018\)"):
        new_action(demo, dt.date(2018, 6, 1))
    with pytest.raises(InputError, match="The action is empty"):
        new_action(demo, None, text="   ")
    with pytest.raises(InputError, match="'b-2017-001' is already an action's reference"):
        new_action(demo, None, reference="b-2017-001")


def test_the_log_as_it_stood_on_a_day(demo):
    action_id = new_action(demo, dt.date(2018, 7, 31))
    with demo.edit("Progress") as ed:
        add_progress(ed, demo, action_id, "Letter drafted", made_on=dt.date(2018, 7, 10))
        set_status(ed, demo, action_id, "done", on=dt.date(2018, 8, 1))
    states = {day: next(a for a in actions_as_at(demo, 1, day) if a.id == action_id)
              for day in (JUNE, dt.date(2018, 7, 10), dt.date(2018, 8, 1))}
    assert [(s.status, s.latest_update) for s in states.values()] == [
        ("open", None), ("open", "Letter drafted"), ("done", "Letter drafted")]
    assert all(a.id != action_id for a in actions_as_at(demo, 1, JUNE - dt.timedelta(days=1)))


def test_removing_a_meeting_keeps_the_actions_raised_there_and_undo_links_them_again(demo):
    meeting = board_meeting(demo, JUNE)
    raised = [a.id for a in list_actions(demo, 1) if a.meeting_id == meeting]
    assert raised
    with demo.edit("Remove the meeting") as ed:
        delete_meeting(ed, demo, meeting)
    assert {get_action(demo, a).meeting_id for a in raised} == {None}
    demo.editor.undo()
    assert {get_action(demo, a).meeting_id for a in raised} == {meeting}
