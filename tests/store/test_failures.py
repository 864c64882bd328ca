"""A drive that fails while a board file is read is never taken for a damaged file.

SQLite reports some failed reads as "database disk image is malformed" (SQLITE_CORRUPT), the
same words each time, so agreeing readings are not enough: damage is believed only when a copy
of the file read into memory has it too. The drive here is a connection that garbles every read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sgdesk.backups import list_backups, make_backup
from sgdesk.errors import BoardFileError
from sgdesk.safety.restore import latest_backup
from sgdesk.store import open_board_file
from sgdesk.store.failures import UnreadableError, integrity_check


def _malformed() -> sqlite3.DatabaseError:
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorname = "SQLITE_CORRUPT"
    return error


class GarblingDrive:
    """A connection to a real file whose reads of its pages all come back garbled (``garbles`` names them)."""

    def __init__(self, conn: sqlite3.Connection, garbles: str) -> None:
        self.conn, self.garbles = conn, garbles

    def execute(self, sql: str, *args):
        if self.garbles in sql:
            raise _malformed()
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def _garble_opening(monkeypatch) -> None:
    """Every opening of a board file reads it as malformed, as a failing drive can make it."""
    def garbled(path, conn):
        raise _malformed()

    monkeypatch.setattr("sgdesk.store.boardfile._identify", garbled)


def _damage(path: Path) -> None:
    """Overwrite the file's last page, as a drive that wrote garbage there would."""
    with sqlite3.connect(path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(path.read_bytes())
    size = len(data) // pages
    data[size * (pages - 1):] = b"\xff" * size
    path.write_bytes(bytes(data))


def test_a_whole_file_that_every_check_on_a_failing_drive_finds_malformed_is_unreadable_not_damaged(demo_path):
    with open_board_file(demo_path, read_only=True) as bf:
        with pytest.raises(UnreadableError, match="could not be read reliably to check it"):
            integrity_check(GarblingDrive(bf.conn, "integrity_check"), "demo.sgdesk")


def test_a_file_that_is_damaged_in_memory_too_is_damaged(demo_path):
    _damage(demo_path)
    with open_board_file(demo_path, read_only=True) as bf:
        found = integrity_check(GarblingDrive(bf.conn, "integrity_check"), "demo.sgdesk")
    assert found != ["ok"] and not any("malformed" in line for line in found)   # what is wrong, and where


def test_what_a_check_finds_in_a_database_in_memory_is_taken_as_it_is():
    conn = sqlite3.connect(":memory:")
    assert integrity_check(GarblingDrive(conn, "integrity_check"), "memory") == ["database disk image is malformed"]


def test_a_whole_file_that_reads_as_malformed_while_opening_is_unreadable_not_damaged(demo_path, monkeypatch):
    _garble_opening(monkeypatch)
    with pytest.raises(UnreadableError) as refused:
        open_board_file(demo_path, read_only=True)
    assert str(refused.value) == ("demo.sgdesk could not be read reliably (the drive returned garbled data, but the "
                                  "file itself is whole): check the drive is still connected, then try again")


def test_a_file_damaged_where_opening_reads_it_is_refused_as_damaged(demo_path, monkeypatch):
    _damage(demo_path)

    _garble_opening(monkeypatch)
    with pytest.raises(BoardFileError, match="SQLite found something wrong in it") as refused:
        open_board_file(demo_path, read_only=True)
    assert not isinstance(refused.value, UnreadableError)


def test_a_backup_read_as_malformed_by_a_failing_drive_is_still_listed_as_whole(demo_path, monkeypatch):
    backup = make_backup(demo_path)
    real_connect = sqlite3.connect
    monkeypatch.setattr("sgdesk.store.identity.connect",
                        lambda path, read_only=False: GarblingDrive(real_connect(path), "app_meta"))
    assert [(b.path, b.whole) for b in list_backups(demo_path)] == [(backup, True)]


def test_restore_on_a_failing_drive_says_the_backup_could_not_be_read_not_that_none_is_whole(demo_path, monkeypatch):
    make_backup(demo_path)

    _garble_opening(monkeypatch)
    with pytest.raises(UnreadableError, match="could not be read reliably"):
        latest_backup(demo_path)


def test_a_read_of_a_file_that_fails_as_if_it_were_a_folder_is_unreadable_not_a_folder(demo_path, monkeypatch):
    import errno
    import io

    class FailingRead(io.BytesIO):   # a drive's read can fail with any error number, EISDIR among them
        def read(self, *size):
            raise IsADirectoryError(errno.EISDIR, "Is a directory")

    monkeypatch.setattr(Path, "open", lambda self, *args, **kwargs: FailingRead())
    with pytest.raises(UnreadableError) as refused:
        open_board_file(demo_path, read_only=True)
    assert str(refused.value).startswith("demo.sgdesk could not be read: the drive did not respond (Is a directory)")


def test_a_folder_is_refused_as_a_folder(tmp_path):
    folder = tmp_path / "board.sgdesk"
    folder.mkdir()
    with pytest.raises(BoardFileError, match="is a folder, not a board file"):
        open_board_file(folder)
