"""The board file: one SQLite database (``.sgdesk``) per business unit.

Opening checks, in order, that the file exists, is SQLite, is whole, is an SG Desk file, is
not from a newer SG Desk and holds nothing SG Desk did not make (:mod:`sgdesk.store.schema`:
no planted trigger or view runs); an older file is copied beside itself and then migrated in one
transaction. Every refusal is a :class:`~sgdesk.errors.BoardFileError` saying which and what
to do.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import struct
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sgdesk import __version__
from sgdesk.atomic import atomic_path
from sgdesk.errors import BoardFileError
from sgdesk.store.changes import Editor
from sgdesk.store.failures import RESTORE_HINT, UnreadableError, cannot_open, explain
from sgdesk.store.identity import settle_identity
from sgdesk.store.migrations import apply_migrations, latest_version, schema_version
from sgdesk.store.schema import expected_objects, schema_difference, trust
from sgdesk.store.sqlite import connect, sqlite_utils_database

if TYPE_CHECKING:
    import sqlite_utils

    from sgdesk.store.lockfile import FileLock

SUFFIX = ".sgdesk"
APPLICATION_ID = 0x53474453  # "SGDS"
_SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLite's rollback journal beside a board file, while a change is being written
JOURNAL_SUFFIX = "-journal"
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


#: the read-only reason once the file opened is no longer at its path
MOVED_AWAY = "the file was moved, renamed or deleted while it was open"


class FileMovedAway(BoardFileError):
    """The board file was moved, renamed or deleted while it was open; what is open can still be saved as a copy."""

    def __init__(self, path: Path, *, change_refused: bool = True) -> None:
        self.path = path
        not_saved = "this change was not saved and " if change_refused else ""
        super().__init__(f"{path.name} was moved, renamed or deleted while it was open, so {not_saved}editing is "
                         "switched off: save a copy of what is open (File > Save a copy), then open the copy")


def _file_key(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (device and file number), or None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class BoardFile:
    """An open board file: a connection, its editor (the write path) and helpers.

    Use :func:`open_board_file` or :func:`create_board_file` rather than the constructor.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool,
                 read_only_reason: str | None = None, lock: "FileLock | None" = None) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        #: why the file is read-only, as the end of "Read-only: ..." (None when writable)
        self.read_only_reason = (read_only_reason or "it was opened read-only") if read_only else None
        #: the lock file this session holds while the file is open for editing
        self.lock = lock
        #: called once, just before the first change of this session (e.g. the session backup)
        self.before_first_edit: list[Callable[["BoardFile"], None]] = []
        #: what opening did that the user should hear of, one line each (e.g. a change cut short, undone)
        self.notes: list[str] = []
        self._edited = False
        self.editor = Editor(conn, read_only=read_only, name=path.name)
        self._opened_as = _file_key(path)
        if not read_only:
            # its schema was found to be SG Desk's own (schema.trust); each change first checks it still is,
            # and that the file at the path is still the one opened
            self._schema_cookie = self.scalar("PRAGMA schema_version")
            self.editor.before_action.append(self._schema_unchanged)
            self.editor.before_action.append(self._still_at_its_path)

    @cached_property
    def db(self) -> "sqlite_utils.Database":
        """The same connection as a ``sqlite_utils.Database`` (for introspection and queries)."""
        return sqlite_utils_database(self.conn)

    def edit(self, description: str):
        """Start an audited, undoable change: ``with board_file.edit("Add member") as ed: ...``."""
        if self.read_only:
            raise BoardFileError(f"{self.path.name} is open read-only, so nothing was changed: {self.read_only_reason}")
        if not self._edited:
            self._edited = True
            for hook in list(self.before_first_edit):
                hook(self)
        return self.editor.action(description)

    def _schema_unchanged(self) -> None:
        """Refuse a change if someone has put SQL of their own into the file since it was opened."""
        cookie = self.scalar("PRAGMA schema_version")
        if cookie == self._schema_cookie:
            return
        problem = schema_difference(self.conn, self.schema_version())
        if problem is not None:
            self.conn.execute("PRAGMA trusted_schema = OFF")
            raise BoardFileError(f"{self.path.name} was changed outside SG Desk while it was open ({problem}); your "
                                 "change was not saved: close it, and restore it from a backup (sgdesk restore)")
        self._schema_cookie = cookie

    def compact(self) -> None:
        """Rewrite the file without its free space (``VACUUM``), so nothing deleted from it survives in it.

        Raises :class:`~sgdesk.store.failures.UnreadableError` if the drive has no room for it or
        fails; the file is then as it was (SQLite's journal covers it).
        """
        attached = self.conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 1)   # VACUUM attaches its own copy
        try:
            self.conn.execute("VACUUM")
        except sqlite3.Error as error:
            raise UnreadableError(f"{self.path.name} could not be rewritten: {explain(error)}") from None
        finally:
            self.conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, attached)

    def moved_away(self) -> bool:
        """Whether the file at the path is no longer the one opened (it was moved, renamed or deleted)."""
        return _file_key(self.path) != self._opened_as

    def _still_at_its_path(self) -> None:
        """Refuse a change, and stop editing, once the file opened is no longer at its path.

        Its changes would go to a deleted file (lost when it closes) or one somewhere else.
        """
        if not self.moved_away():
            return
        self.make_read_only(MOVED_AWAY)
        raise FileMovedAway(self.path)

    def make_read_only(self, reason: str) -> None:
        """Stop changes for the rest of the session (e.g. another user took over the lock)."""
        self.read_only = self.editor.read_only = True
        self.read_only_reason = reason
        self._release_lock()

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def schema_version(self) -> int:
        return schema_version(self.conn)

    def close(self) -> None:
        self.conn.close()
        self._release_lock()

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> "BoardFile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite, or that are shorter than their header says."""
    if path.is_dir():
        raise BoardFileError(f"{path} is a folder, not a board file: choose the .sgdesk file inside it")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise BoardFileError(f"{path} cannot be read (permission denied): ask IT for access to it") from None
    except OSError as error:   # the drive failed (a read of a file can fail with any error number, even EISDIR)
        raise UnreadableError(f"{path.name} could not be read: {explain(error)}") from None
    if not header.startswith(_SQLITE_HEADER):
        raise BoardFileError(
            f"{path.name} is not an SG Desk board file (it is not a database at all): "
            "open the .sgdesk file your board uses"
        )
    if len(header) < 100:
        raise BoardFileError(f"{path.name} is damaged (it is cut short): {RESTORE_HINT}")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">I", header[24:28])[0], struct.unpack(">I", header[28:32])[0]
    version_valid_for = struct.unpack(">I", header[92:96])[0]
    # a change cut short leaves the file mid-write and a hot journal that SQLite rolls back on opening
    if page_count and change_counter == version_valid_for and not hot_journal(path):
        if path.stat().st_size < page_size * page_count:
            raise BoardFileError(f"{path.name} is damaged (it is cut short): {RESTORE_HINT}")


