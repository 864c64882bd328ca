"""The ten-year stress board: ``sgdesk demo FILE --scale large``.

An invented county partnership, Marshford, that runs three boards from one business unit and
has kept SG Desk for ten financial years (the current one and the nine before it): 10 sub-groups,
120 organisations, 400 members, about 700 meetings with their marks, 4,000 training sessions
with 100,000 bookings, 8,000 ledger entries, 10 self-assessment rounds of 40 statements from
30 agencies, 2,000 actions in the action logs, 60 risks reviewed at every board meeting, and ten
years of 60 performance indicators for 11 areas. It exists to show that SG Desk stays quick at
that size (see ``benchmarks/run``).

The file is generated, not typed: everything is written by one action in the write path's bulk
mode (:meth:`sgdesk.store.changes.Editor.bulk`: seconds, where recording each row would take
minutes), and that one audit action says what was generated. It keeps every rule the features keep: no session over capacity,
waiting lists promoted in order, registers taken only for sessions that ran, contribution
shares summing to 100%, outturns carried forward exactly, marks only inside seats' dates, and
delegates past the retention period anonymised; ``sgdesk check`` finds no problem in it.

A seeded random generator makes it the same every time for the same day (``today``); the
years are those up to the current one, so it has sessions to come and an open round.
Every person in it is invented.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from sgdesk.assessment.demo_data import COMMENTS as ASSESSMENT_COMMENTS
from sgdesk.assessment.tool_store import install_tool
from sgdesk.assessment.tools import (
    SEED_TOOL_KEY,
    SectionSpec,
    StatementSpec,
    ThemeSpec,
    ToolSpec,
    built_in_tool,
)
from sgdesk.boards import add_board
from sgdesk.demo.large_data import (
    ADULTS_COURSES,
    ALL_AGE_COURSES,
    BOARD_SEATS,
    BOARDS,
    BUSINESS_UNIT,
    COUNTY,
    EXTRA_STATEMENTS,
    FINANCE,
    FORWARD_ITEMS,
    JOB_TITLES,
    MARK_WEIGHTS,
    MARKS,
    MEETING_VENUES,
    MORE_CHILDREN_COURSES,
    ORGANISATION_COUNT,
    ORGANISATIONS,
    OUT_OF_AREA_ORGS,
    PLACES,
    REQUIRED_NAMES,
    SCHOOL_KINDS,
    STATUTORY,
    STATUTORY_WEIGHTS,
    SUBGROUP_SEATS,
    SUBGROUPS,
    TOOL_KEY,
)
from sgdesk.demo.large_finance import BoardYear
from sgdesk.demo.large_governance import Papers
from sgdesk.demo.large_indicators import Performance
from sgdesk.demo.large_rows import (
    StressBoard,
    address,
    day_between,
    nth_weekday,
    spread,
)
from sgdesk.demo.large_training import Programme
from sgdesk.finance.accounts import ensure_accounts, ensure_fund
from sgdesk.fyear import FinancialYear
from sgdesk.membership.bodies import add_subgroup
from sgdesk.organisations import add_alias, add_organisation
from sgdesk.store import BoardFile, create_board_file
from sgdesk.store.changes import BulkAction
from sgdesk.training.demo import _COURSES as DEMO_COURSES
from sgdesk.training.demo import _FIRST, _LAST
from sgdesk.training.policy import OUT_OF_AREA, PARTNER, PRIVATE, VOLUNTARY
from sgdesk.training.programme import CourseDetails

SEED = 2026
AUDIT_DESCRIPTION = "Generate the stress board"


@dataclass(frozen=True)
class Sizes:
    """How much the stress board holds; :meth:`at` scales it (tests use a tenth, benchmarks fewer years)."""

    years: int = 10
    sessions: int = 4_000
    bookings: int = 100_000
    ledger_entries: int = 8_000
    rounds: int = 10
    respondents: int = 30
    people: int = 400
    actions: int = 2_000
    risks: int = 60

    @classmethod
    def at(cls, scale: float = 1.0, years: int = 10) -> "Sizes":
        """The bulk (sessions, bookings, ledger) at ``scale`` of the full board's yearly volume, for
        ``years`` years; the partnership itself (boards, organisations, people) stays whole."""
        if not 0 < scale <= 1:
            raise ValueError(f"scale is a fraction of the full stress board, above 0 and at most 1, not {scale}")
        if not 1 <= years <= 10:
            raise ValueError(f"the stress board holds 1 to 10 years, not {years}")
        full, share = cls(), scale * years / cls.years
        return cls(years=years, sessions=max(30, round(full.sessions * share)),
                   bookings=max(600, round(full.bookings * share)),
                   ledger_entries=max(120 * years, round(full.ledger_entries * share)), rounds=years,
                   actions=max(60, round(full.actions * share)))


class Generator(StressBoard):
    """Writes the stress board's records, feature by feature, through the open bulk action."""

    def __init__(self, bf: BoardFile, ed: BulkAction, rng: random.Random, sizes: Sizes, today: dt.date) -> None:
        super().__init__(bf, ed, rng, sizes.years, today)
        self.sizes = sizes

    def run(self) -> None:
        self.partnership()
        self.membership()
        self.finance()
        self.assessment()
        self.training()
        self.papers()
        Performance(self, self.boards[0], COUNTY).write()

    # -- boards, sub-groups, organisations ---------------------------------------------------------------
    def partnership(self) -> None:
        for name, short, kind in BOARDS:
            self.boards.append(add_board(self.ed, name, short_name=short, kind=kind))
        for name, short, org_type, aliases in self._organisation_list():
            org_id = add_organisation(self.ed, name, short_name=short, org_type=org_type, statutory=name in STATUTORY)
            self.orgs[name], self.org_types[org_id] = org_id, org_type
            for alias, valid_from, valid_to in aliases:
                add_alias(self.ed, org_id, alias, valid_from=valid_from, valid_to=valid_to)

    def _organisation_list(self) -> list[tuple[str, str | None, str, tuple]]:
        listed = list(ORGANISATIONS)
        schools = [f"{place} {kind}" for kind in SCHOOL_KINDS for place in PLACES]
        self.rng.shuffle(schools)
        listed += [(name, None, "education", ()) for name in schools[:ORGANISATION_COUNT - len(listed)]]
        return listed

    # -- membership, meetings and attendance ---------------------------------------------------------------
    def membership(self) -> None:
        names = self._people_names()
        people = [{"id": n + 1, "name": name, "job_title": None, "email": f"{address(name)}@marshford.example",
                   "phone": None} for n, name in enumerate(names)]
        bodies: list[tuple[int, int | None, list[tuple[str, str, str | None]]]] = []
        for index, board_id in enumerate(self.boards):
            seats = list(BOARD_SEATS[index])
            bodies.append((board_id, None, seats))
            pool = [s for s in seats if s[1] in ("Member", "Vice Chair", "Designated Nurse")]
            for name, short, frequency in SUBGROUPS[index]:
                subgroup_id = add_subgroup(self.ed, board_id, name, short_name=short, frequency=frequency)
                chosen = self.rng.sample(pool, min(SUBGROUP_SEATS, len(pool)))
                roles = ("Chair", "Vice Chair") + ("Member",) * (len(chosen) - 2)
                members = [(org, role, None) for (org, _role, _label), role in zip(chosen, roles)]
                bodies.append((board_id, subgroup_id, members))
        seat_rows, holder_rows, deputies = self._seats(bodies, people)
        self.many("person", people)
        self.many("seat", seat_rows)
        self.many("seat_holder", holder_rows)
        self._meetings(bodies, seat_rows, deputies)

    def _people_names(self) -> list[str]:
        names = list(REQUIRED_NAMES)
        seen = set(names)
        while len(names) < self.sizes.people:
            name = f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    def _seats(self, bodies, people: list[dict]) -> tuple[list[dict], list[dict], dict[int, int]]:
        """Seats with their representatives over the years, and the deputy of about half of them (for
        the seat's whole life: seat id -> person id); every person has a place before anyone has two."""
        rng, seat_rows, holder_rows = self.rng, [], []
        deputies: dict[int, int] = {}
        order = list(range(len(people)))
        rng.shuffle(order)
        next_person = iter(order * 3)
        for board_id, subgroup_id, seats in bodies:
            for org, role, label in seats:
                seat_id = len(seat_rows) + 1
                permanent = org in STATUTORY or role in ("Independent Chair", "Chair")
                starts = None if permanent or rng.random() > 0.15 else self._later(self.first_day, 0.1, 0.7)
                ends = None if permanent or rng.random() > 0.1 else self._later(starts or self.first_day, 0.4, 0.9)
                seat_rows.append({"id": seat_id, "board_id": board_id, "subgroup_id": subgroup_id,
                                  "organisation_id": self.orgs[org], "role": role, "label": label,
                                  "starts_on": starts, "ends_on": ends})
                first = starts or self.first_day
                changes = sorted({self._later(first, 0.05, 0.95, until=ends)
                                  for _ in range(rng.choices((0, 1, 2), (40, 40, 20))[0])})
                begins = [starts, *changes]
                org_type = self.org_types[self.orgs[org]]
                for n, begin in enumerate(begins):
                    person = next(next_person)
                    people[person]["job_title"] = people[person]["job_title"] or rng.choice(JOB_TITLES[org_type])
                    finish = begins[n + 1] - dt.timedelta(days=1) if n + 1 < len(begins) else ends
                    holder_rows.append({"seat_id": seat_id, "person_id": person + 1, "kind": "representative",
                                        "starts_on": begin, "ends_on": finish})
                if rng.random() < 0.45:
                    person = next(next_person)
                    deputies[seat_id] = person + 1
                    holder_rows.append({"seat_id": seat_id, "person_id": person + 1, "kind": "deputy",
                                        "starts_on": starts, "ends_on": ends})
        return seat_rows, holder_rows, deputies

    def _later(self, day: dt.date, low: float, high: float, until: dt.date | None = None) -> dt.date:
        """A day after ``day``, between ``low`` and ``high`` of the way to ``until`` (or today)."""
        days = ((until or self.today) - day).days
        return day + dt.timedelta(days=max(1, round(days * self.rng.uniform(low, high))))

    def _meetings(self, bodies, seat_rows: list[dict], deputies: dict[int, int]) -> None:
        """Ten years of meetings; marks at those held (two bodies' latest left unrecorded, as happens)."""
        rng, meetings, marks, items = self.rng, [], [], []
        by_body: dict[tuple[int, int | None], list[dict]] = defaultdict(list)
        for seat in seat_rows:
            by_body[(seat["board_id"], seat["subgroup_id"])].append(seat)
        unrecorded = {(b, s) for b, s, _seats in rng.sample(bodies, 2)}
        statutory_ids = {self.orgs[name] for name in STATUTORY}
        for body_index, (board_id, subgroup_id, _seats) in enumerate(bodies):
            days = self._meeting_days(subgroup_id is None, body_index)
            past = [day for day in days if day <= self.today]
            for day in days:
                meeting_id = len(meetings) + 1
                if day > self.today:
                    status = "planned"
                elif rng.random() < 0.02:
                    status = "cancelled"
                else:
                    status = "held"
                online = day.year >= 2020 and rng.random() < 0.4
                meetings.append({"id": meeting_id, "board_id": board_id, "subgroup_id": subgroup_id, "meets_on": day,
                                 "starts_at": "14:00" if subgroup_id is None else "10:00",
                                 "venue": "Microsoft Teams" if online else rng.choice(MEETING_VENUES),
                                 "online": online, "status": status, "notes": None})
                if subgroup_id is None:
                    for position, title in enumerate(rng.sample(FORWARD_ITEMS, 5), start=1):
                        items.append({"meeting_id": meeting_id, "title": title, "position": position,
                                      "lead_organisation_id": self.orgs[rng.choice(STATUTORY + (BUSINESS_UNIT,))],
                                      "paper_due_on": day - dt.timedelta(days=7)})
                if status != "held" or ((board_id, subgroup_id) in unrecorded and past and day == past[-1]):
                    continue
                for seat in by_body[(board_id, subgroup_id)]:
                    if (seat["starts_on"] and day < seat["starts_on"]) or (seat["ends_on"] and day > seat["ends_on"]):
                        continue
                    weights = STATUTORY_WEIGHTS if seat["organisation_id"] in statutory_ids else MARK_WEIGHTS
                    mark = rng.choices(MARKS, weights)[0]
                    deputy = deputies.get(seat["id"]) if mark == "D" else None
                    marks.append({"seat_id": seat["id"], "meeting_id": meeting_id, "mark": mark, "deputy_id": deputy,
                                  "note": None})
        self.many("meeting", meetings)
        self.many("attendance", marks)
        self.many("forward_item", items)

    def _meeting_days(self, is_board: bool, body_index: int) -> list[dt.date]:
        """Boards meet quarterly (June, September, December, March); sub-groups every other month."""
        days = []
        for year in self.years:
            months = [6, 9, 12, 3] if is_board else [4 + (body_index % 2) + 2 * k for k in range(6)]
            for month in months:
                calendar_year = year.start_year + (1 if month <= 3 or month > 12 else 0)
                month = (month - 1) % 12 + 1
                days.append(nth_weekday(calendar_year, month, 1 + body_index % 3, 2 + body_index % 2))
        return sorted(days)

    # -- finance ------------------------------------------------------------------------------------------
    def finance(self) -> None:
        entries, budget, contributions, years = [], [], [], []
        per_board = spread(self.sizes.ledger_entries, [45, 30, 25])
        for index, board_id in enumerate(self.boards):
            core = ensure_fund(self.ed, self.bf, board_id, f"{BOARDS[index][1]} core budget")
            ring_fenced_name = FINANCE[index][2]
            ring_fenced = ensure_fund(self.ed, self.bf, board_id, ring_fenced_name, ring_fenced=True) \
                if ring_fenced_name else None
            ensure_accounts(self.ed, self.bf, board_id)
            categories = {(row[0], row[1]): row[2] for row in self.bf.query(
                "SELECT section, name, id FROM finance_category WHERE board_id = ?", (board_id,))}
            weights = [max(1, round(1000 * self.year_fraction(year))) for year in self.years]
            carried: int | None = None
            for year, target in zip(self.years, spread(per_board[index], weights)):
                ledger = BoardYear(self, index, board_id, year, categories, core, ring_fenced)
                years.append({"board_id": board_id, "year_start": year.start_year, "rounding": "pound",
                              "total_pence": ledger.requirement})
                contributions += ledger.contributions()
                ledger.income(carried)
                ledger.spending(target)
                entries += ledger.entries()
                budget += ledger.budget(carried)
                carried = ledger.outturn()
        self.many("contribution_year", years)
        self.many("contribution", contributions)
        self.many("ledger_entry", entries)
        self.many("budget_line", budget)

    # -- self-assessment ---------------------------------------------------------------------------------------
    def assessment(self) -> None:
        rng, board_id = self.rng, self.boards[0]
        seed = built_in_tool(SEED_TOOL_KEY)
        extra = SectionSpec("Learning and improvement", tuple(
            ThemeSpec(theme, tuple(StatementSpec(f"LI{n}", text) for n, text in statements))
            for theme, statements in _numbered(EXTRA_STATEMENTS)))
        spec = ToolSpec(TOOL_KEY, 1, f"{COUNTY} partnership self-assessment", seed.scale, (*seed.sections, extra),
                        introduction=seed.introduction, source=f"{seed.name}, with the partnership's own section",
                        prompts=seed.prompts)
        tool_id = install_tool(self.ed, self.bf, spec)
        statements = [row[0] for row in self.bf.query(
            "SELECT id FROM assessment_statement WHERE tool_id = ? ORDER BY position", (tool_id,))]
        quality = {statement: rng.uniform(2.0, 3.2) for statement in statements}
        agencies = [self.orgs[name] for name, _s, org_type, _a in ORGANISATIONS
                    if org_type not in ("lay", "board") and name not in OUT_OF_AREA_ORGS]
        comments = [text for _code, _index, text in ASSESSMENT_COMMENTS]
        rounds, respondents, responses = [], [], []
        for number, year in enumerate(self.years[-self.sizes.rounds:]):
            round_id = number + 1
            current = year.end >= self.today
            rounds.append({"id": round_id, "board_id": board_id, "tool_id": tool_id, "status": "open" if current
                           else "closed" if number == self.sizes.rounds - 2 else "published",
                           "title": f"Partnership self-assessment {year.label}", "period_start": year.start,
                           "period_end": year.end, "deadline": dt.date(year.start_year + 1, 2, 20)})
            for position, org_id in enumerate(sorted(rng.sample(agencies, self.sizes.respondents))):
                respondent_id = len(respondents) + 1
                if not current:
                    submitted = dt.date(year.start_year + 1, 1, 10) + dt.timedelta(days=rng.randint(0, 40))
                else:
                    submitted = None if position % 3 == 0 else day_between(rng, year.start + dt.timedelta(days=90),
                                                                            self.today)
                respondents.append({"id": respondent_id, "round_id": round_id, "organisation_id": org_id,
                                    "person": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "submitted_on": submitted})
                answered = statements if submitted else statements[:rng.randint(0, len(statements))]
                for statement in answered:
                    if rng.random() < 0.02:
                        continue
                    value = min(4.0, max(1.0, rng.gauss(quality[statement] + 0.05 * number, 0.6)))
                    halves = round(value * 2) if rng.random() < 0.06 else 2 * round(value)
                    responses.append({"respondent_id": respondent_id, "statement_id": statement,
                                      "score_halves": halves,
                                      "comment": rng.choice(comments) if rng.random() < 0.05 else None})
        self.many("assessment_round", rounds)
        self.many("assessment_respondent", respondents)
        self.many("assessment_response", responses)

    # -- meeting papers --------------------------------------------------------------------------------------
    def papers(self) -> None:
        papers = Papers(self, self.sizes.actions, self.sizes.risks)
        papers.play()
        papers.write()

    # -- training ------------------------------------------------------------------------------------------
    def training(self) -> None:
        sessions_per_board = spread(self.sizes.sessions, [85, 10, 5])
        bookings_per_board = spread(self.sizes.bookings, [85, 10, 5])
        courses = self._courses()
        self._charging_categories()
        programme = Programme(self)
        for index, board_id in enumerate(self.boards):
            programme.play(board_id, courses[index], sessions_per_board[index], bookings_per_board[index])
        programme.write()

    def _courses(self) -> list[list[dict]]:
        titles = [[(t, lvl, length, cap) for t, lvl, length, cap, *_rest in DEMO_COURSES] + list(MORE_CHILDREN_COURSES),
                  list(ADULTS_COURSES), list(ALL_AGE_COURSES)]
        rows: list[list[dict]] = []
        for board_id, listed in zip(self.boards, titles):
            first_id = sum(len(r) for r in rows) + 1
            rows.append([{"id": first_id + n, "board_id": board_id,
                          **CourseDetails(title, level, length, capacity).values()}
                         for n, (title, level, length, capacity) in enumerate(listed)])
        self.many("training_course", [row for board in rows for row in board])
        return rows

    def _charging_categories(self) -> None:
        """Each organisation's charging category, the same on every board."""
        names = {org_id: name for name, org_id in self.orgs.items()}
        rows = [{"board_id": board_id, "organisation_id": org_id,
                 "category": OUT_OF_AREA if names[org_id] in OUT_OF_AREA_ORGS else PRIVATE if org_type == "other"
                 else VOLUNTARY if org_type == "voluntary" else PARTNER}
                for board_id in self.boards for org_id, org_type in self.org_types.items()]
        self.many("training_org_category", rows)


