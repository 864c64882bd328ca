"""Regular expressions that modules compile as they are imported, compiled once and kept between processes.

Python's ``re`` parses and compiles a pattern in Python, each process anew: the 120 or so patterns an
export's modules compile as they load (reportlab's, the standard library's and SG Desk's own, one of
them a character class over most of Unicode) take some 20 ms of each export and each start.
:func:`keep_compiled_patterns` keeps what the compiler hands to ``_sre`` for each such pattern (its
flags, code and groups) in one file in SG Desk's cache folder (:mod:`sgdesk.cache`), named for the
Python and regular expression engine that compiled it, and makes the pattern from it when the same
pattern with the same flags is asked for again. Only patterns asked for by a module's or a class's
body are kept: those are written in the code, whereas a function can build a pattern from what it is
given (a name searched for), which has no place in a file on disk. The file is written again as the
process ends only if it lacked a few of the patterns: a module can make a pattern anew in every
process (reportlab joins a set of names, in an order of the process's own), and one or two patterns
compiled each time (a millisecond) are not worth a file written each time. A kept pattern the
engine refuses is compiled again. The file is trusted as ``__pycache__`` is: it is the user's own, in
their own profile.
"""

from __future__ import annotations

import _sre
import atexit
import functools
import re
import sys
from _thread import get_ident
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from re import _compiler
from typing import Any, Callable

from sgdesk.cache import KeptTable, cache_dir

#: how many patterns the file keeps at most: past it, only those of the last process
MOST_KEPT = 2000
#: how many patterns the file lacked are worth writing it again for (the first process lacks 100 or so)
WORTH_WRITING = 3

#: a code object's flag that a function's code has and a module's or a class body's has not
#: (``inspect.CO_NEWLOCALS``: inspect compiles patterns as it loads, so it is loaded after this)
_NEW_LOCALS = 0x0002
#: the code of a comprehension, run by the code it is written in
_COMPREHENSIONS = frozenset({"<genexpr>", "<listcomp>", "<dictcomp>", "<setcomp>"})

Key = tuple[str | bytes, int]
#: what the compiler hands ``_sre.compile`` after the pattern: flags, code, groups and both group maps
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _valid(key: Any, value: Any) -> bool:
    return (type(key) is tuple and len(key) == 2 and type(key[0]) in (str, bytes) and type(key[1]) is int
            and type(value) is tuple and len(value) == 5 and type(value[1]) is list)


class _Patterns(KeptTable[Key, Compiled]):
    """Patterns compiled: those read from the file, and those compiled since by a module's body."""

    def __init__(self, path: Path, compile_pattern: Callable[..., Any], make: Callable[..., Any]) -> None:
        super().__init__(path, _valid, MOST_KEPT)
        self.compile_pattern, self.make = compile_pattern, make
        self.handed: dict[int, Compiled] = {}   # by thread: what the compiler last handed the engine

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        """``re._compiler.compile``, made from what was kept where it can be."""
        if type(pattern) not in (str, bytes) or flags & re.DEBUG:   # one that prints as it compiles
            return self.compile_pattern(pattern, flags)
        key = (pattern, int(flags))
        found = self.get(key)
        if found is not None:
            try:
                return self.make(pattern, *found)
            except (RuntimeError, TypeError, ValueError, OverflowError):   # not code this engine takes
                pass
        compiled = self.compile_pattern(pattern, flags)
        handed = self.handed.pop(get_ident(), None)
        if handed is not None and _asked_by_a_body():
            self.add(key, handed)
        return compiled

    def hand(self, pattern: Any, flags: int, code: Any, groups: int, groupindex: Any, indexgroup: Any) -> Any:
        """``_sre.compile`` as the compiler calls it, noting what it was handed."""
        self.handed[get_ident()] = (int(flags), list(map(int, code)), int(groups), dict(groupindex),
                                    tuple(indexgroup))
        return self.make(pattern, flags, code, groups, groupindex, indexgroup)

    def write(self) -> None:
        if self.added >= WORTH_WRITING:
            super().write()


def _asked_by_a_body() -> bool:
    """Whether the code that asked ``re`` for the pattern is a module's or a class's body, or a
    comprehension such a body runs (its patterns are written in the code as much as the body's)."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_globals.get("__name__", "").partition(".")[0] == "re"
                                 or frame.f_code.co_name in _COMPREHENSIONS):
        frame = frame.f_back
    return frame is not None and not frame.f_code.co_flags & _NEW_LOCALS


def patterns_file() -> Path:
    """The file of kept patterns for this Python and its engine (their magic numbers in the name)."""
    return cache_dir() / f"regex-{MAGIC_NUMBER.hex()}-{_sre.MAGIC}.marshal"


@functools.cache
def keep_compiled_patterns() -> _Patterns:
    """Have ``re`` compile each pattern a module's body asks for once, in this process and the ones after;
    the patterns kept (made once a process)."""
    patterns = _Patterns(patterns_file(), _compiler.compile, _sre.compile)
    _compiler.compile = patterns.compile   # the name re's own _compile calls
    _sre.compile = patterns.hand           # the name the compiler calls, as it ends
    atexit.register(patterns.write)
    return patterns
