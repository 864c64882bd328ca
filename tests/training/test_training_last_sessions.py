"""Each training delegate's last booked session (training_delegate_last_session, db/0017) is the latest date of the
sessions they have a booking on, beside their board and whether they are anonymised, whatever wrote them: the write
path, undo and redo, an import's batch (and one refused: test_training_tally.py), the stress board's bulk build,
anonymisation, the migration of an older file. The delegates due_delegates finds from it are those the bookings gave
before it (the old query is kept here).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Callable

import pytest
from test_training_tally import (
    BOOKED,
    BOOKINGS_HEAD,
    IMPORTED,
    SESSION_DAY,
    TODAY,
    Programme,
    assert_written_by_triggers_alone,
    undo_and_redo_one_step_at_a_time,
)

from sgdesk.boards import add_board
from sgdesk.cli import main
from sgdesk.errors import SGDeskError
from sgdesk.importing import run_import
from sgdesk.registry import load
from sgdesk.store import open_board_file
from sgdesk.store.changes import BULK_INDEX_ROWS
from sgdesk.store.migrations import latest_version
from sgdesk.training.bookings import book
from sgdesk.training.delegates import DelegateDetails, add_delegates
from sgdesk.training.programme import add_session, update_session
from sgdesk.training.retention import anonymise, due_delegates, retention_cutoff


def stored(bf) -> dict[int, tuple]:
    """Each delegate's (board, anonymised, last session) as the file holds them."""
    return {row[0]: tuple(row[1:]) for row in bf.query("SELECT * FROM training_delegate_last_session")}


def recount(bf) -> dict[int, tuple]:
    """The same found afresh in Python, booking by booking: each booked delegate's board, whether they are
    anonymised, and the latest date of the sessions they are booked on."""
    days = dict(bf.query("SELECT id, session_date FROM training_session"))
    delegates = {row[0]: (row[1], int(row[2] is not None)) for row in bf.query(
        "SELECT id, board_id, anonymised_on FROM training_delegate")}
    last: dict[int, str] = {}
    for delegate_id, session_id in bf.query("SELECT delegate_id, session_id FROM training_booking"):
        last[delegate_id] = max(last.get(delegate_id, ""), days[session_id])
    return {delegate_id: (*delegates[delegate_id], day) for delegate_id, day in last.items()}


def assert_dated(bf, after: str = "") -> None:
    assert stored(bf) == recount(bf), after


def test_the_last_sessions_are_those_of_every_booked_delegate_of_the_demo_and_the_stress_board(demo, stress):
    for bf in (demo, stress):
        assert_dated(bf)
        assert len(stored(bf)) == bf.scalar("SELECT count(DISTINCT delegate_id) FROM training_booking") > 0
    assert any(anonymised for _board, anonymised, _day in stored(stress).values())   # its monthly retention runs


class Delegates(Programme):
    """The tally's programme, with the operations that change who was last booked when: a session moved to another
    day, a booking moved to another delegate or deleted, a delegate anonymised or moved to another board."""

    def operations(self) -> list[tuple[str, Callable]]:
        bf, first = self.bf, self.first
        year_on = SESSION_DAY + dt.timedelta(days=365)

        def newest() -> int:
            return bf.scalar("SELECT max(id) FROM training_booking")

        def book_a_year_on(ed) -> None:
            session_id = bf.scalar("SELECT id FROM training_session WHERE session_date = ?", (year_on.isoformat(),))
            book(ed, bf, session_id or add_session(ed, bf, self.details(4, year_on)), self.people["Amy Ash"],
                 booked_on=BOOKED)

        def delete_booking(ed) -> None:
            booking_id = newest()
            for (event_id,) in bf.query("SELECT id FROM training_booking_event WHERE booking_id = ?", (booking_id,)):
                ed.delete("training_booking_event", event_id)
            ed.delete("training_booking", booking_id)

        def give_to_a_new_delegate(ed) -> None:
            newcomer = add_delegates(ed, self.board_id, [DelegateDetails("Cara Cole", self.org, "Police", None)])[0]
            ed.update("training_booking", newest(), {"delegate_id": newcomer})

        def another_board(ed) -> None:
            ed.update("training_delegate", self.people["Ben Baker"], {"board_id": add_board(ed, "Thurrock LSCP")})

        return [*super().operations(),
                ("move the first session a month on: the last session of everyone booked on it with it",
                 lambda ed: update_session(ed, bf, first, self.details(4, SESSION_DAY + dt.timedelta(days=30)),
                                           on=BOOKED)),
                ("and back a week before everything else", lambda ed: update_session(
                    ed, bf, first, self.details(4, SESSION_DAY - dt.timedelta(days=7)), on=BOOKED)),
                ("book a delegate a year on", book_a_year_on),
                ("delete that booking (and its history): their last session is the one before again", delete_booking),
                ("book them a year on again", book_a_year_on),
                ("give that booking to a new delegate: theirs is the last, and the first's the one before again",
                 give_to_a_new_delegate),
                ("move the new delegate's booking to the first session", lambda ed: ed.update(
                    "training_booking", newest(), {"session_id": first})),
                ("delete the new delegate's only booking", delete_booking),
                ("book a delegate on a session before their last: it stays their last", lambda ed: book(
                    ed, bf, self.third, self.people["Amy Ash"], booked_on=BOOKED)),
                ("anonymise a delegate", lambda ed: ed.update(
                    "training_delegate", self.people["Siân Pryce"], {"anonymised_on": TODAY})),
                ("move a delegate to another board", another_board),
                ]


