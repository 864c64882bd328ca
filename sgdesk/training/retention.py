"""Data protection: anonymising delegates once the board's retention period has run out.

A delegate is due when the last session they were booked on is dated before the cutoff (today
less the retention period, 6 years unless the board sets another). Anonymising removes the
name, email, job title and line manager, keeps the organisation and sector, and keeps every
booking, so each count and charge stays as it was.

The personal data must not survive in the audit trail either: the same action blanks it from
the recorded before/after values of those delegates and from action descriptions that named
them, and the search index is rebuilt without them. The action itself is recorded (in the audit
log and ``training_anonymisation``), and it cannot be undone, so it also clears this session's
undo list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sgdesk.boards import get_board
from sgdesk.dates import format_date
from sgdesk.search import rebuild_index
from sgdesk.store import BoardFile
from sgdesk.training.delegates import search_key
from sgdesk.training.policy import get_retention_years

PERSONAL_FIELDS = ("email", "job_title", "manager_name", "manager_email")
REDACTED_NAME = "Anonymised delegate"


@dataclass(frozen=True)
class RetentionResult:
    board: str
    cutoff: dt.date
    retention_years: int
    delegates: int
    bookings: int
    dry_run: bool

    def text(self) -> str:
        if not self.delegates:
            return (f"{self.board}: no delegate's last booking is before {format_date(self.cutoff)} "
                    f"({self.retention_years}-year retention period): nothing to anonymise")
        verb = "Would anonymise" if self.dry_run else "Anonymised"
        return (f"{self.board}: {verb} {self.delegates} delegate(s) whose last booking was before "
                f"{format_date(self.cutoff)} ({self.retention_years}-year retention period); their "
                f"{self.bookings} booking(s), organisations and sectors are kept")


def retention_cutoff(today: dt.date, years: int) -> dt.date:
    """``today`` less ``years`` years (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def due_delegates(bf: BoardFile, board_id: int, cutoff: dt.date) -> list[tuple[int, str, int]]:
    """(delegate id, name, bookings) of delegates whose last booked session is before ``cutoff``.

    Those booked on any session from ``cutoff`` on are found first, through the sessions' date
    index, so the Overview's check stays quick however many years of bookings the file holds.
    """
    return [tuple(row) for row in bf.query(
        "WITH recent(id) AS (SELECT b.delegate_id FROM training_session s JOIN training_booking b "
        "ON b.session_id = s.id WHERE s.session_date >= :cutoff) "
        "SELECT d.id, d.name, count(b.id) FROM training_delegate d JOIN training_booking b ON b.delegate_id = d.id "
        "WHERE d.board_id = :board AND d.anonymised_on IS NULL AND d.id NOT IN recent GROUP BY d.id ORDER BY d.id",
        {"board": board_id, "cutoff": cutoff.isoformat()})]


def anonymise(bf: BoardFile, board_id: int, *, today: dt.date | None = None, dry_run: bool = False
              ) -> RetentionResult:
    """Anonymise the board's delegates past the retention period (or count them, in a dry run)."""
    today = today or dt.date.today()
    years = get_retention_years(bf, board_id)
    cutoff = retention_cutoff(today, years)
    due = due_delegates(bf, board_id, cutoff)
    result = RetentionResult(get_board(bf, board_id).name, cutoff, years, len(due), sum(n for _, _, n in due),
                             dry_run)
    if dry_run or not due:
        return result
    with bf.edit(f"Anonymise {len(due)} delegates past the {years}-year retention period") as ed:
        for delegate_id, name, _bookings in due:
            placeholder = f"{REDACTED_NAME} {delegate_id}"
            blanked = {"name": placeholder, **dict.fromkeys(PERSONAL_FIELDS),
                       "search_key": search_key(placeholder, None)}
            ed.update("training_delegate", delegate_id, {**blanked, "anonymised_on": today})
            ed.redact("training_delegate", delegate_id, blanked, text=(name, placeholder))
        rebuild_index(bf, "training_delegate")
        ed.insert("training_anonymisation", {"board_id": board_id, "done_on": today, "cutoff": cutoff,
                                             "retention_years": years, "delegates": result.delegates,
                                             "bookings": result.bookings})
    bf.editor.forget_history()
    return result


def anonymisation_log(bf: BoardFile, board_id: int) -> list[tuple[dt.date, dt.date, int, int, int]]:
    """(done on, cutoff, retention years, delegates, bookings) of each run, latest first."""
    rows = bf.query("SELECT done_on, cutoff, retention_years, delegates, bookings FROM training_anonymisation "
                    "WHERE board_id = ? ORDER BY id DESC", (board_id,))
    return [(dt.date.fromisoformat(r[0]), dt.date.fromisoformat(r[1]), r[2], r[3], r[4]) for r in rows]
