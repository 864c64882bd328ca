"""One detail of a membership record, typed into a table cell of the Membership or Meetings view.

Each kind of record names the details that may be changed there and how typed text is read (a
date, yes or no, a type of organisation...). Blank text clears a detail, or is refused where the
record cannot do without it (a name, a seat's role, a meeting's date).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from sgdesk.core_feature import parse_yes_no
from sgdesk.emails import parse_email
from sgdesk.errors import InputError
from sgdesk.membership.cells import optional_date, parse_holder_kind, parse_online
from sgdesk.membership.meetings import parse_status, parse_time
from sgdesk.organisations import parse_org_type
from sgdesk.store.changes import Action


def _text(text: str) -> str:
    return text


@dataclass(frozen=True)
class Detail:
    """How a detail is read from the text typed; ``required`` names it when it cannot be blank."""

    read: Callable[[str], Any] = _text
    required: str | None = None
    blank: Any = None                 # what a blank cell stores, when it may be blank


@dataclass(frozen=True)
class RecordKind:
    """A kind of membership record: its table, and the details that may be typed into its cells."""

    table: str
    details: Mapping[str, Detail]


_DATE = Detail(optional_date)

ORGANISATION = RecordKind("organisation", {
    "name": Detail(required="The organisation's name"), "short_name": Detail(), "org_type": Detail(parse_org_type),
    "statutory": Detail(parse_yes_no, blank=False), "active_from": _DATE, "active_to": _DATE})
ALIAS = RecordKind("organisation_alias", {
    "alias": Detail(required="The other name"), "valid_from": _DATE, "valid_to": _DATE})
SEAT = RecordKind("seat", {
    "role": Detail(required="The seat's role"), "label": Detail(), "starts_on": _DATE, "ends_on": _DATE})
TERM = RecordKind("seat_holder", {
    "kind": Detail(parse_holder_kind, required="Representative or deputy"), "starts_on": _DATE, "ends_on": _DATE})
PERSON = RecordKind("person", {
    "name": Detail(required="The name"), "job_title": Detail(), "email": Detail(parse_email), "phone": Detail()})
SUBGROUP = RecordKind("subgroup", {
    "name": Detail(required="The sub-group's name"), "short_name": Detail(), "frequency": Detail(),
    "tor_review_on": _DATE})
MEETING = RecordKind("meeting", {
    "meets_on": Detail(optional_date, required="The meeting's date"), "starts_at": Detail(parse_time),
    "venue": Detail(), "online": Detail(parse_online, blank=False),
    "status": Detail(parse_status, required="The meeting's status"), "notes": Detail()})


def change_detail(ed: Action, kind: RecordKind, row_id: int, column: str, text: str) -> bool:
    """Save ``text`` as ``column`` of the ``kind`` record ``row_id``; False when it was that already.

    Raises :class:`InputError` naming text that cannot be read, or a required detail left blank.
    """
    detail = kind.details[column]
    text = text.strip()
    if text:
        value = detail.read(text)
    elif detail.required:
        raise InputError(detail.required, "cannot be blank", "type it, or press Escape to leave it as it was")
    else:
        value = detail.blank
    return ed.update(kind.table, row_id, {column: value})
