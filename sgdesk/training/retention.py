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

Nor in the file's free space: what the action overwrote is zeroed as it goes (``secure_delete``)
and the file is then rewritten without its free space (``VACUUM``). Nor in the file's backups:
each backup of it (and each copy kept beside it before an upgrade) has the same delegates
anonymised the same way, and is rewritten too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from sgdesk.boards import get_board
from sgdesk.dates import format_date
from sgdesk.errors import SGDeskError
from sgdesk.search import rebuild_index
from sgdesk.store import BoardFile, open_board_file
from sgdesk.store.changes import Action
from sgdesk.training.delegates import search_key
from sgdesk.training.policy import get_retention_years

PERSONAL_FIELDS = ("email", "job_title", "manager_name", "manager_email")
REDACTED_NAME = "Anonymised delegate"


@dataclass(frozen=True)
class RetentionResult:
    """What anonymising did, or a dry run would do: the cutoff, and how many delegates, bookings and backups it
    touched."""

    board: str
    cutoff: dt.date
    retention_years: int
    delegates: int
    bookings: int
    dry_run: bool
    #: backups of the file in which the same delegates were anonymised
    backups: int = 0
    #: what could not be done, one line each (a backup that would not open, no room to rewrite the file)
    notes: tuple[str, ...] = ()

    def text(self) -> str:
        if not self.delegates:
            return (f"{self.board}: no delegate's last booking is before {format_date(self.cutoff)} "
                    f"({self.retention_years}-year retention period): nothing to anonymise")
        verb = "Would anonymise" if self.dry_run else "Anonymised"
        backups = f", in the file and in {self.backups} backup(s) of it" if self.backups else ""
        return (f"{self.board}: {verb} {self.delegates} delegate(s) whose last booking was before "
                f"{format_date(self.cutoff)} ({self.retention_years}-year retention period){backups}; their "
                f"{self.bookings} booking(s), organisations and sectors are kept")


def retention_cutoff(today: dt.date, years: int) -> dt.date:
    """``today`` less ``years`` years (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def due_delegates(bf: BoardFile, board_id: int, cutoff: dt.date) -> list[tuple[int, str, int]]:
    """(delegate id, name, bookings) of delegates whose last booked session is before ``cutoff``.

    Each delegate's last booked session is kept beside their board and whether they are anonymised
    (``training_delegate_last_session``, by triggers: db/0017_delegate_last_sessions.sql), so its index
    gives the board's delegates still to anonymise whose last session is before ``cutoff``, and only
    those are read (the Overview's check on every start, instead of every booking of an older session).
    """
    return [tuple(row) for row in bf.query(
        "SELECT d.id, d.name, count(b.id) FROM training_delegate_last_session last "
        "CROSS JOIN training_delegate d ON d.id = last.id JOIN training_booking b ON b.delegate_id = d.id "
        "WHERE last.board_id = :board AND last.anonymised = 0 AND last.session_date < :cutoff "
        "GROUP BY d.id ORDER BY d.id",
        {"board": board_id, "cutoff": cutoff.isoformat()})]


def anonymise(bf: BoardFile, board_id: int, *, today: dt.date | None = None, dry_run: bool = False,
              backups: Path | None = None) -> RetentionResult:
    """Anonymise the board's delegates past the retention period (or count them, in a dry run).

    Then in the file's backups too: those in ``backups`` (default: the backups folder) and the
    copies kept beside the file before an upgrade.
    """
    today = today or dt.date.today()
    years = get_retention_years(bf, board_id)
    cutoff = retention_cutoff(today, years)
    due = due_delegates(bf, board_id, cutoff)
    result = RetentionResult(get_board(bf, board_id).name, cutoff, years, len(due), sum(n for _, _, n in due),
                             dry_run)
    if dry_run or not due:
        return result
    with bf.edit(f"Anonymise {len(due)} delegates past the {years}-year retention period") as ed:
        _anonymise_delegates(bf, ed, [(delegate_id, name) for delegate_id, name, _n in due], today)
        ed.insert("training_anonymisation", {"board_id": board_id, "done_on": today, "cutoff": cutoff,
                                             "retention_years": years, "delegates": result.delegates,
                                             "bookings": result.bookings})
    bf.editor.forget_history()
    notes = []
    try:
        bf.compact()
    except SGDeskError as error:
        notes.append(f"{error}: what was anonymised is blanked, but run the anonymisation again when there is room, "
                     "to rewrite the file without its free space")
    done, not_done = anonymise_backups(bf.path, [delegate_id for delegate_id, _name, _n in due], today, backups)
    return replace(result, backups=done, notes=(*notes, *not_done))


def anonymise_backups(board_path: Path, delegate_ids: list[int], today: dt.date,
                      folder: Path | None = None) -> tuple[int, list[str]]:
    """Anonymise these delegates in every backup of the board file; how many were changed, and what failed."""
    from sgdesk.backups import list_backups

    copies = [backup.path for backup in list_backups(board_path, folder)]
    copies += sorted(board_path.parent.glob(f"{board_path.stem}.schema-v*-backup-*{board_path.suffix}"))
    done, failed = 0, []
    for path in copies:
        try:
            with open_board_file(path, migrate=False, own_identity=False) as copy:
                if copy.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'training_delegate'") == 0:
                    continue   # from before the training register
                marks = ",".join("?" * len(delegate_ids))
                due = [tuple(row) for row in copy.query(
                    f"SELECT id, name FROM training_delegate WHERE anonymised_on IS NULL AND id IN ({marks})",
                    tuple(delegate_ids))]
                if not due:
                    continue
                with copy.edit(f"Anonymise {len(due)} delegates past the retention period, as in the board file") as ed:
                    _anonymise_delegates(copy, ed, due, today)
                copy.compact()
            done += 1
        except SGDeskError as error:
            failed.append(f"the backup {path.name} still holds their details ({error}): delete it, or try again")
    return done, failed


def _anonymise_delegates(bf: BoardFile, ed: Action, due: list[tuple[int, str]], today: dt.date) -> None:
    for delegate_id, name in due:
        placeholder = f"{REDACTED_NAME} {delegate_id}"
        blanked = {"name": placeholder, **dict.fromkeys(PERSONAL_FIELDS), "search_key": search_key(placeholder, None)}
        ed.update("training_delegate", delegate_id, {**blanked, "anonymised_on": today})
        ed.redact("training_delegate", delegate_id, blanked, text=(name, placeholder))
    if bf.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'training_delegate_fts'"):   # (an older backup has none)
        rebuild_index(bf, "training_delegate")


def anonymisation_log(bf: BoardFile, board_id: int) -> list[tuple[dt.date, dt.date, int, int, int]]:
    """(done on, cutoff, retention years, delegates, bookings) of each run, latest first."""
    rows = bf.query("SELECT done_on, cutoff, retention_years, delegates, bookings FROM training_anonymisation "
                    "WHERE board_id = ? ORDER BY id DESC", (board_id,))
    return [(dt.date.fromisoformat(r[0]), dt.date.fromisoformat(r[1]), r[2], r[3], r[4]) for r in rows]
