"""The areas figures are published for: this authority, its statistical neighbours and their average,
the region, England, and any other authority a published table lists.

A board has one area of each of the kinds own, statistical-neighbour average, region and England;
any number of neighbours and others. Published tables name areas in many ways (ENGLAND, England
average, Southend-on-Sea, E06000033, 882): an area matches its name, its code or any alias.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sgdesk.errors import InputError, NotFoundError, quoted
from sgdesk.indicators.values import delete_values
from sgdesk.matching import normalise_header
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

KINDS: dict[str, str] = {
    "own": "This authority",
    "neighbour": "Statistical neighbour",
    "sn_average": "Statistical neighbours' average",
    "region": "Region",
    "england": "England",
    "other": "Other authority",
}
SINGLE_KINDS = frozenset({"own", "sn_average", "region", "england"})
#: the names every board's England and neighbours' average go by
STANDARD_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "england": ("England", ("England average", "National", "England total", "Eng", "England (all)",
                            "Latest England average", "Latest available England average", "England ave")),
    "sn_average": ("Statistical neighbours", ("Statistical neighbour average", "Statistical neighbours average",
                                              "Statistical neighbours' average", "SN average", "SN", "SNs",
                                              "Stat neighbours", "Statistical neighbour group",
                                              "Latest statistical neighbours average")),
}
#: the order comparator rows print under an indicator
COMPARATOR_ORDER = ("england", "sn_average", "region")


@dataclass(frozen=True)
class Area:
    """An area figures are published for (this authority, a neighbour, the region, England...), matched by name,
    code or alias."""

    id: int
    name: str
    kind: str
    code: str | None = None
    aliases: tuple[str, ...] = ()
    position: int = 0

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def match_keys(self) -> set[str]:
        """The area's name, code and aliases reduced for matching."""
        return {normalise_header(text) for text in (self.name, self.code or "", *self.aliases)} - {""}


def parse_kind(value: object) -> str:
    """An area kind from its key or label ("Statistical neighbour", "SN average", "England").

    >>> parse_kind("Statistical neighbour"), parse_kind("this authority"), parse_kind("SN average")
    ('neighbour', 'own', 'sn_average')
    """
    text = " ".join(str(value).split()).casefold()
    for key, label in KINDS.items():
        if text in (key, label.casefold()):
            return key
    words = {"own": "own", "this la": "own", "la": "own", "us": "own", "neighbour": "neighbour", "sn": "neighbour",
             "sn average": "sn_average", "average of neighbours": "sn_average", "region": "region",
             "england": "england", "national": "england", "other": "other"}
    if text in words:
        return words[text]
    raise InputError(quoted(value), "is not a kind of area", "choose one of: " + ", ".join(KINDS.values()))


def _from_row(row) -> Area:
    return Area(row["id"], row["name"], row["kind"], row["code"], tuple(json.loads(row["aliases"])), row["position"])


def list_areas(bf: BoardFile, board_id: int) -> list[Area]:
    """The board's areas: own first, then England, the neighbours' average, the region, neighbours, others."""
    order = {kind: n for n, kind in enumerate(("own", *COMPARATOR_ORDER, "neighbour", "other"))}
    areas = [_from_row(row) for row in bf.query("SELECT * FROM indicator_area WHERE board_id = ?", (board_id,))]
    return sorted(areas, key=lambda area: (order[area.kind], area.position, area.name.casefold()))


def get_area(bf: BoardFile, area_id: int) -> Area:
    row = bf.query_one("SELECT * FROM indicator_area WHERE id = ?", (area_id,))
    if row is None:
        raise NotFoundError(f"area {area_id} no longer exists: refresh and try again")
    return _from_row(row)


class AreaFinder:
    """Finds areas by name, code or alias in one board, without a query per look-up."""

    def __init__(self, areas: list[Area]) -> None:
        self.areas = list(areas)
        self._by_key: dict[str, Area] = {}
        for area in self.areas:
            for key in area.match_keys():
                self._by_key.setdefault(key, area)
        for kind, (name, aliases) in STANDARD_NAMES.items():
            standard = next((area for area in self.areas if area.kind == kind), None)
            if standard is not None:
                for key in (normalise_header(text) for text in (name, *aliases)):
                    self._by_key.setdefault(key, standard)

    def find(self, name: str | None, code: str | None = None) -> Area | None:
        """The area with ``code`` if given and known, else the one ``name`` names."""
        for text in (code, name):
            key = normalise_header(text or "")
            if key and key in self._by_key:
                return self._by_key[key]
        return None


