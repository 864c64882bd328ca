"""How SG Desk has reportlab set up, before any of reportlab's drawing or layout code is imported.

:mod:`sgdesk.pdf` sets it up as it is imported, and :func:`sgdesk.exporting.write_export` before any
export runs (whichever of reportlab's modules the export's code imports first). It imports nothing
of reportlab's: an export that does not use reportlab still does not load it. Three settings spare
every export work that its output never shows:

- reportlab checks each attribute given to a chart's shapes as it is set (``shapeChecking``, "a big
  help when developing", its settings say). SG Desk's charts are made by code its tests run with the
  checks on, so an export leaves them off: 3% of the processor's work in exporting the demo pack (the
  data matrix's 61 trend lines, the charts). ``RL_shapeChecking`` in the environment, reportlab's own
  setting, still decides where it is set (the tests set it).
- ``reportlab.platypus.paragraph`` compiles, as it is imported, a case-insensitive pattern for
  breaking long web addresses across lines (``uri_pat``), whose ranges over all of Unicode make it
  take some 45 ms, a tenth of a whole process exporting the demo pack. It is used only when a
  paragraph style asks for ``uriWasteReduce``, which no house style does: it is compiled when first
  used instead.
- ``reportlab.lib.utils``, which every part of reportlab imports, imports Pillow's ``PIL.Image`` as
  it loads, for bitmap images: some 5 ms, and none of SG Desk's documents draws a bitmap unless its
  board has a logo. It is loaded when first used instead (``importlib.util.LazyLoader``): a logo, a
  workbook's picture.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from typing import Any

#: reportlab 5.1's pattern, as ``reportlab.platypus.paragraph`` compiles it (with ``re.IGNORECASE``)
URI_PATTERN = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]"
    "\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9])?"
    "(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?"
    "|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z"
)

#: the module reportlab imports for bitmaps, loaded when first used
IMAGES_MODULE = "PIL.Image"

#: the modules that read the settings as they are imported
_LAYOUT_MODULES = {"reportlab.graphics.shapes", "reportlab.platypus.paragraph"}


class CompiledWhenUsed:
    """A regular expression compiled the first time it is used, then that compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # match, search, ... of the compiled pattern
        if self._compiled is None:
            # str patterns are Unicode patterns: with the flag said, it is the same pattern under another key
            # in re's cache, where this object may stand for it
            self._compiled = re.compile(self.pattern, self.flags | re.UNICODE)
        return getattr(self._compiled, name)


def set_up_reportlab() -> None:
    """Leave shape checking off (unless ``RL_shapeChecking`` says otherwise), the address pattern
    uncompiled and Pillow's images unloaded; does nothing once reportlab's layout code is imported."""
    if _LAYOUT_MODULES & sys.modules.keys():
        return
    if "RL_shapeChecking" not in os.environ:
        os.environ["RL_shapeChecking"] = "0"  # reportlab's own way to set it, read as its settings load
        config = sys.modules.get("reportlab.rl_config")
        if config is not None:  # loaded already
            config.shapeChecking = 0
    # the pattern is found in re's cache of compiled patterns (keyed by type, pattern and flags), as it
    # would be had it been compiled before
    re._cache[str, URI_PATTERN, int(re.IGNORECASE)] = CompiledWhenUsed(URI_PATTERN, re.IGNORECASE)
    _load_when_used(IMAGES_MODULE)


def _load_when_used(name: str) -> None:
    """Have the module ``name`` loaded when one of its attributes is first used (nothing if it cannot be)."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return
        loader = importlib.util.LazyLoader(spec.loader)   # a TypeError for a loader that cannot be lazy
    except (ImportError, TypeError, ValueError):
        return
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)