def test_every_change_through_the_write_path_and_its_undo_and_redo_keep_the_last_sessions(empty_board):
    programme = Delegates(empty_board)
    bf = programme.bf
    changed = []
    bf.editor.listeners.append(changed.append)
    assert stored(bf) == {}
    for description, operation in programme.operations():
        with bf.edit(description) as ed:
            operation(ed)
        assert_dated(bf, description)
        bf.editor.undo()
        assert_dated(bf, f"undone: {description}")
        bf.editor.redo()
        assert_dated(bf, f"redone: {description}")
    done = stored(bf)
    assert {board for board, _anonymised, _day in done.values()} == {programme.board_id, programme.board_id + 1}
    assert done[programme.people["Siân Pryce"]][1] == 1
    undo_and_redo_one_step_at_a_time(bf, assert_dated, nothing_left=lambda: stored(bf) == {})
    assert stored(bf) == done
    assert_written_by_triggers_alone(bf, "training_delegate_last_session", changed)


def test_a_session_or_a_delegate_with_a_booking_cannot_be_deleted_so_none_leaves_a_last_session_behind(empty_board):
    programme = Programme(empty_board)
    bf = programme.bf
    with bf.edit("Book") as ed:
        book(ed, bf, programme.first, programme.people["Amy Ash"], booked_on=BOOKED)
    before = stored(bf)
    for table, row_id in (("training_session", programme.first), ("training_delegate", programme.people["Amy Ash"])):
        with pytest.raises(SGDeskError, match="other records pointing at something that no longer exists"):
            with bf.edit("Delete") as ed:
                ed.delete(table, row_id)
    assert stored(bf) == before