def standard_kind(name: str) -> str | None:
    """``england`` or ``sn_average`` when ``name`` is one of their usual names.

    >>> standard_kind("ENGLAND"), standard_kind("SN average"), standard_kind("Medway")
    ('england', 'sn_average', None)
    """
    key = normalise_header(name)
    for kind, (standard, aliases) in STANDARD_NAMES.items():
        if key in {normalise_header(text) for text in (standard, *aliases)}:
            return kind
    return None


def add_area(ed: Action, bf: BoardFile, board_id: int, name: str, kind: str, *, code: str | None = None,
             aliases: tuple[str, ...] = ()) -> int:
    """Add an area; a second own authority, neighbours' average, region or England is refused."""
    name = " ".join(name.split())
    _check(bf, board_id, name, kind, None)
    position = (bf.scalar("SELECT max(position) FROM indicator_area WHERE board_id = ?", (board_id,)) or 0) + 1
    return ed.insert("indicator_area", {"board_id": board_id, "name": name, "kind": kind,
                                        "code": (code or "").strip() or None,
                                        "aliases": json.dumps(list(aliases), ensure_ascii=False),
                                        "position": position})


def update_area(ed: Action, bf: BoardFile, area: Area) -> bool:
    """Store ``area``'s name, kind, code and aliases."""
    board_id = bf.scalar("SELECT board_id FROM indicator_area WHERE id = ?", (area.id,))
    if board_id is None:
        raise NotFoundError(f"area '{area.name}' no longer exists: refresh and try again")
    name = " ".join(area.name.split())
    _check(bf, board_id, name, area.kind, area.id)
    return ed.update("indicator_area", area.id, {"name": name, "kind": area.kind, "code": area.code or None,
                                                 "aliases": json.dumps(list(area.aliases), ensure_ascii=False)})


def _check(bf: BoardFile, board_id: int, name: str, kind: str, area_id: int | None) -> None:
    if not name:
        raise InputError("The area", "has no name", "give the area's name, e.g. Southend-on-Sea")
    if kind not in KINDS:
        parse_kind(kind)
    if bf.scalar("SELECT id FROM indicator_area WHERE board_id = ? AND name = ? AND id IS NOT ?",
                 (board_id, name, area_id)) is not None:
        raise InputError(quoted(name), "is already an area of this board", "choose another name")
    if kind in SINGLE_KINDS:
        other = bf.query_one("SELECT name FROM indicator_area WHERE board_id = ? AND kind = ? AND id IS NOT ?",
                             (board_id, kind, area_id))
        if other is not None:
            raise InputError(quoted(name), f"cannot also be {KINDS[kind].lower()}: {other['name']} is",
                             f"change {other['name']} first, or choose another kind")


def ensure_standard_areas(ed: Action, bf: BoardFile, board_id: int) -> dict[str, int]:
    """England and the statistical neighbours' average, added if the board has not got them: kind -> id."""
    found = {}
    for kind, (name, _aliases) in STANDARD_NAMES.items():
        area_id = bf.scalar("SELECT id FROM indicator_area WHERE board_id = ? AND kind = ?", (board_id, kind))
        found[kind] = area_id if area_id is not None else add_area(ed, bf, board_id, name, kind)
    return found


def figure_counts(bf: BoardFile, board_id: int) -> dict[int, int]:
    """How many figures each area of the board has: area id -> count."""
    return {row[0]: row[1] for row in bf.query(
        "SELECT a.id, count(v.id) FROM indicator_area a LEFT JOIN indicator_value v ON v.area_id = a.id "
        "WHERE a.board_id = ? GROUP BY a.id", (board_id,))}


def delete_area(ed: Action, bf: BoardFile, area_id: int) -> int:
    """Delete an area and its values (one undoable step); returns how many values went with it."""
    count = delete_values(ed, bf, "area_id", area_id)
    ed.delete("indicator_area", area_id)
    return count


def area_from_form(values: dict[str, object], existing: Area | None = None) -> Area:
    """An area from what a form holds: name, kind, code and other names separated by commas."""
    aliases = tuple(dict.fromkeys(" ".join(part.split()) for part in str(values.get("aliases") or "").split(",")
                                  if part.strip()))
    return Area(existing.id if existing else 0, " ".join(str(values.get("name") or "").split()),
                parse_kind(values.get("kind") or ""), str(values.get("code") or "").strip() or None, aliases,
                existing.position if existing else 0)
