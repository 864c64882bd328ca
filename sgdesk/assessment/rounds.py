"""Rounds, respondents and responses: who was asked, who answered, what they said.

A round belongs to a board and runs one tool version over a period. Its status is ``open``
(collecting), ``closed`` (no more answers) or ``published`` (reported to the board).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sgdesk.assessment.scores import Score
from sgdesk.boards import get_setting, set_setting
from sgdesk.dates import format_date
from sgdesk.errors import InputError, NotFoundError
from sgdesk.fyear import Period
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

STATUSES = ("open", "closed", "published")
THRESHOLD_SETTING = "assessment.anonymity_threshold"
DEFAULT_THRESHOLD = 3
TABLES = frozenset({"assessment_tool", "assessment_section", "assessment_theme", "assessment_statement",
                    "assessment_round", "assessment_respondent", "assessment_response", "board_setting",
                    "organisation"})


@dataclass(frozen=True)
class Round:
    """A round: one version of a tool put to a board's agencies over a period; open, closed or published."""

    id: int
    board_id: int
    tool_id: int
    title: str
    period: Period
    deadline: dt.date | None
    status: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class Respondent:
    """An agency asked to answer in a round: who answered for it, when it was returned, how many it scored."""

    id: int
    round_id: int
    organisation_id: int
    organisation: str           # full name
    short_name: str             # short name, or the full name
    person: str | None
    submitted_on: dt.date | None
    answered: int               # statements with a score


def _round(row) -> Round:
    return Round(row["id"], row["board_id"], row["tool_id"], row["title"],
                 Period(dt.date.fromisoformat(row["period_start"]), dt.date.fromisoformat(row["period_end"])),
                 dt.date.fromisoformat(row["deadline"]) if row["deadline"] else None, row["status"])


def get_round(bf: BoardFile, round_id: int) -> Round:
    row = bf.query_one("SELECT * FROM assessment_round WHERE id = ?", (round_id,))
    if row is None:
        raise NotFoundError(f"there is no self-assessment round {round_id} in {bf.path.name}")
    return _round(row)


def list_rounds(bf: BoardFile, board_id: int) -> list[Round]:
    """The board's rounds, newest period first."""
    return [_round(row) for row in bf.query(
        "SELECT * FROM assessment_round WHERE board_id = ? ORDER BY period_end DESC, id DESC", (board_id,))]


def find_round(bf: BoardFile, board_id: int, name: str) -> list[Round]:
    """Rounds matching ``name``: a round's title, its id, or its period (``2018/19``)."""
    key = " ".join(str(name).split()).casefold()
    rounds = list_rounds(bf, board_id)
    exact = [r for r in rounds if r.title.casefold() == key or str(r.id) == key]
    return exact or [r for r in rounds if r.period.label.casefold() == key]


def choose_round(bf: BoardFile, board_id: int, period: Period | None, name: str | None = None) -> Round:
    """The round an output reports: the one named, else the latest in ``period`` (published first).

    Published rounds are preferred to closed ones, and closed to open ones, so a round still
    collecting answers is only reported when there is nothing more final.
    """
    if name:
        found = find_round(bf, board_id, name)
        if len(found) != 1:
            titles = "; ".join(r.title for r in list_rounds(bf, board_id)) or "none yet"
            why = "matches no self-assessment round" if not found else "matches more than one round"
            raise NotFoundError(f"'{name}' {why}: name one of: {titles}")
        return found[0]
    rounds = [r for r in list_rounds(bf, board_id)
              if period is None or (r.period.start <= period.end and r.period.end >= period.start)]
    if not rounds:
        during = f" overlapping {period.label}" if period else ""
        raise NotFoundError(f"this board has no self-assessment round{during}: start one in Self-assessment first",
                            reader=f"The board held no self-assessment round in {period.label}." if period
                            else "The board has held no self-assessment round.")
    rank = {"published": 0, "closed": 1, "open": 2}
    return min(rounds, key=lambda r: (rank[r.status], -r.period.end.toordinal(), -r.id))


