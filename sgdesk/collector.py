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
    ends; what it made and still holds is then counted as old (:func:`resume_collecting`). As a decorator,
    ``@collector_paused()``, it pauses the collector for each call.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            resume_collecting()


def resume_collecting() -> None:
    """Let the cycle collector run again, everything made so far counted as old.

    While it was paused, every object made that lived on stayed in its youngest generation, which the
    first collection after it scans in full: after an export, the modules it imported and the fonts it
    read (25 ms of the demo pack's process); after the app's start, its window. Frozen and unfrozen,
    they join the oldest generation without a scan, as if they had survived those collections; the few
    that are already garbage go at its next full collection.
    """
    gc.freeze()
    gc.unfreeze()
    gc.enable()
