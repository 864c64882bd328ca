"""Python's cyclic garbage collector paused while many small objects are made that live on."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (a no-op if it is paused already).

    Work that makes tens or hundreds of thousands of small objects that live until it ends would have the
    collector rescan them again and again: a PDF's frames of text, table cells and structure elements (a
    third of the time tagging took), a ten-year report's rows. What the work leaves behind is freed when it
    ends. As a decorator, ``@collector_paused()``, it pauses the collector for each call.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