def previous_round(bf: BoardFile, rnd: Round) -> Round | None:
    """The latest earlier round of the board with the same tool (any version), or None."""
    row = bf.query_one(
        "SELECT r.* FROM assessment_round r JOIN assessment_tool t ON t.id = r.tool_id "
        "WHERE r.board_id = ? AND r.id != ? AND r.period_end < ? "
        "AND t.tool_key = (SELECT tool_key FROM assessment_tool WHERE id = ?) "
        "ORDER BY r.period_end DESC, r.id DESC LIMIT 1",
        (rnd.board_id, rnd.id, rnd.period.end.isoformat(), rnd.tool_id))
    return None if row is None else _round(row)


def create_round(ed: Action, bf: BoardFile, board_id: int, tool_id: int, title: str, period: Period,
                 deadline: dt.date | None = None) -> int:
    title = " ".join(title.split())
    if not title:
        raise InputError("The round", "has no title", "give it a title, e.g. Board self-assessment 2018/19")
    if find_round_by_title(bf, board_id, title) is not None:
        raise InputError(f"'{title}'", "is already the title of a round of this board", "choose another title")
    return ed.insert("assessment_round", {"board_id": board_id, "tool_id": tool_id, "title": title,
                                          "period_start": period.start, "period_end": period.end,
                                          "deadline": deadline, "status": "open"})


def start_round(ed: Action, bf: BoardFile, board_id: int, tool_id: int, title: str, period: Period,
                deadline: dt.date | None = None, *, ask_previous: bool = False) -> int:
    """Create a round; with ``ask_previous``, ask the agencies (and people) of the previous round too."""
    round_id = create_round(ed, bf, board_id, tool_id, title, period, deadline)
    earlier = previous_round(bf, get_round(bf, round_id)) if ask_previous else None
    for respondent in list_respondents(bf, earlier.id) if earlier else []:
        add_respondent(ed, bf, round_id, respondent.organisation_id, respondent.person)
    return round_id


def find_round_by_title(bf: BoardFile, board_id: int, title: str) -> int | None:
    return bf.scalar("SELECT id FROM assessment_round WHERE board_id = ? AND title = ?", (board_id, title))


_KEEP = object()


def update_round(ed: Action, bf: BoardFile, round_id: int, *, title: str | None = None, deadline: object = _KEEP,
                 status: str | None = None, period: Period | None = None) -> None:
    """Change a round's title, deadline (a date, or None for no deadline), status or period."""
    rnd = get_round(bf, round_id)
    values: dict[str, object] = {}
    if title is not None:
        title = " ".join(title.split())
        other = find_round_by_title(bf, rnd.board_id, title)
        if not title or (other is not None and other != round_id):
            raise InputError(f"'{title}'", "cannot be this round's title (it is blank or taken)", "choose another title")
        values["title"] = title
    if status is not None:
        if status not in STATUSES:
            raise InputError(f"'{status}'", "is not a round status", f"use one of: {', '.join(STATUSES)}")
        values["status"] = status
    if period is not None:
        values["period_start"], values["period_end"] = period.start, period.end
    if deadline is not _KEEP:
        values["deadline"] = deadline
    ed.update("assessment_round", round_id, values)


def delete_round(ed: Action, bf: BoardFile, round_id: int) -> None:
    """Remove a round with its respondents and responses (one undoable step)."""
    for respondent in bf.query("SELECT id FROM assessment_respondent WHERE round_id = ?", (round_id,)):
        remove_respondent(ed, bf, respondent[0])
    ed.delete("assessment_round", round_id)


def require_open(rnd: Round) -> None:
    if not rnd.is_open:
        raise InputError(f"The round '{rnd.title}'", f"is {rnd.status}",
                         "reopen it (set its status to open) before changing its answers")


# -- respondents ---------------------------------------------------------------------------------
def list_respondents(bf: BoardFile, round_id: int) -> list[Respondent]:
    rows = bf.query(
        "SELECT p.id, p.round_id, p.organisation_id, o.name, coalesce(o.short_name, o.name) AS short, p.person, "
        "p.submitted_on, (SELECT count(*) FROM assessment_response r WHERE r.respondent_id = p.id "
        "AND r.score_halves IS NOT NULL) AS answered "
        "FROM assessment_respondent p JOIN organisation o ON o.id = p.organisation_id "
        "WHERE p.round_id = ? ORDER BY o.name COLLATE NOCASE", (round_id,))
    return [Respondent(r[0], r[1], r[2], r[3], r[4], r[5], dt.date.fromisoformat(r[6]) if r[6] else None, r[7])
            for r in rows]


