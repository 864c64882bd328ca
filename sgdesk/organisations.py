"""Organisations (partner agencies), shared by every board in the file.

Agencies are renamed and merged (a PCT becomes a CCG becomes an ICB), so a name is looked up
against the current name, the short name and dated aliases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sgdesk.dates import format_date
from sgdesk.errors import InputError
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

ORG_TYPES = ("council", "police", "health", "probation", "education", "courts", "fire",
             "voluntary", "lay", "board", "other")
STATUTORY_TYPES = ("council", "police", "health")


def org_type_label(org_type: str | None) -> str:
    """A type of organisation as forms and tables show it ("Council"); "" when not set."""
    return org_type.capitalize() if org_type else ""


@dataclass(frozen=True)
class Organisation:
    """A partner agency, shared by every board in the file, and whether it is a statutory partner."""

    id: int
    name: str
    short_name: str | None
    org_type: str | None
    statutory: bool
    active_from: dt.date | None = None   # when it became a partner, if known
    active_to: dt.date | None = None     # when it stopped being one (merged, closed)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Alias:
    """Another name an organisation goes or went by, valid between two dates (either may be open)."""

    id: int
    organisation_id: int
    alias: str
    valid_from: dt.date | None
    valid_to: dt.date | None


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def parse_org_type(value: object) -> str:
    text = str(value).strip().casefold()
    if text not in ORG_TYPES:
        raise InputError(f"'{value}'", "is not a type of organisation", f"use one of: {', '.join(ORG_TYPES)}")
    return text


def list_organisations(bf: BoardFile) -> list[Organisation]:
    rows = bf.query("SELECT id, name, short_name, org_type, statutory, active_from, active_to FROM organisation "
                    "ORDER BY name")
    return [Organisation(r[0], r[1], r[2], r[3], bool(r[4]), _date(r[5]), _date(r[6])) for r in rows]


def list_aliases(bf: BoardFile, organisation_id: int) -> list[Alias]:
    """The organisation's other names, alphabetically."""
    rows = bf.query("SELECT id, organisation_id, alias, valid_from, valid_to FROM organisation_alias "
                    "WHERE organisation_id = ? ORDER BY alias COLLATE NOCASE", (organisation_id,))
    return [Alias(r[0], r[1], r[2], _date(r[3]), _date(r[4])) for r in rows]


def find_organisation(bf: BoardFile, name: str, *, on: dt.date | None = None) -> int | None:
    """The id of the organisation called ``name`` (name, short name or alias), or None.

    With ``on``, an alias only counts if it was valid on that date.
    """
    key = name.strip()
    return _named(bf, key) or _aliased(bf, key, on)


def _named(bf: BoardFile, key: str) -> int | None:
    return bf.scalar("SELECT id FROM organisation WHERE name = ? OR short_name = ? COLLATE NOCASE "
                     "ORDER BY name = ? DESC LIMIT 1", (key, key, key))


def _aliased(bf: BoardFile, key: str, on: dt.date | None) -> int | None:
    day = on.isoformat() if on else None
    return bf.scalar(
        "SELECT organisation_id FROM organisation_alias WHERE alias = ? "
        "AND (? IS NULL OR ((valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)))",
        (key, day, day, day),
    )


class OrganisationFinder:
    """:func:`find_organisation` for the many rows of an import: each name looked up once (and an alias
    once for each name and date)."""

    def __init__(self, bf: BoardFile) -> None:
        self._bf = bf
        self._named: dict[str, int | None] = {}
        self._aliased: dict[tuple[str, dt.date | None], int | None] = {}

    def find(self, name: str, *, on: dt.date | None = None) -> int | None:
        key = name.strip()
        if key not in self._named:
            self._named[key] = _named(self._bf, key)
        if self._named[key] is not None:
            return self._named[key]
        if (key, on) not in self._aliased:
            self._aliased[key, on] = _aliased(self._bf, key, on)
        return self._aliased[key, on]


def require_organisation(bf: BoardFile, name: str, *, on: dt.date | None = None) -> int:
    """The id of the organisation called ``name``, or an InputError that says so."""
    org_id = find_organisation(bf, name, on=on) if name and name.strip() else None
    if org_id is None:
        raise InputError(f"'{name}'", "is not an organisation in this file",
                         "use its name or short name as Membership lists it, or add it there first")
    return org_id


def add_organisation(ed: Action, name: str, *, short_name: str | None = None, org_type: str | None = None,
                     statutory: bool = False, aliases: tuple[str, ...] = ()) -> int:
    org_id = ed.insert("organisation", {"name": name.strip(), "short_name": short_name,
                                        "org_type": org_type, "statutory": statutory})
    for alias in aliases:
        add_alias(ed, org_id, alias)
    return org_id


def add_alias(ed: Action, organisation_id: int, alias: str, *, valid_from: dt.date | None = None,
              valid_to: dt.date | None = None) -> int:
    """Record another name of an organisation (a former or informal one), so old papers still match."""
    alias = " ".join((alias or "").split())
    if not alias:
        raise InputError("The other name", "is empty", "type the name the organisation went by")
    if valid_from and valid_to and valid_to < valid_from:
        raise InputError(f"'{format_date(valid_to)}'", "is before the date the name was first used",
                         "give the dates the other way round")
    return ed.insert("organisation_alias", {"organisation_id": organisation_id, "alias": alias,
                                            "valid_from": valid_from, "valid_to": valid_to})
