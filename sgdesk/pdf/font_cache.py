"""The house faces as reportlab reads them, kept between processes so that each is read only once.

reportlab reads a TrueType face by walking its tables in Python (the width of every glyph, the map
from characters to glyphs): for the four DejaVu Sans faces, 50 ms of every process that writes a PDF,
a tenth of a whole export of the demo pack. What it has read of a face is kept in SG Desk's cache
folder (:mod:`sgdesk.cache`, under ``fonts``), one file per face, written the first time the face is
read and loaded afterwards (``marshal``: plain values, nothing that runs, a quarter of the work). A
kept face is used only for the same font file (its size and CRC-32: SHA-256 took longer than loading
the face) read by the same reportlab; any other, and a file that is not a kept face of the same
shape, is read from the font again and kept anew.
"""

from __future__ import annotations

import fnmatch
import zlib
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from sgdesk.cache import cache_dir, keep, kept

_FORMAT = 1
#: what a face holds that is not kept: the file's bytes and name, the scale function, the table index
_NOT_KEPT = frozenset({"_ttf_data", "filename", "_pdfScale", "table"})


def load_font(name: str, path: Path) -> TTFont:
    """reportlab's ``TTFont(name, path)``, its face loaded as kept if it was read before."""
    data = path.read_bytes()
    key = (_FORMAT, reportlab.Version, len(data), zlib.crc32(data))
    place = cache_dir() / "fonts" / f"{path.stem}.face"
    values = _kept_values(kept(place), key)
    if values is None:
        font = TTFont(name, str(path))
        keep(place, (key, *_values(font.face)))
        return font
    return _font(name, _face(values, path, data))


def _kept_values(found: Any, key: tuple[Any, ...]) -> dict[str, Any] | None:
    """The values of a face kept as ``found`` (by :func:`_values`) under ``key``; None if there are none
    to use."""
    if not (isinstance(found, tuple) and len(found) == 3 and found[0] == key and isinstance(found[1], dict)
            and isinstance(found[2], dict)):
        return None
    values, names = found[1], found[2]
    if not {"tables", "unitsPerEm", "charWidths", "charToGlyph"} <= values.keys():
        return None
    for attribute, text in names.items():
        values[attribute] = TTFNameBytes(text.encode("utf-8"))
    return values


def _values(face: TTFontFace) -> tuple[dict[str, Any], dict[str, str]]:
    """What is kept of ``face``: its values, and apart from them its names (reportlab's TTFNameBytes,
    which marshal cannot write), as text."""
    values = {k: v for k, v in vars(face).items() if k not in _NOT_KEPT and not isinstance(v, TTFNameBytes)}
    names = {k: v.ustr for k, v in vars(face).items() if isinstance(v, TTFNameBytes)}
    return values, names


def _face(values: dict[str, Any], path: Path, data: bytes) -> TTFontFace:
    """A face as reportlab's ``TTFontFace(path)`` reads it, from the ``values`` kept of it."""
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(values)
    face._ttf_data, face.filename = data, str(path)
    face.table = {table["tag"]: table for table in face.tables}
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _scale(units_per_em: int) -> Any:
    """From font units to thousandths of the text size, as reportlab's face scales."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font(name: str, face: TTFontFace) -> TTFont:
    """reportlab's ``TTFont(name, ...)`` with ``face``, made as its ``__init__`` makes it."""
    font = TTFont.__new__(TTFont)
    font.fontName, font.face = name, face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch.fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font