def _numbered(themes: tuple[tuple[str, tuple[str, ...]], ...]) -> Iterable[tuple[str, list[tuple[int, str]]]]:
    """Each theme with its statements numbered on from the theme before."""
    number = 0
    for theme, statements in themes:
        yield theme, [(number + n, text) for n, text in enumerate(statements, start=1)]
        number += len(statements)


def build_large(path: str | Path, *, scale: float = 1.0, years: int = 10, today: dt.date | None = None,
                overwrite: bool = False) -> BoardFile:
    """Write the stress board at ``path`` in one transaction and return it open.

    ``scale`` (above 0, at most 1) shrinks the sessions, bookings and ledger to that fraction,
    and ``years`` (1 to 10) keeps only the latest years, with the same volume each year; the
    partnership itself (three boards, 120 organisations, 400 people) stays whole. ``today``
    fixes the day the file is built as of (default: today).
    """
    sizes = Sizes.at(scale, years)
    bf = create_board_file(path, overwrite=overwrite)
    try:
        with bf.editor.bulk(AUDIT_DESCRIPTION) as ed:
            generator = Generator(bf, ed, random.Random(SEED), sizes, today or dt.date.today())
            generator.run()
            ed.describe(describe(ed.counts, generator.years))
    except BaseException:
        bf.close()
        Path(path).unlink(missing_ok=True)
        raise
    return bf


def describe(rows: Mapping[str, int], years: list[FinancialYear]) -> str:
    """The audit action's description: what the generated file holds."""
    return (f"{AUDIT_DESCRIPTION} ({years[0].label} to {years[-1].label}: {rows['board']} boards, "
            f"{rows['organisation']} organisations, {rows['person']} people, {rows['meeting']:,} meetings, "
            f"{rows['training_session']:,} training sessions, {rows['training_booking']:,} bookings, "
            f"{rows['ledger_entry']:,} ledger entries, {rows['assessment_round']} self-assessment rounds, "
            f"{rows['board_action']:,} actions, {rows['risk']} risks, "
            f"{rows['indicator']} indicators with {rows['indicator_value']:,} figures)")
