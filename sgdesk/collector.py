"""Python's cyclic garbage collector paused while many small objects are made that live on."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(*, made_is_old: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (a no-op if it is paused already).

    Work that makes tens or hundreds of thousands of small objects that live until it ends would have the
    collector rescan them again and again: a PDF's frames of text, table cells and structure elements (a
    third of the time tagging took), a ten-year report's rows. What the work leaves behind is freed when it
    ends, or by the first collection after it. As a decorator, ``@collector_paused()``, it pauses the
    collector for each call.

    With ``made_is_old``, for the start of a process (the app's window, a command's imports), what the
    block made and still holds counts as old once it ends. While the collector was paused, every object
    made stayed in its youngest generation, which the first collection after it scans in full: after a
    command-line export, every module it imported and face it read (25 ms of the demo pack's process);
    after the app's start, its window. Frozen and unfrozen, they join the oldest generation without a
    scan, as if they had survived those collections; the garbage among them waits for the next full
    collection, which is why other work, done again and again in a process, does not do this.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if made_is_old:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
