"""The methods ``dataclasses`` writes for each class, compiled once and kept between processes.

For each dataclass, ``dataclasses`` writes the source of its methods (``__init__``, ``__repr__``,
``__eq__``; ``__setattr__``, ``__delattr__`` and ``__hash__`` for a frozen one) and compiles it as
the class is made: for the hundred dataclasses the app or an export loads, some 570 compilations,
30 ms of each cold start and each export, a tenth of either. :func:`keep_compiled_methods` has them
compiled once: the code compiled from each source is kept, as Python keeps a module's compiled code
in ``__pycache__``, in one file in SG Desk's cache folder (:mod:`sgdesk.cache`), named for the Python
that compiled it, and used again for the same source. A source not kept is compiled as ``dataclasses``
compiles it (no ``__future__`` flags, file name ``<string>``), and the file is written again as the
process ends. A file that holds anything but sources and their code is left out of account. The file
is trusted as ``__pycache__`` is: it is the user's own, in their own profile.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import functools
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from sgdesk.cache import KeptTable, cache_dir

#: how many sources the file keeps at most: past it, only those of the last process (the others are
#: of classes that have since changed)
MOST_KEPT = 4000


class _Methods(KeptTable[str, CodeType]):
    """The sources compiled, and their code: those read from the file, and those compiled since."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, lambda source, code: type(source) is str and type(code) is CodeType, MOST_KEPT)

    def exec(self, source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
        """``exec`` as ``dataclasses`` calls it, with ``source`` compiled only if it was not before."""
        if type(source) is not str:
            builtins.exec(source, globals, locals)
            return
        code = self.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.add(source, code)
        builtins.exec(code, globals, locals)


def methods_file() -> Path:
    """The file of kept methods for this Python (its bytecode's magic number in the name)."""
    return cache_dir() / f"dataclass-methods-{MAGIC_NUMBER.hex()}.marshal"


@functools.cache
def keep_compiled_methods() -> _Methods:
    """Have ``dataclasses`` compile each method's source once, in this process and the ones after; the
    methods kept (made once a process)."""
    methods = _Methods(methods_file())
    dataclasses.exec = methods.exec  # the name it calls, found in its module before the built-in one
    atexit.register(methods.write)
    return methods
