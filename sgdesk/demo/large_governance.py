"""The stress board's meeting papers: an action log over ten years of meetings (with progress, moved due dates,
actions carried from sub-groups to their board, a few still open and overdue), risk registers reviewed at
every board meeting, and a business plan per three years with objectives updated twice a year.

Written in bulk like the rest of the stress board, with the history rows the registers' own functions would
have written, so the registers read back the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sgdesk.demo.large_data import BUSINESS_UNIT, STATUTORY
from sgdesk.demo.large_rows import StressBoard, day_between, spread
from sgdesk.governance.actions import AMBER_DAYS, body_prefix
from sgdesk.governance.risks import REVIEW_MONTHS, months_on
from sgdesk.membership.bodies import Body

VERBS = ("Report on", "Review", "Circulate", "Agree", "Audit", "Map", "Refresh", "Bring a paper on", "Share",
         "Write to partners about")
TOPICS = ("the neglect strategy", "the exploitation action plan", "attendance at the sub-groups",
          "the learning from the latest practice review", "the dashboard's measures", "training take-up",
          "the escalation policy", "the transitions protocol", "missing episodes", "the section 11 returns",
          "the domestic abuse pathway", "the voice of the child", "the budget and contributions",
          "the self-neglect guidance", "the mental capacity audit")
UPDATES = ("Paper drafted", "Partners consulted", "Data requested from agencies", "On the next agenda",
           "Delayed by staff absence", "Findings shared with the Executive")
RISK_TITLES = ("Partner contributions fall short of the budget", "Statutory partners miss meetings",
               "Practice review recommendations are not implemented in time", "Data returns arrive late",
               "Business unit vacancies", "Loss or disclosure of personal data", "Training take-up falls",
               "The dashboard misses emerging risks", "Escalations are not resolved", "The website is out of date",
               "A partner restructure breaks a pathway", "Children missing education are not identified",
               "Self-neglect cases are not escalated", "Transitions to adult services fail",
               "Exploitation hotspots go unmapped", "Case review backlog grows", "Lay members are not recruited",
               "Multi-agency audits are not completed", "Policies fall behind national guidance",
               "Information sharing agreements lapse")
CATEGORIES = ("Financial", "Governance", "Practice", "Performance", "Capacity", "Information governance")
OBJECTIVES_PER_PLAN = 10
PLAN_YEARS = 3

ACTION_COLUMNS = ("id", "board_id", "reference", "subgroup_id", "meeting_id", "agenda_item", "source", "source_ref",
                  "raised_on", "text", "owner_organisation_id", "owner_person_id", "due_on", "status", "closed_on",
                  "rag_override", "rag_reason", "objective_id")


class Papers:
    """Actions, risks and plans for every board, from its meetings."""

    def __init__(self, gen: StressBoard, actions: int, risks: int) -> None:
        self.gen, self.rng = gen, gen.rng
        self.sizes = (actions, risks)
        self.actions: list[dict] = []
        self.events: list[dict] = []
        self.risks: list[dict] = []
        self.reviews: list[dict] = []
        self.links: list[dict] = []
        self.plans: list[dict] = []
        self.objectives: list[dict] = []
        self.updates: list[dict] = []
        self.sequence: dict[tuple[int, int], int] = defaultdict(int)

    def play(self) -> None:
        gen = self.gen
        meetings = defaultdict(list)
        for row in gen.bf.query("SELECT id, board_id, subgroup_id, meets_on, status FROM meeting ORDER BY meets_on, id"):
            meetings[row["board_id"]].append((row["id"], row["subgroup_id"], dt.date.fromisoformat(row["meets_on"]),
                                              row["status"]))
        short = {row[0]: row[1] for row in gen.bf.query("SELECT id, coalesce(short_name, name) FROM subgroup")}
        per_board = spread(self.sizes[0], [45, 30, 25])
        risks_per_board = spread(self.sizes[1], [1, 1, 1])
        owners = [gen.orgs[name] for name in (*STATUTORY, BUSINESS_UNIT)] + self.rng.sample(
            [org_id for name, org_id in gen.orgs.items() if name not in STATUTORY], 12)
        for index, board_id in enumerate(gen.boards):
            held = [m for m in meetings[board_id] if m[3] == "held"]
            board_meetings = [m for m in held if m[1] is None]
            objectives = self._plans(board_id, board_meetings)
            action_ids = self._actions(board_id, held, per_board[index], owners, short, objectives)
            self._risks(board_id, board_meetings, risks_per_board[index], owners, action_ids)

    # -- plans ----------------------------------------------------------------------------------------------
    def _plans(self, board_id: int, meetings: list[tuple]) -> list[tuple[int, dt.date, dt.date]]:
        """A plan per three years, each objective updated at two board meetings a year; (id, start, end)."""
        rng, years, found = self.rng, self.gen.years, []
        for first in range(0, len(years), PLAN_YEARS):
            span = years[first:first + PLAN_YEARS]
            plan_id = len(self.plans) + 1
            start, end = span[0].start, span[-1].end
            self.plans.append({"id": plan_id, "board_id": board_id, "starts_on": start, "ends_on": end,
                               "title": f"Business Plan {span[0].start_year}-{str(span[-1].start_year + 1)[-2:]}"})
            reported = [m for m in meetings if start <= m[2] <= min(end, self.gen.today)][::2]
            for number in range(1, OBJECTIVES_PER_PLAN + 1):
                objective_id = len(self.objectives) + 1
                topic = TOPICS[(number + board_id) % len(TOPICS)]
                self.objectives.append({"id": objective_id, "plan_id": plan_id, "number": str(number),
                                        "priority": f"Improve {topic}", "position": number,
                                        "outcome": f"The annual report evidences better {topic}",
                                        "lead_subgroup_id": None, "lead_organisation_id": None})
                found.append((objective_id, start, end))
                for meeting_id, _sub, day, _status in reported:
                    self.updates.append({"objective_id": objective_id, "made_on": day, "meeting_id": meeting_id,
                                         "rag": rng.choices(("green", "amber", "red"), (5, 4, 1))[0],
                                         "progress": rng.choice(UPDATES), "quantitative": None, "qualitative": None})
        return found

    # -- actions --------------------------------------------------------------------------------------------
    def _reference(self, board_id: int, subgroup_id: int | None, name: str, day: dt.date) -> str:
        self.sequence[(board_id, day.year)] += 1
        body = Body(board_id, subgroup_id, name, name)
        return f"{body_prefix(body)}-{day.year}-{self.sequence[(board_id, day.year)]:03d}"

    def _actions(self, board_id: int, held: list[tuple], count: int, owners: list[int], short: dict[int, str],
                 objectives: list[tuple[int, dt.date, dt.date]]) -> list[int]:
        rng, today = self.rng, self.gen.today
        chosen = sorted(rng.choices(held, k=count), key=lambda m: (m[2], m[0]))
        ids = []
        for meeting_id, subgroup_id, raised, _status in chosen:
            action_id = len(self.actions) + 1
            due = raised + dt.timedelta(days=rng.choice((30, 60, 90, 120, 180)))
            serving = [o[0] for o in objectives if o[1] <= raised <= o[2]]
            row = {"id": action_id, "board_id": board_id,
                   "reference": self._reference(board_id, subgroup_id, short.get(subgroup_id, "Board"), raised),
                   "subgroup_id": subgroup_id, "meeting_id": meeting_id, "agenda_item": None, "source": "meeting",
                   "source_ref": None, "raised_on": raised, "text": f"{rng.choice(VERBS)} {rng.choice(TOPICS)}",
                   "owner_organisation_id": rng.choice(owners), "owner_person_id": None, "due_on": due,
                   "status": "open", "closed_on": None, "rag_override": None, "rag_reason": None,
                   "objective_id": rng.choice(serving) if serving and rng.random() < 0.5 else None}
            self._history(row, today)
            self.actions.append(row)
            ids.append(action_id)
        return ids

    def _history(self, row: dict, today: dt.date) -> None:
        """Perhaps a moved due date, progress, a carry to the board, and (for most older ones) the close."""
        rng, raised = self.rng, row["raised_on"]
        if raised >= today:
            return
        moves = rng.random() < 0.15
        if moves:
            moved_on, first_due = day_between(rng, raised, min(row["due_on"], today)), row["due_on"]
            row["due_on"] = first_due + dt.timedelta(days=rng.choice((30, 60, 90)))
        closes = (today - row["due_on"]).days > AMBER_DAYS and rng.random() < 0.97
        end = day_between(rng, raised, min(today, row["due_on"] + dt.timedelta(days=60))) if closes else today
        if moves:
            self.events.append(self._event(row, min(moved_on, end), "due", due_from=first_due, due_to=row["due_on"]))
        for _ in range(rng.choice((0, 1, 1, 2))):
            self.events.append(self._event(row, day_between(rng, raised, end), "progress", note=rng.choice(UPDATES)))
        if row["subgroup_id"] is not None and rng.random() < 0.03:
            self.events.append(self._event(row, day_between(rng, raised, end), "carried",
                                           body_from=row["subgroup_id"], body_to=None))
            row["subgroup_id"] = None
        if closes:
            status = "done" if rng.random() < 0.92 else "dropped"
            self.events.append(self._event(row, end, "status", status_to=status))
            row["status"], row["closed_on"] = status, end

    @staticmethod
    def _event(row: dict, day: dt.date, kind: str, **values) -> dict:
        return {"action_id": row["id"], "made_on": day, "meeting_id": None, "kind": kind, "note": None,
                "due_from": None, "due_to": None, "status_to": None, "rag_to": None, "body_from": None,
                "body_to": None, **values}

    # -- risks ----------------------------------------------------------------------------------------------
    def _risks(self, board_id: int, meetings: list[tuple], count: int, owners: list[int],
               action_ids: list[int]) -> None:
        rng = self.rng
        early = meetings[:max(1, len(meetings) // 3)]
        for number in range(1, count + 1):
            risk_id = len(self.risks) + 1
            start = rng.choice(early)
            inherent = (rng.randint(3, 5), rng.randint(3, 5))
            likelihood, impact = rng.randint(1, inherent[0]), rng.randint(2, inherent[1])
            reviews = [m for m in meetings if m[2] >= start[2]]
            closed = reviews[-1][2] if rng.random() < 0.15 and len(reviews) > 2 else None
            for meeting_id, _sub, day, _status in reviews:
                if closed is not None and day > closed:
                    break
                self.reviews.append({"risk_id": risk_id, "reviewed_on": day, "meeting_id": meeting_id,
                                     "likelihood": likelihood, "impact": impact, "note": None})
                if rng.random() < 0.3:
                    likelihood = min(5, max(1, likelihood + rng.choice((-1, 1))))
            last = min(closed or self.gen.today, reviews[-1][2])
            self.risks.append({"id": risk_id, "board_id": board_id, "reference": f"R{number:02d}", "subgroup_id": None,
                               "title": RISK_TITLES[(number - 1) % len(RISK_TITLES)], "description": None,
                               "owner_organisation_id": rng.choice(owners), "category": rng.choice(CATEGORIES),
                               "inherent_likelihood": inherent[0], "inherent_impact": inherent[1],
                               "controls": "Reviewed at every board meeting", "identified_on": start[2],
                               "review_on": months_on(last, REVIEW_MONTHS), "status": "closed" if closed else "open",
                               "closed_on": closed})
            for action_id in rng.sample(action_ids, min(len(action_ids), rng.randint(1, 3))):
                self.links.append({"risk_id": risk_id, "action_id": action_id})

    def write(self) -> None:
        gen = self.gen
        gen.many("plan", self.plans)
        gen.many("plan_objective", self.objectives)
        gen.many("plan_update", self.updates)
        gen.many("board_action", self.actions)
        gen.many("action_event", sorted(self.events, key=lambda e: (e["action_id"], e["made_on"])))
        gen.many("risk", self.risks)
        gen.many("risk_review", self.reviews)
        gen.many("risk_action", self.links)
