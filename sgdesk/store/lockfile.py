"""The lock file beside a board file: who has it open for editing, on which computer, since when.

SQLite's own locks only last for one transaction, and on network drives they are not to be
trusted (docs/shared-drives.md), so SG Desk also keeps ``board.sgdesk.lock`` for as long as a
file is open for editing. It holds the OS user, computer, process id and opening time as JSON.

* The lock is made whole and then put in place in one step (a hard link, which fails if a lock
  is there already), so no one ever sees a half-written lock of SG Desk's; a lock that cannot be
  written whole (a full or failing drive) is not left behind, and the file opens read-only.
* Opening a file whose lock belongs to someone else raises :class:`FileInUse`; the app then
  offers to open it read-only. A lock SG Desk cannot read (another program's, or damaged) is
  someone unknown's: it is never cleared without asking.
* A lock left by a process that is gone from this computer (a crash, a kill) is stale and is
  cleared without asking. Clearing a lock and taking it is done by one opener at a time (under
  ``board.sgdesk.lock.takeover``), so two people opening at the same moment cannot both take it.
* The app touches its lock every few minutes (:meth:`FileLock.refresh`), so a lock nobody has
  touched for :data:`ABANDONED_AFTER` is from a computer that crashed or lost the network; the
  app offers to take it over.
* Within one process the lock is re-entrant: opening the same file twice shares one lock.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sgdesk import __version__
from sgdesk.atomic import partial_path
from sgdesk.errors import BoardFileError
from sgdesk.store.changes import os_user

LOCK_SUFFIX = ".lock"
#: beside the lock while one opener clears a stale lock and takes it
TAKEOVER_SUFFIX = ".takeover"
#: how often an open app touches its lock file
HEARTBEAT = dt.timedelta(minutes=5)
#: a lock not touched for this long is from a computer that crashed or went away
ABANDONED_AFTER = dt.timedelta(minutes=30)
#: a lock made where hard links are not supported is filled just after it is created: how long to wait
#: for it to become readable before taking it for someone unknown's
UNREADABLE_GRACE = 1.0      # seconds
_READ_RETRY_PAUSE = 0.02    # seconds
#: a take-over marker older than this was left by a crash, mid take-over
_TAKEOVER_STALE = 10.0      # seconds
UNKNOWN_USER, UNKNOWN_MACHINE = "someone unknown", "an unknown computer"

#: locks this process holds: resolved lock path -> (lock, number of holders)
_held: dict[Path, tuple["FileLock", int]] = {}


def lock_path(board_path: Path) -> Path:
    """The lock file beside a board file.

    >>> lock_path(Path("/drive/board.sgdesk")).name
    'board.sgdesk.lock'
    """
    return board_path.with_name(board_path.name + LOCK_SUFFIX)


def machine_name() -> str:
    """This computer's name (no network is used: it is the OS's own host name)."""
    import socket  # only where a lock is taken or shown: a read-only export need not load it (2 ms)

    return socket.gethostname() or "this computer"


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about who holds it."""

    user: str
    machine: str
    pid: int
    opened_at: dt.datetime      # aware, UTC
    touched_at: dt.datetime     # aware, UTC: the lock file's modification time
    token: str = ""
    #: the lock file's bytes, to tell whether it is still the same lock when it is taken over
    raw: bytes = b""
    #: the lock file could not be read as SG Desk writes it
    unreadable: bool = False

    @property
    def on_this_machine(self) -> bool:
        return self.machine.casefold() == machine_name().casefold()

    @property
    def is_stale(self) -> bool:
        """Left on this computer by a process that no longer runs: safe to clear."""
        return self.on_this_machine and not process_alive(self.pid)

    def is_abandoned(self) -> bool:
        """Not touched for :data:`ABANDONED_AFTER`: its app crashed or lost the drive."""
        return dt.datetime.now(dt.timezone.utc) - self.touched_at > ABANDONED_AFTER

    def holder(self) -> str:
        """Who, where and since when: "jsmith on COUNCIL-PC-17 since 09:14 today"."""
        return f"{self.user} on {self.machine} since {self.since()}"

    def since(self) -> str:
        return _friendly_time(self.opened_at)

    def last_seen(self) -> str:
        return _friendly_time(self.touched_at)


