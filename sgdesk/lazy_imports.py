"""Heavy libraries imported when first needed, without the optional extras they would load.

``import sqlite_utils`` imports pandas and numpy whenever they are installed (about 0.4 s, more
than Qt's widgets), and ``import openpyxl`` imports numpy (12 MB more of the app's memory), only to
recognise their types. SG Desk uses neither (the bundle leaves both out), so these import them
with the two hidden, and a machine that happens to have them installed pays nothing.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from types import ModuleType
from typing import Iterator

UNUSED_EXTRAS = ("pandas", "numpy")


@contextmanager
def hidden_modules(names: tuple[str, ...] = UNUSED_EXTRAS) -> Iterator[None]:
    """Make ``import name`` fail for modules not yet imported, then restore them."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


def openpyxl() -> ModuleType:
    """The openpyxl package, imported (the first time) without numpy."""
    with hidden_modules():
        import openpyxl as module
    return module
