"""Demo part 50: the demo board's business plan 2016-19 with progress, its action log over the Board's seven
meetings (and from the JTAI, case reviews and an audit), and its risk register reviewed at three meetings.

Everything goes through the registers' own functions, in date order, so the history is what the app
would have recorded; the data is in :mod:`sgdesk.governance.demo_data`.
"""

from __future__ import annotations

import datetime as dt

from sgdesk.governance.actions import (
    ActionDetails,
    add_action,
    add_progress,
    carry_action,
    move_due,
    override_rag,
    parse_source,
    set_status,
)
from sgdesk.governance.demo_data import (
    ACTIONS,
    FEBRUARY_2019_ITEMS,
    OBJECTIVES,
    OTHER_ACTIONS,
    PLAN_UPDATES,
    RISKS,
    Event,
    M,
)
from sgdesk.governance.plans import (
    ObjectiveDetails,
    add_objective,
    add_plan,
    add_plan_update,
    parse_plan_period,
)
from sgdesk.governance.risks import (
    RiskDetails,
    add_risk,
    link_action,
    review_risk,
    set_risk_status,
)
from sgdesk.membership.bodies import Body, find_body, list_subgroups
from sgdesk.membership.meetings import add_forward_item, meetings_on
from sgdesk.membership.seats import find_person
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action


class _Demo:
    def __init__(self, bf: BoardFile, ed: Action, board_id: int) -> None:
        self.bf, self.ed, self.board_id = bf, ed, board_id
        self.board = find_body(bf, board_id, None)
        self.meetings = [meetings_on(bf, self.board, day)[0] for day in M]

    def org(self, name: str) -> int:
        org_id = find_organisation(self.bf, name)
        if org_id is None:
            raise LookupError(f"the demo needs the organisation {name!r}")
        return org_id

    def person(self, name: str | None) -> int | None:
        if name is None:
            return None
        person_id = find_person(self.bf, name)
        if person_id is None:
            raise LookupError(f"the demo needs {name!r} from the membership demo")
        return person_id

    def body(self, name: str) -> Body:
        return find_body(self.bf, self.board_id, name or None)

    def meeting(self, index: int | None) -> int | None:
        return None if index is None else self.meetings[index]

    def plan(self) -> dict[str, int]:
        bf, ed = self.bf, self.ed
        plan_id = add_plan(ed, bf, self.board_id, parse_plan_period("2016-19"))
        subgroups = {body.name: body.subgroup_id for body in list_subgroups(bf, self.board_id)}
        objectives = {}
        for number, priority, outcome, lead in OBJECTIVES:
            lead_ids = (subgroups[lead], None) if lead in subgroups else (None, self.org(lead))
            objectives[number] = add_objective(ed, bf, plan_id, ObjectiveDetails(number, priority, outcome, *lead_ids))
        for number, updates in PLAN_UPDATES.items():
            for index, rag, progress, quantitative, qualitative in updates:
                add_plan_update(ed, bf, objectives[number], made_on=M[index], rag=rag, progress=progress,
                                quantitative=quantitative, qualitative=qualitative, meeting_id=self.meeting(index))
        return objectives

    def actions(self, objectives: dict[str, int]) -> list[int]:
        ids = []
        for index, item, text, owner, person, due, objective, events in ACTIONS:
            details = ActionDetails(text, self.org(owner), due, meeting_id=self.meeting(index), agenda_item=item,
                                    owner_person_id=self.person(person), objective_id=objectives.get(objective or ""))
            ids.append(self.events(add_action(self.ed, self.bf, self.board_id, details), events))
        for source, body, raised, index, text, owner, person, due, objective, events in OTHER_ACTIONS:
            kind, detail = parse_source(source)
            details = ActionDetails(text, self.org(owner), due, meeting_id=self.meeting(index), raised_on=raised,
                                    body=self.body(body), source=kind, source_ref=detail,
                                    owner_person_id=self.person(person), objective_id=objectives.get(objective or ""))
            ids.append(self.events(add_action(self.ed, self.bf, self.board_id, details), events))
        return ids

    def events(self, action_id: int, events: tuple[Event, ...]) -> int:
        bf, ed = self.bf, self.ed
        for kind, day, *rest in events:
            if kind == "progress":
                add_progress(ed, bf, action_id, rest[0], made_on=day, meeting_id=self.meeting(rest[1]))
            elif kind == "due":
                move_due(ed, bf, action_id, rest[0], made_on=day, meeting_id=self.meeting(rest[1]))
            elif kind == "done":
                set_status(ed, bf, action_id, "done", on=day, meeting_id=self.meeting(rest[0]))
            elif kind == "dropped":
                set_status(ed, bf, action_id, "dropped", on=day, note=rest[0])
            elif kind == "carried":
                carry_action(ed, bf, action_id, self.body(rest[0]), made_on=day, meeting_id=self.meeting(rest[1]))
            elif kind == "rag":
                override_rag(ed, bf, action_id, rest[0], rest[1], made_on=day)
        return action_id

    def risks(self, action_ids: list[int]) -> None:
        bf, ed = self.bf, self.ed
        for title, category, owner, inherent, reviews, controls, actions, closed in RISKS:
            (first, likelihood, impact, _note), *later = reviews
            risk_id = add_risk(ed, bf, self.board_id, RiskDetails(
                title, self.org(owner), *inherent, likelihood, impact, category=category, controls=controls),
                identified_on=M[first], meeting_id=self.meeting(first))
            for index, likelihood, impact, note in later:
                review_risk(ed, bf, risk_id, likelihood, impact, reviewed_on=M[index], meeting_id=self.meeting(index),
                            note=note)
            for number in actions:
                link_action(ed, bf, risk_id, action_ids[number - 1])
            if closed is not None:
                set_risk_status(ed, bf, risk_id, "closed", on=M[closed])


def build_governance_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    demo = _Demo(bf, ed, board_id)
    for title, lead in FEBRUARY_2019_ITEMS:
        add_forward_item(ed, bf, demo.meeting(len(M) - 1), title, lead_organisation_id=demo.org(lead),
                         paper_due_on=M[-1] - dt.timedelta(days=7))
    demo.risks(demo.actions(demo.plan()))