def hot_journal(path: Path) -> bool:
    """Whether a change to ``path`` was cut short after it began writing into the file.

    SQLite writes a rollback journal's header last, once its pages are safely on disk; a journal
    with its header means the file was being changed, and SQLite puts it back as it was before
    that change when it is next opened for editing. (A journal without it is ignored.)
    """
    try:
        with path.with_name(path.name + JOURNAL_SUFFIX).open("rb") as handle:
            return handle.read(8) == _JOURNAL_MAGIC
    except OSError:
        return False


def _backup_path(path: Path, from_version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.schema-v{from_version}-backup-{stamp}{path.suffix}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}.schema-v{from_version}-backup-{stamp}-{counter}{path.suffix}")
    return candidate


def copy_database(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy an open database to ``dest`` with SQLite's online backup API.

    The copy is written beside ``dest`` under a temporary name and renamed when whole
    (:func:`sgdesk.atomic.atomic_path`).
    """
    with atomic_path(dest) as partial:
        target = sqlite3.connect(partial)
        try:
            owner_only(partial)
            conn.backup(target)
        finally:
            target.close()
    return dest


def owner_only(path: Path) -> None:
    """Make a new file readable by its owner only, where the OS allows it."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def _identify(path: Path, conn: sqlite3.Connection) -> int:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = schema_version(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            raise BoardFileError(
                f"{path.name} was part-way through a change when SG Desk or its computer stopped; it is put "
                "right the next time someone opens it for editing (not read-only): open it for editing, or ask "
                "whoever has it open to close it") from None
        raise cannot_open(path, error) from None
    if app_id != APPLICATION_ID:
        raise BoardFileError(
            f"{path.name} is a database, but not an SG Desk board file: open the .sgdesk file your board uses"
        )
    if version > latest_version():
        raise BoardFileError(
            f"{path.name} was saved by a newer version of SG Desk (schema {version}; this is version "
            f"{__version__}, which reads up to schema {latest_version()}): install the newer SG Desk to open it"
        )
    return version


def prepare_to_open() -> None:
    """Build now what opening a board file compares its schema with (the migrations applied in memory, 11 ms,
    once a process), so that the first opening of a file its digest does not vouch for (an older one, or one
    another SQLite worded) does not wait for it: the app does so on its welcome screen."""
    expected_objects(latest_version())


