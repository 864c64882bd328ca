"""Import kind ``members``: seats on the board and its sub-groups, and the people who hold them."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from sgdesk.dates import parse_date
from sgdesk.errors import InputError, quoted
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.membership.bodies import Body, find_body
from sgdesk.membership.cells import check_date_order, parse_text
from sgdesk.membership.seats import add_seat, appoint, find_person, person_for
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

BODY_COLUMN = Column("body", "Body", "the sub-group's name, or leave blank for the board itself", required=False,
                     aliases=("Board or sub-group", "Sub-group", "Subgroup", "Group", "Committee"),
                     example="Case Review Panel")

_KINDS = {"representative": "representative", "rep": "representative", "member": "representative",
          "main": "representative", "nominated": "representative", "deputy": "deputy", "dep": "deputy",
          "substitute": "deputy", "sub": "deputy", "alternate": "deputy"}


def parse_holder_kind(value: Any) -> str:
    text = str(value).strip().casefold()
    if text not in _KINDS:
        raise InputError(quoted(value), "is not representative or deputy", "write Representative or Deputy")
    return _KINDS[text]


def resolve_body(bf: BoardFile, board_id: int, row: ParsedRow, source: str, problems: list[Problem]) -> Body | None:
    """The row's body (the board when the Body column is absent or blank), or a problem."""
    try:
        return find_body(bf, board_id, row["body"])
    except InputError as error:
        problems.append(Problem(source, row.number, "Body", row["body"], error.why, error.fix))
        return None


def organisation_problem(bf: BoardFile, name: str, source: str, row: int, column: str) -> Problem:
    """An unknown organisation, with the nearest known name as a hint."""
    names = [r[0] for r in bf.query("SELECT name FROM organisation UNION SELECT short_name FROM organisation "
                                    "WHERE short_name IS NOT NULL UNION SELECT alias FROM organisation_alias")]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return Problem(source, row, column, name, "is not an organisation in this file",
                   f"{hint}check the spelling, or import it first with the organisations kind")


@dataclass
class _SeatPlan:
    body: Body
    organisation_id: int
    role: str
    label: str | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    seat_id: int | None


