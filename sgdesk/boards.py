"""Boards in a board file, and their settings.

A file can hold several boards (a children's board, an adults' board...); organisations are
shared between them. Settings are JSON values per board, with defaults declared by the
features that use them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sgdesk.errors import InputError, NotFoundError
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

BOARD_KINDS = ("children", "adults", "all-age")


@dataclass(frozen=True)
class Board:
    """A board in the file (a children's board, an adults' board...), with its names and kind."""

    id: int
    name: str
    short_name: str | None
    kind: str

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


def list_boards(bf: BoardFile) -> list[Board]:
    rows = bf.query("SELECT id, name, short_name, kind FROM board ORDER BY id")
    return [Board(*row) for row in rows]


def get_board(bf: BoardFile, board_id: int) -> Board:
    row = bf.query_one("SELECT id, name, short_name, kind FROM board WHERE id = ?", (board_id,))
    if row is None:
        raise NotFoundError(f"there is no board {board_id} in {bf.path.name}")
    return Board(*row)


def resolve_board(bf: BoardFile, name: str | None) -> Board:
    """The board named ``name`` (full name, short name or id); may be omitted if there is one.

    >>> # resolve_board(bf, "Southend LSCB") -> Board(id=1, ...)
    """
    boards = list_boards(bf)
    if not boards:
        raise NotFoundError(f"{bf.path.name} holds no board yet: add one with 'sgdesk new' or in the app")
    if name is None:
        if len(boards) == 1:
            return boards[0]
        names = "; ".join(b.name for b in boards)
        raise InputError(f"{bf.path.name}", f"holds {len(boards)} boards", f"choose one with --board (one of: {names})")
    wanted = name.strip().casefold()
    for board in boards:
        if wanted in {board.name.casefold(), (board.short_name or "").casefold(), str(board.id)}:
            return board
    names = "; ".join(b.name for b in boards)
    raise NotFoundError(f"there is no board called '{name}' in {bf.path.name}: use one of: {names}")


def add_board(ed: Action, name: str, *, short_name: str | None = None, kind: str = "children") -> int:
    if kind not in BOARD_KINDS:
        raise InputError(f"'{kind}'", "is not a kind of board", f"use one of {', '.join(BOARD_KINDS)}")
    if not name.strip():
        raise InputError("the board name", "is empty", "give the board's full name")
    return ed.insert(
        "board",
        {"name": name.strip(), "short_name": short_name, "kind": kind, "created_on": dt.date.today()},
    )


def get_setting(bf: BoardFile, board_id: int, key: str, default: Any = None) -> Any:
    value = bf.scalar("SELECT value FROM board_setting WHERE board_id = ? AND key = ?", (board_id, key))
    return default if value is None else json.loads(value)


def set_setting(ed: Action, bf: BoardFile, board_id: int, key: str, value: Any) -> None:
    encoded = json.dumps(value, sort_keys=True)
    row_id = bf.scalar("SELECT id FROM board_setting WHERE board_id = ? AND key = ?", (board_id, key))
    if row_id is None:
        ed.insert("board_setting", {"board_id": board_id, "key": key, "value": encoded})
    else:
        ed.update("board_setting", row_id, {"value": encoded})
