"""Bodies: a board itself and each of its sub-groups, the things that meet and have seats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sgdesk.boards import get_board
from sgdesk.errors import InputError, NotFoundError
from sgdesk.membership.cells import stored_date
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

BOARD_KEY = "board"


def body_key(subgroup_id: int | None) -> str:
    """The :attr:`Body.key` of the body with ``subgroup_id`` (None: the board)."""
    return BOARD_KEY if subgroup_id is None else f"subgroup:{subgroup_id}"


@dataclass(frozen=True)
class Body:
    """The board (``subgroup_id`` None) or one of its sub-groups."""

    board_id: int
    subgroup_id: int | None
    name: str
    short_name: str | None = None
    frequency: str | None = None
    tor_review_on: dt.date | None = None

    @property
    def is_board(self) -> bool:
        return self.subgroup_id is None

    @property
    def key(self) -> str:
        """``"board"`` or ``"subgroup:7"``: a stable name for settings and combo boxes."""
        return body_key(self.subgroup_id)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name



def body_key(subgroup_id: int | None) -> str:
    """The :attr:`Body.key` of the board itself (None) or of a sub-group."""
    return BOARD_KEY if subgroup_id is None else f"subgroup:{subgroup_id}"


def board_body(bf: BoardFile, board_id: int) -> Body:
    board = get_board(bf, board_id)
    return Body(board.id, None, board.name, board.short_name)


def list_subgroups(bf: BoardFile, board_id: int) -> list[Body]:
    rows = bf.query("SELECT id, name, short_name, frequency, tor_review_on FROM subgroup WHERE board_id = ? "
                    "ORDER BY id", (board_id,))
    return [Body(board_id, r["id"], r["name"], r["short_name"], r["frequency"], stored_date(r["tor_review_on"]))
            for r in rows]


def list_bodies(bf: BoardFile, board_id: int) -> list[Body]:
    """The board first, then its sub-groups in the order they were added."""
    return [board_body(bf, board_id), *list_subgroups(bf, board_id)]


def body_by_key(bf: BoardFile, board_id: int, key: str) -> Body:
    for body in list_bodies(bf, board_id):
        if body.key == key:
            return body
    raise NotFoundError(f"that board or sub-group no longer exists ({key}): refresh and choose another")


def find_body(bf: BoardFile, board_id: int, name: str | None) -> Body:
    """The body called ``name`` (full or short name); blank or "Board" means the board itself."""
    bodies = list_bodies(bf, board_id)
    wanted = (name or "").strip().casefold()
    if wanted in ("", "board", "full board", "the board"):
        return bodies[0]
    for body in bodies:
        if wanted in (body.name.casefold(), (body.short_name or "").casefold()):
            return body
    names = "; ".join(b.display_name for b in bodies)
    raise InputError(f"'{name}'", "is not the board or one of its sub-groups", f"use one of: {names}")


def add_subgroup(ed: Action, board_id: int, name: str, *, short_name: str | None = None,
                 frequency: str | None = None, tor_review_on: dt.date | None = None) -> int:
    if not name.strip():
        raise InputError("The sub-group's name", "is empty", "type its full name")
    return ed.insert("subgroup", {"board_id": board_id, "name": name.strip(), "short_name": short_name,
                                  "frequency": frequency, "tor_review_on": tor_review_on})