def _friendly_time(moment: dt.datetime) -> str:
    local = moment.astimezone()
    today = dt.datetime.now().astimezone().date()
    if local.date() == today:
        return f"{local:%H:%M} today"
    return f"{local:%H:%M} on {local.day} {local:%b %Y}"


class FileInUse(BoardFileError):
    """The board file is open for editing somewhere else (see ``info``)."""

    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path = path
        self.info = info
        lock = lock_path(path).name
        if info.is_abandoned():
            fix = (f"it looks abandoned (last active {info.last_seen()}): if nobody has it open, "
                   f"delete {lock} beside it, or open it in SG Desk and take over the lock")
        elif info.unreadable:
            fix = f"open it read-only; if you are sure nobody has it open, delete {lock} beside it"
        else:
            fix = "open it read-only, or ask them to close it and try again"
        if info.unreadable:
            super().__init__(f"{path.name} may be open for editing by someone else (its lock file {lock} cannot be "
                             f"read, so SG Desk cannot tell who): {fix}")
        else:
            super().__init__(f"{path.name} is open for editing by {info.holder()}: {fix}")


class LockNotWritable(BoardFileError):
    """The lock file cannot be written whole: the folder is read-only for this user, full or failing."""

    def __init__(self, board_path: Path, error: OSError) -> None:
        self.cause = error.strerror or str(error)
        super().__init__(f"SG Desk cannot write its lock file beside {board_path.name} ({self.cause}), so it "
                         "cannot be edited safely: open it read-only")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (never signals or ends it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    # os.kill(pid, 0) would END the process on Windows: ask for its exit code instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def read_lock(board_path: Path) -> LockInfo | None:
    """Who holds the lock on ``board_path``, or None if nobody does."""
    path = lock_path(board_path)
    give_up = time.monotonic() + UNREADABLE_GRACE
    while True:
        try:
            raw = path.read_bytes()
            touched = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        except FileNotFoundError:
            return None
        except OSError:
            raw, touched = b"", dt.datetime.now(dt.timezone.utc)
        info = _parse(raw, touched)
        if info is not None:
            return info
        if time.monotonic() >= give_up:
            return LockInfo(UNKNOWN_USER, UNKNOWN_MACHINE, 0, touched, touched, raw=raw, unreadable=True)
        time.sleep(_READ_RETRY_PAUSE)  # perhaps being filled right now


def _parse(raw: bytes, touched: dt.datetime) -> LockInfo | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        opened = dt.datetime.fromisoformat(data["opened_at"])
        if opened.tzinfo is None:
            opened = opened.replace(tzinfo=dt.timezone.utc)
        return LockInfo(str(data["user"]), str(data["machine"]), int(data["pid"]), opened, touched,
                        str(data.get("token", "")), raw)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class FileLock:
    """A lock this process holds on a board file; release it with :meth:`release`."""

    def __init__(self, board_path: Path, token: str) -> None:
        self.board_path = board_path
        self.path = lock_path(board_path)
        self.token = token

    def still_ours(self) -> bool:
        info = read_lock(self.board_path)
        return info is not None and info.token == self.token

    def refresh(self) -> bool:
        """Touch the lock file (the heartbeat); False if someone else has taken it over.

        A lock file that has gone is made again; a drive that is briefly away is tried again at
        the next heartbeat.
        """
        try:
            token = json.loads(self.path.read_text(encoding="utf-8")).get("token")
        except FileNotFoundError:
            return self._make_again()
        except (OSError, ValueError, AttributeError):
            return True
        if token != self.token:
            return False
        try:
            os.utime(self.path)
        except OSError:
            pass
        return True

    def _make_again(self) -> bool:
        try:
            fresh = _create(self.board_path)
        except LockNotWritable:
            return True
        if fresh is None:
            return False  # someone else's lock appeared in its place
        self.token = fresh.token
        return True

    def release(self) -> None:
        """Give up one hold on the lock; the file goes when the last holder in this process lets go."""
        key = self.path.resolve()
        lock, holders = _held.get(key, (self, 1))
        if holders > 1:
            _held[key] = (lock, holders - 1)
            return
        _held.pop(key, None)
        if self.still_ours():
            try:
                self.path.unlink()
            except OSError:
                pass  # a read-only or vanished drive: the lock will be found stale or abandoned


def acquire(board_path: Path, *, take_over: bool = False) -> FileLock:
    """Take the lock on ``board_path`` for this process.

    Raises :class:`FileInUse` when another live process holds it (unless ``take_over``, which
    the app only offers for an abandoned lock), and :class:`BoardFileError` when the lock file
    cannot be written at all.
    """
    path = lock_path(board_path)
    key = path.resolve()
    if key in _held:
        lock, holders = _held[key]
        _held[key] = (lock, holders + 1)
        return lock
    for _attempt in range(50):
        lock = _create(board_path)
        if lock is None:
            info = read_lock(board_path)
            if info is None:
                continue  # released between our two looks: try again
            if not (info.is_stale or take_over or (info.on_this_machine and info.pid == os.getpid())):
                raise FileInUse(board_path, info)
            lock = _take_over(board_path, info)
        if lock is not None:
            _held[key] = (lock, 1)
            return lock
        time.sleep(_READ_RETRY_PAUSE)  # someone else is taking it over: look again
    raise BoardFileError(f"the lock on {board_path.name} keeps changing hands: wait a moment and open it again")


def _create(board_path: Path) -> FileLock | None:
    """Put a whole lock file in place if there is none; None if one exists already."""
    path = lock_path(board_path)
    token = secrets.token_hex(8)
    content = json.dumps({"user": os_user(), "machine": machine_name(), "pid": os.getpid(),
                          "opened_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                          "app": f"SG Desk {__version__}", "token": token}, indent=1).encode("utf-8")
    whole = partial_path(path)
    try:
        _write_new(whole, content)
        try:
            os.link(whole, path)   # fails if a lock is there: the test and the taking are one step
        except FileExistsError:
            return None
        except OSError:            # a drive without hard links: create it exclusively, then fill it
            try:
                _write_new(path, content)
            except FileExistsError:
                return None
    except OSError as error:
        raise LockNotWritable(board_path, error) from None
    finally:
        try:
            whole.unlink(missing_ok=True)
        except OSError:
            pass
    return FileLock(board_path, token)


def _write_new(path: Path, content: bytes) -> None:
    """Create ``path`` (it must not exist), write ``content`` and flush it to disk; nothing is left on failure."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            if os.write(fd, content) != len(content):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        path.unlink(missing_ok=True)
        raise


def _take_over(board_path: Path, seen: LockInfo) -> FileLock | None:
    """Replace the lock ``seen`` with ours, unless it has changed since; None if someone else got there first.

    Only the opener holding the take-over marker may remove a lock, so of several openers who
    all found the same stale lock, exactly one takes it; the others then find the new lock.
    """
    path = lock_path(board_path)
    marker = path.with_name(path.name + TAKEOVER_SUFFIX)
    try:
        os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        try:
            if time.time() - marker.stat().st_mtime > _TAKEOVER_STALE:
                marker.unlink()   # left by an opener that crashed mid take-over
        except OSError:
            pass
        return None
    except OSError as error:
        raise LockNotWritable(board_path, error) from None
    try:
        try:
            still = path.read_bytes()
        except FileNotFoundError:
            still = None
        if still is not None:
            if still != seen.raw:
                return None   # it changed hands meanwhile: look again
            _remove(path)
        return _create(board_path)
    finally:
        marker.unlink(missing_ok=True)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise BoardFileError(f"the old lock {path.name} cannot be removed ({error.strerror}): "
                             "ask IT to delete it, or open the file read-only") from None