def answer_place(bf: BoardFile, response_id: int) -> tuple[int, int, int]:
    """Where an answer is: (round id, respondent id, statement id)."""
    row = bf.query_one("SELECT p.round_id, r.respondent_id, r.statement_id FROM assessment_response r "
                       "JOIN assessment_respondent p ON p.id = r.respondent_id WHERE r.id = ?", (response_id,))
    if row is None:
        raise NotFoundError(f"self-assessment answer {response_id} no longer exists: refresh and try again")
    return row[0], row[1], row[2]


def find_respondent(bf: BoardFile, round_id: int, organisation_id: int) -> int | None:
    return bf.scalar("SELECT id FROM assessment_respondent WHERE round_id = ? AND organisation_id = ?",
                     (round_id, organisation_id))


def add_respondent(ed: Action, bf: BoardFile, round_id: int, organisation_id: int, person: str | None = None) -> int:
    if find_respondent(bf, round_id, organisation_id) is not None:
        name = bf.scalar("SELECT name FROM organisation WHERE id = ?", (organisation_id,))
        raise InputError(f"'{name}'", "is already a respondent in this round", "choose another organisation")
    return ed.insert("assessment_respondent", {"round_id": round_id, "organisation_id": organisation_id,
                                               "person": (person or "").strip() or None})


def remove_respondent(ed: Action, bf: BoardFile, respondent_id: int) -> None:
    for response in bf.query("SELECT id FROM assessment_response WHERE respondent_id = ?", (respondent_id,)):
        ed.delete("assessment_response", response[0])
    ed.delete("assessment_respondent", respondent_id)


def set_submitted(ed: Action, respondent_id: int, day: dt.date | None) -> None:
    ed.update("assessment_respondent", respondent_id, {"submitted_on": day})


def set_response(ed: Action, bf: BoardFile, respondent_id: int, statement_id: int, score: Score | None,
                 comment: str | None) -> str | None:
    """Record one answer (None score: not answered); returns "created", "updated" or None if unchanged."""
    comment = (comment or "").strip() or None
    values = {"score_halves": None if score is None else score.halves, "comment": comment}
    existing = bf.scalar("SELECT id FROM assessment_response WHERE respondent_id = ? AND statement_id = ?",
                         (respondent_id, statement_id))
    if existing is not None:
        return "updated" if ed.update("assessment_response", existing, values) else None
    if score is None and comment is None:
        return None
    ed.insert("assessment_response", {"respondent_id": respondent_id, "statement_id": statement_id, **values})
    return "created"


def responses_of(bf: BoardFile, respondent_id: int) -> dict[int, tuple[Score | None, str | None]]:
    """statement id -> (score, comment) for one respondent."""
    return {row[0]: (None if row[1] is None else Score(row[1]), row[2]) for row in bf.query(
        "SELECT statement_id, score_halves, comment FROM assessment_response WHERE respondent_id = ?",
        (respondent_id,))}


# -- the anonymity threshold ----------------------------------------------------------------------
def anonymity_threshold(bf: BoardFile, board_id: int) -> int:
    """Fewer responses than this hide a statement's figures in published outputs."""
    return int(get_setting(bf, board_id, THRESHOLD_SETTING, DEFAULT_THRESHOLD))


def set_anonymity_threshold(ed: Action, bf: BoardFile, board_id: int, value: int) -> None:
    if not 1 <= value <= 50:
        raise InputError(f"'{value}'", "is not a usable anonymity threshold", "use a whole number from 1 to 50")
    set_setting(ed, bf, board_id, THRESHOLD_SETTING, value)


def round_label(rnd: Round) -> str:
    """``Board self-assessment 2018/19 (published)``, or with the deadline while open."""
    if rnd.is_open and rnd.deadline:
        return f"{rnd.title} (open, deadline {format_date(rnd.deadline)})"
    return f"{rnd.title} ({rnd.status})"
