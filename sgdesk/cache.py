"""SG Desk's cache folder: what it keeps between processes to start and write faster, and makes again
when it is missing or cannot be used (the fonts as read, dataclasses' compiled methods, regular
expressions compiled).

Each kept thing is one value in one file, written with ``marshal`` beside its place and swapped in
whole. A file that cannot be read or was not written by :func:`keep` reads as nothing; a folder that
cannot be written only means the work is done again next time.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

#: the environment variable that puts the cache elsewhere (the tests' temporary folder)
CACHE_DIR_VARIABLE = "SGDESK_CACHE_DIR"


def cache_dir() -> Path:
    """The per-user cache folder (``%LOCALAPPDATA%\\\\SG Desk\\\\Cache`` on Windows; ``$SGDESK_CACHE_DIR`` if set)."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("SG Desk", appauthor=False))


def kept(path: Path) -> Any:
    """The value kept in ``path``; None if there is none that can be read."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError):
        return None


def keep(path: Path, value: Any) -> None:
    """Keep ``value`` in ``path``, if marshal can write it and the folder can be written."""
    from sgdesk.atomic import atomic_open

    try:
        content = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(path) as handle:
            handle.write(content)
    except (OSError, ValueError):
        pass


class KeptTable(Generic[K, V]):
    """A table of values made once and kept in one file between processes (compiled code, say).

    The file is read as the table is made; a table in it with a key or value that ``valid`` refuses
    is left out of account. :meth:`get` gives a kept value, :meth:`add` one just made; :meth:`write`
    (as the process ends) keeps every one this process used, if any was added, with those kept
    before, up to ``most``: past it, only this process's (the others are of code that has since
    changed).
    """

    def __init__(self, path: Path, valid: Callable[[Any, Any], bool], most: int) -> None:
        found = kept(path)
        self.path, self.most = path, most
        self.kept: dict[K, V] = (found if isinstance(found, dict) and all(valid(k, v) for k, v in found.items())
                                 else {})
        self.used: dict[K, V] = {}
        self.added = 0

    def get(self, key: K) -> V | None:
        value = self.kept.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def add(self, key: K, value: V) -> None:
        self.used[key] = value
        self.added += 1

    def write(self) -> None:
        if self.added:
            keep(self.path, self.used if len(self.kept) + self.added > self.most else {**self.kept, **self.used})