def _existing_seat(bf: BoardFile, body: Body, organisation_id: int, role: str, label: str | None) -> int | None:
    return bf.scalar("SELECT id FROM seat WHERE board_id = ? AND subgroup_id IS ? AND organisation_id = ? "
                     "AND role = ? COLLATE NOCASE AND coalesce(label, '') = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                     (body.board_id, body.subgroup_id, organisation_id, role, label or ""))


def own_label(bf: BoardFile, organisation_id: int, label: str | None) -> str | None:
    """A seat's published name, or None when it is just the organisation's short or full name."""
    if not label:
        return None
    names = bf.query_one("SELECT name, short_name FROM organisation WHERE id = ?", (organisation_id,))
    return None if label.casefold() in {(n or "").casefold() for n in names} else label


class MembersImport(ImportKind):
    name = "members"
    title = "members"
    description = ("Seats on the board and its sub-groups, and who holds them: one row per representative or "
                   "deputy (or per empty seat, with no name). A seat is its body, organisation, role and 'Shown "
                   "as' name; new seats and people are created, and a new representative with a From date ends "
                   "the previous one's term the day before. Organisations must exist already (see "
                   "organisations).")
    columns = (
        BODY_COLUMN,
        Column("organisation", "Organisation", "the organisation's name, short name or other name",
               aliases=("Agency", "Partner"), example="Essex Police"),
        Column("role", "Role", "the seat's role: Independent Chair, Chair, Vice Chair, Member, Lay Member, "
               "Designated Doctor... (blank: Member)", parse=parse_text, required=False,
               aliases=("Position", "Seat role"), example="Member"),
        Column("label", "Shown as", "the seat's name in published grids, if not the organisation's short name",
               parse=parse_text, required=False, aliases=("Published as", "Grid name", "Label"),
               example="SBC Councillor"),
        Column("name", "Name", "the person's name; leave blank for a seat nobody holds yet", parse=parse_text,
               required=False, aliases=("Person", "Representative", "Rep", "Current rep name"),
               example="Zoë Adeyemi"),
        Column("job_title", "Job title", "their job title", parse=parse_text, required=False,
               aliases=("Title", "Post"), example="Detective Superintendent"),
        Column("email", "Email", "their work email", required=False, aliases=("E-mail", "Email address"),
               example="z.adeyemi@example.org"),
        Column("phone", "Phone", "their work phone", parse=parse_text, required=False,
               aliases=("Telephone", "Tel", "Mobile"), example="01702 000000"),
        Column("kind", "As", "Representative or Deputy (blank: Representative)", parse=parse_holder_kind,
               required=False, aliases=("Representative or deputy", "Capacity", "Holder"),
               example="Representative"),
        Column("starts_on", "From", "the date they started in the seat, if known", parse=parse_date,
               required=False, aliases=("Start", "Start date", "Appointed"), example="01/04/2018"),
        Column("ends_on", "To", "the date they left the seat, if they have", parse=parse_date, required=False,
               aliases=("End", "End date", "Left"), example=""),
        Column("seat_from", "Seat from", "the date the seat itself began (the organisation joined the body)",
               parse=parse_date, required=False, aliases=("Member since",), example=""),
        Column("seat_to", "Seat to", "the date the seat itself ended (the organisation left the body)",
               parse=parse_date, required=False, aliases=("Member until",), example=""),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[tuple[ParsedRow, _SeatPlan]]:
        seats: dict[tuple, _SeatPlan] = {}
        holders = FirstRows(source, problems)
        undated_reps: dict[tuple, list[int]] = {}
        planned = []
        for row in rows:
            check_date_order(row.number, row["starts_on"], row["ends_on"], source, "To", problems)
            check_date_order(row.number, row["seat_from"], row["seat_to"], source, "Seat to", problems)
            body = resolve_body(bf, board_id, row, source, problems)
            org_id = find_organisation(bf, row["organisation"], on=row["starts_on"])
            if org_id is None:
                problems.append(organisation_problem(bf, row["organisation"], source, row.number, "Organisation"))
            if body is None or org_id is None:
                continue
            role = row["role"] or "Member"
            label = own_label(bf, org_id, row["label"])
            key = (body.key, org_id, role.casefold(), (label or "").casefold())
            if key not in seats:
                seats[key] = _SeatPlan(body, org_id, role, label, row["seat_from"], row["seat_to"],
                                       _existing_seat(bf, body, org_id, role, label))
            seat = seats[key]
            if row["name"]:
                kind = row["kind"] or "representative"
                holders.is_repeat((key, row["name"].casefold(), kind, row["starts_on"]), row.number, "Name",
                                  row["name"], "is listed twice for this seat", "keep one row per person and term")
                if kind == "representative" and row["starts_on"] is None:
                    undated_reps.setdefault(key, []).append(row.number)
                    self._check_undated(bf, seat, row, source, undated_reps[key], problems)
            planned.append((row, seat))
        return sorted(planned, key=lambda item: (item[0]["starts_on"] or dt.date.min, item[0].number))

    @staticmethod
    def _check_undated(bf: BoardFile, seat: _SeatPlan, row: ParsedRow, source: str, undated: list[int],
                       problems: list[Problem]) -> None:
        """A representative without a From date cannot follow someone still in post."""
        sitting = None
        if seat.seat_id is not None:
            sitting = bf.scalar("SELECT p.name FROM seat_holder h JOIN person p ON p.id = h.person_id WHERE "
                                "h.seat_id = ? AND h.kind = 'representative' AND h.ends_on IS NULL "
                                "AND p.name != ? COLLATE NOCASE", (seat.seat_id, row["name"]))
        if sitting or len(undated) > 1:
            who = f"{sitting} is its representative" if sitting else f"row {undated[0]} also names its representative"
            problems.append(Problem(source, row.number, "From", None, f"is needed: {who}",
                                    "give the date this representative started, so the term before ends the day before"))

    def apply(self, plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        for row, seat in plan:
            if seat.seat_id is None:
                seat.seat_id = add_seat(ed, seat.body, seat.organisation_id, role=seat.role, label=seat.label,
                                        starts_on=seat.starts_on, ends_on=seat.ends_on)
                summary.count("seats")
            elif seat.starts_on or seat.ends_on:
                changes = {k: v for k, v in (("starts_on", seat.starts_on), ("ends_on", seat.ends_on)) if v}
                if ed.update("seat", seat.seat_id, changes):
                    summary.count("seats", "updated")
            if not row["name"]:
                continue
            if find_person(bf, row["name"], row["email"]) is None:
                summary.count("people")
            person_id = person_for(ed, bf, row["name"], job_title=row["job_title"], email=row["email"],
                                   phone=row["phone"])
            kind = row["kind"] or "representative"
            held = bf.scalar("SELECT id FROM seat_holder WHERE seat_id = ? AND person_id = ? AND kind = ? "
                             "AND starts_on IS ?", (seat.seat_id, person_id, kind,
                                                    row["starts_on"] and row["starts_on"].isoformat()))
            if held is None:
                appoint(ed, bf, seat.seat_id, person_id, kind=kind, starts_on=row["starts_on"], ends_on=row["ends_on"])
                summary.count("representatives and deputies")
            elif row["ends_on"] and ed.update("seat_holder", held, {"ends_on": row["ends_on"]}):
                summary.count("representatives and deputies", "updated")
            else:
                summary.skipped += 1