def test_a_batch_import_of_bookings_keeps_the_last_sessions_and_every_trigger(empty_board, tmp_path):
    """The batch gives new delegates their first last session, and existing ones the later of theirs and the
    batch's (here earlier for one, later for another)."""
    programme = Programme(empty_board)
    bf = programme.bf
    with bf.edit("Book") as ed:
        for name in ("Ben Baker", "Amy Ash"):
            book(ed, bf, programme.first, programme.people[name], booked_on=BOOKED)
    earlier, later = SESSION_DAY - dt.timedelta(days=14), SESSION_DAY + dt.timedelta(days=14)
    programme.session(2, earlier)
    programme.session(BULK_INDEX_ROWS * 2, later)
    schema = bf.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    rows = [f"Neglect,{later:%d/%m/%Y},Imported {n},imported.{n}@example.org.uk,Essex Police,Police,"
            f"{IMPORTED[n % len(IMPORTED)].replace(',', f',{BOOKED:%d/%m/%Y},')}" for n in range(BULK_INDEX_ROWS + 20)]
    rows += [f"Neglect,{earlier:%d/%m/%Y},Ben Baker,ben@example.org.uk,Essex Police,Police,Confirmed,{BOOKED:%d/%m/%Y},",
             f"Neglect,{later:%d/%m/%Y},Amy Ash,amy@example.org.uk,Essex Police,Police,Confirmed,{BOOKED:%d/%m/%Y},"]
    source = tmp_path / "bookings.csv"
    source.write_text(BOOKINGS_HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    assert run_import(bf, load().import_kinds["bookings"], source, programme.board_id).created["bookings"] == len(rows)
    assert_dated(bf)
    dated = stored(bf)
    assert len(dated) == BULK_INDEX_ROWS + 22
    assert dated[programme.people["Ben Baker"]][2] == SESSION_DAY.isoformat()   # kept: later than the batch's
    assert dated[programme.people["Amy Ash"]][2] == later.isoformat()
    assert bf.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema
    bf.editor.undo()
    assert_dated(bf)
    assert len(stored(bf)) == 2
    bf.editor.redo()
    assert_dated(bf)
    assert stored(bf) == dated


def test_anonymising_marks_the_delegates_anonymised_and_none_is_due_after(demo):
    cutoff = retention_cutoff(TODAY, 6)
    due = due_delegates(demo, 1, cutoff)
    assert anonymise(demo, 1, today=TODAY).delegates == len(due) > 0
    assert_dated(demo)
    assert all(stored(demo)[delegate_id][1] == 1 for delegate_id, _name, _n in due)
    assert due_delegates(demo, 1, cutoff) == []


@pytest.mark.parametrize("board", ["demo_template", "stress_path"])
def test_a_file_from_before_the_last_sessions_has_every_booked_delegate_dated_once_opened(
        request, board, tmp_path, as_of_schema):
    built = request.getfixturevalue(board)
    path = tmp_path / "older.sgdesk"
    path.write_bytes(built.read_bytes())
    as_of_schema(path, 16)      # what migration 0017 made (its table, index and triggers), taken away
    with open_board_file(path) as bf:
        assert bf.schema_version() == latest_version()
        assert_dated(bf)
        with open_board_file(built, read_only=True) as original:
            assert stored(bf) == stored(original)


#: the delegates due, as due_delegates found them from the bookings before their last sessions were stored
_OLD_DUE = """
SELECT d.id, d.name, count(b.id) FROM training_delegate d JOIN training_booking b ON b.delegate_id = d.id
WHERE d.id IN (SELECT old.delegate_id FROM training_session s CROSS JOIN training_booking old
               ON old.session_id = s.id CROSS JOIN training_delegate kept ON kept.id = old.delegate_id
               WHERE s.session_date < :cutoff AND kept.board_id = :board AND kept.anonymised_on IS NULL)
AND NOT EXISTS (SELECT 1 FROM training_booking later JOIN training_session s ON s.id = later.session_id
                WHERE later.delegate_id = d.id AND s.session_date >= :cutoff)
GROUP BY d.id ORDER BY d.id
"""


@pytest.mark.parametrize("board", ["demo", "stress"])
def test_the_delegates_due_are_those_the_bookings_gave_for_every_cutoff(request, board):
    """Every first of the month the sessions span and the month after, and each twentieth session's day and the
    day after it (a delegate whose last session is the cutoff's day is not due)."""
    bf = request.getfixturevalue(board)
    days = [dt.date.fromisoformat(day) for (day,) in bf.query(
        "SELECT DISTINCT session_date FROM training_session ORDER BY session_date")]
    cutoffs = {dt.date(year, month, 1) for year in range(days[0].year, days[-1].year + 2) for month in range(1, 13)}
    cutoffs |= {day + dt.timedelta(days=step) for day in days[::20] for step in (0, 1)}
    seen = 0
    for (board_id,) in bf.query("SELECT id FROM board ORDER BY id"):
        for cutoff in sorted(cutoffs):
            old = [tuple(row) for row in bf.query(_OLD_DUE, {"board": board_id, "cutoff": cutoff.isoformat()})]
            assert due_delegates(bf, board_id, cutoff) == old, (board_id, cutoff)
            seen += len(old)
    assert seen > 0


def test_sgdesk_check_names_the_delegates_whose_last_session_was_changed_outside_sg_desk(demo_path, capsys):
    assert main(["check", str(demo_path)]) == 0
    conn = sqlite3.connect(demo_path, isolation_level=None)
    nobody = conn.execute("SELECT max(id) + 1 FROM training_delegate").fetchone()[0]   # (every demo delegate booked)
    conn.execute("UPDATE training_delegate_last_session SET session_date = '2001-01-01' WHERE id = 5")
    conn.execute("UPDATE training_delegate_last_session SET anonymised = 1 - anonymised WHERE id = 17")
    conn.execute("DELETE FROM training_delegate_last_session WHERE id = 30")
    conn.execute("INSERT INTO training_delegate_last_session VALUES (?, 1, 0, '2019-01-01')", (nobody,))
    conn.close()
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 1
    named = ", ".join(map(str, (5, 17, 30, nobody)))
    assert ("[PROBLEM] training delegates whose last booked session is not stored as their bookings give it, so that "
            f"the retention check may miss them or name them too soon: {named} - restore the latest good backup"
            ) in capsys.readouterr().out