def open_board_file(path: str | Path, *, read_only: bool = False, migrate: bool = True,
                    take_over_lock: bool = False, own_identity: bool = True) -> BoardFile:
    """Open an existing board file, upgrading an older one in place after a backup.

    ``migrate=False`` opens an older file as it is (read-only use, e.g. `check`). Opening for
    editing takes the file's lock: :class:`~sgdesk.store.lockfile.FileInUse` says who else has
    it open (``take_over_lock`` replaces an abandoned lock). A file or folder this user cannot
    write to opens read-only, with ``read_only_reason`` saying why. Opened for editing in a new
    place, a copy gets its own identity (:mod:`sgdesk.store.identity`), unless ``own_identity`` is
    False: SG Desk changing one of a file's backups, which must stay that file's.
    """
    from sgdesk.store.lockfile import LockNotWritable, acquire, read_lock

    path = Path(path)
    if not path.exists():
        raise BoardFileError(f"there is no board file at {path}: check the name, or create one with 'sgdesk new'")
    note = _roll_back_cut_short_change(path) if read_only else None
    _check_header(path)
    reason = None
    if not read_only:
        reason = _unwritable_reason(path)
    elif (holder := read_lock(path)) is not None and holder.unreadable:
        reason = "someone may have it open for editing (its lock file cannot be read, so SG Desk cannot tell who)"
    elif holder is not None and not holder.is_stale:
        reason = f"{holder.user} on {holder.machine} has it open for editing (since {holder.since()})"
    lock = None
    if reason is None and not read_only:
        try:
            lock = acquire(path, take_over=take_over_lock)
        except LockNotWritable as refused:
            reason = (f"SG Desk cannot write in the folder this file is in ({refused.cause}), so it cannot save "
                      "changes there")
    read_only = read_only or reason is not None
    try:
        conn = _open_connection(path, read_only=read_only, migrate=migrate)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    bf = BoardFile(path, conn, read_only=read_only, read_only_reason=reason, lock=lock)
    if note is not None:
        bf.notes.append(note)
    if not read_only and own_identity:
        try:
            settle_identity(bf.path, bf.editor)
        except BaseException:
            bf.close()
            raise
    return bf


def _roll_back_cut_short_change(path: Path) -> str | None:
    """Put back a change that was cut short (a hot journal), as opening for editing would; what was done, or None.

    Only while nobody has the file open for editing (its lock is taken for the moment it takes);
    if the folder cannot be written or the drive fails, the file is left for the next opening.
    """
    from sgdesk.store.lockfile import acquire

    if not hot_journal(path):
        return None
    try:
        lock = acquire(path)
    except BoardFileError:
        return None
    try:
        conn = connect(path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()   # SQLite rolls the change back first
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    finally:
        lock.release()
    if hot_journal(path):
        return None
    return (f"{path.name} was part-way through a change when SG Desk or its computer stopped; that change has been "
            "undone, so the file is as it was before it")


def _unwritable_reason(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return "you do not have permission to change this file"
    if not os.access(path.parent, os.W_OK):
        return "the folder this file is in is read-only, so SG Desk cannot save changes there"
    return None


def _open_connection(path: Path, *, read_only: bool, migrate: bool) -> sqlite3.Connection:
    try:
        conn = connect(path, read_only=read_only)
    except sqlite3.DatabaseError as error:
        raise cannot_open(path, error) from None
    try:
        version = _identify(path, conn)
        problem = schema_difference(conn, version)
    except sqlite3.DatabaseError as error:
        failure = cannot_open(path, error)
        conn.close()
        raise failure from None
    except BaseException:
        conn.close()
        raise
    if problem is not None:
        conn.close()
        raise BoardFileError(f"{path.name} was changed outside SG Desk ({problem}), so it is not opened: restore it "
                             "from a backup (sgdesk restore), or ask whoever sent it for the file as SG Desk saved it")
    if not read_only:
        trust(conn)
    if version < latest_version() and migrate:
        if read_only:
            conn.close()
            raise BoardFileError(
                f"{path.name} uses an older layout (schema {version}) and is read-only here, so it cannot be "
                "upgraded: copy it somewhere you can write to, then open the copy"
            )
        before = copy_database(conn, _backup_path(path, version))
        try:
            apply_migrations(conn)
        except sqlite3.DatabaseError as error:
            conn.close()
            if not hot_journal(path):   # rolled back: the file is its own copy, and the next try makes another
                before.unlink(missing_ok=True)
            raise BoardFileError(f"{path.name} could not be upgraded ({error}); it is unchanged: {RESTORE_HINT}") from None
    if not read_only:
        _safe_journal(conn)
    return conn


def _safe_journal(conn: sqlite3.Connection) -> None:
    """A rollback journal, deleted at each commit, with full syncs (docs/shared-drives.md).

    A file another tool switched to WAL is switched back; if someone else has it open that
    waits for a later session.
    """
    conn.execute("PRAGMA synchronous = FULL")
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.OperationalError:
        pass


def create_board_file(path: str | Path, *, overwrite: bool = False) -> BoardFile:
    """Create a new, empty board file at the current schema (no boards yet)."""
    from sgdesk.store.lockfile import acquire

    path = Path(path)
    if path.exists() and not overwrite:
        raise BoardFileError(f"{path} already exists: choose another name, or open it instead")
    if not path.parent.is_dir():
        raise BoardFileError(f"the folder {path.parent} does not exist: create it first or choose another")
    lock = acquire(path)  # refuses to replace a file someone has open
    try:
        path.unlink(missing_ok=True)
        conn = connect(path)
        owner_only(path)
        trust(conn)   # it holds nothing but what the migrations make
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _safe_journal(conn)
        apply_migrations(conn)
        conn.execute(
            "INSERT INTO app_meta (key, value) VALUES ('created_by', ?), ('created_at', ?), ('last_path', ?)",
            (f"SG Desk {__version__}", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
             str(path.resolve())),   # its file_id comes from the migrations (0012)
        )
    except BaseException:
        lock.release()
        raise
    return BoardFile(path, conn, read_only=False, lock=lock)
