"""Writing a file so that it is always either the old file or the whole new one.

Every file SG Desk writes (PDF, Word, Excel and CSV exports, backups, the audit trail's CSV,
response forms) is written to a temporary file in the same folder, flushed to disk, and only
then swapped in with one rename (``os.replace``)::

    with atomic_path(out) as temporary:
        document.save(temporary)

    with atomic_open(out, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(text)

If anything fails on the way (a full drive, an I/O error, the old file open in Excel), the
temporary file is removed, the old file stays as it was, and the failure is an
:class:`OutputError` naming the file, what failed and what to do.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from sgdesk.errors import SGDeskError

#: the suffix of a temporary file being written; a crash can leave one behind, never a half target
PARTIAL_SUFFIX = ".partial"


class OutputError(SGDeskError):
    """A file could not be written; the old one, if any, is unchanged."""


def partial_path(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (hidden on Linux and macOS)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Give a temporary path beside ``target`` to write to; swap it in when the block succeeds."""
    target = Path(target)
    temporary = partial_path(target)
    existed = target.exists()
    try:
        yield temporary
        _flush_to_disk(temporary)
        _keep_permissions(target, temporary)
        os.replace(temporary, target)
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, (OSError, sqlite3.Error)):
            raise OutputError(failure_message(target, error, existed=existed)) from error
        raise
    _flush_folder(target.parent)


@contextmanager
def atomic_open(target: str | os.PathLike[str], mode: str = "wb", **options: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``target`` (``open``'s ``mode`` and options); swap it in when whole."""
    with atomic_path(target) as temporary, open(temporary, mode, **options) as handle:
        yield handle
        handle.flush()


def write_text(target: str | os.PathLike[str], text: str, *, encoding: str = "utf-8",
               newline: str | None = None) -> None:
    """``Path.write_text``, written beside ``target`` and swapped in whole."""
    with atomic_open(target, "w", encoding=encoding, newline=newline) as handle:
        handle.write(text)


def failure_message(target: Path, error: BaseException, *, existed: bool) -> str:
    """One line: which file, what failed, whether the old one is intact, and what to do."""
    code = getattr(error, "errno", None)
    cause = getattr(error, "strerror", None) or str(error) or type(error).__name__
    kept = f"the existing {target.name} is unchanged" if existed else "nothing was saved"
    if code == errno.ENOSPC or "full" in cause:
        fix = "free some space on the drive, or save it somewhere else"
    elif code in (errno.EACCES, errno.EPERM):
        fix = "close it in any program that has it open (Word, Excel, a PDF viewer), or choose a folder you can write to"
    elif code == errno.EROFS:
        fix = "the drive is read-only: save it somewhere else"
    else:
        fix = "check that the drive is still there and try again, or save it somewhere else"
    return f"{target.name} could not be written ({cause}); {kept}: {fix}"


def _flush_to_disk(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_permissions(target: Path, temporary: Path) -> None:
    """A replaced file keeps its permissions (a new one has the folder's defaults)."""
    try:
        shutil.copymode(target, temporary)
    except OSError:
        pass


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable, where the OS lets a folder be flushed (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        try:
            leftover.unlink()
        except OSError:
            pass
