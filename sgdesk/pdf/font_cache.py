"""The house faces as reportlab reads them, kept between processes so that each is read only once.

reportlab reads a TrueType face by walking its tables in Python (the width of every glyph, the map
from characters to glyphs): for the four DejaVu Sans faces, 50 ms of every process that writes a PDF,
a tenth of a whole export of the demo pack. What it has read of a face is kept in SG Desk's cache
folder (:mod:`sgdesk.cache`, under ``fonts``), one file per face, written the first time the face is
read and loaded afterwards (``marshal``: plain values, nothing that runs, a quarter of the work). A
kept face is used only for the same font file (its size and CRC-32: SHA-256 took longer than loading
the face) read by the same reportlab; any other, and a file that is not a kept face of the same
shape, is read from the font again and kept anew.

A face's tables of glyphs (:data:`TABLES`: the widths, the maps from characters to glyphs and back,
the glyphs' metrics and places) are most of it, and each is kept apart and loaded the first time
it is used: a document that sets no bold italic, and reportlab, which never uses the map from
glyphs back to characters once a face is read, load less (8 ms of the demo pack's process).
"""

from __future__ import annotations

import fnmatch
import marshal
import zlib
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from sgdesk.cache import cache_dir, keep, kept

_FORMAT = 2
#: what a face holds that is not kept: the file's bytes and name, the scale function, the table index
_NOT_KEPT = frozenset({"_ttf_data", "filename", "_pdfScale", "table"})
class _LoadedWhenUsed:
    """A table of glyphs of a kept face, loaded from what was kept of it the first time it is used, then
    an attribute of the face like any other (it is not looked up again)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, face: Any, owner: type | None = None) -> Any:
        if face is None:
            return self
        table = vars(face)[self.name] = marshal.loads(face.kept_tables[self.name])
        return table


class _KeptFace(TTFontFace):
    """A face made from what was kept of it, its tables of glyphs loaded as they are used."""

    kept_tables: dict[str, bytes]
    charToGlyph = _LoadedWhenUsed()
    glyphToChar = _LoadedWhenUsed()
    charWidths = _LoadedWhenUsed()
    hmetrics = _LoadedWhenUsed()
    glyphPos = _LoadedWhenUsed()


#: a face's tables of glyphs, each kept apart and loaded when first used
TABLES = tuple(name for name, value in vars(_KeptFace).items() if isinstance(value, _LoadedWhenUsed))


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
    return _font(name, _face(*values, path, data))


def _kept_values(found: Any, key: tuple[Any, ...]) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    """The values and tables of glyphs of a face kept as ``found`` (by :func:`_values`) under ``key``;
    None if there are none to use."""
    if not (isinstance(found, tuple) and len(found) == 4 and found[0] == key
            and all(isinstance(part, dict) for part in found[1:])):
        return None
    values, names, tables = found[1], found[2], found[3]
    if not ({"tables", "unitsPerEm"} <= values.keys() and tables.keys() == set(TABLES)
            and all(type(table) is bytes for table in tables.values())):
        return None
    for attribute, text in names.items():
        values[attribute] = TTFNameBytes(text.encode("utf-8"))
    return values, tables


def _values(face: TTFontFace) -> tuple[dict[str, Any], dict[str, str], dict[str, bytes]]:
    """What is kept of ``face``: its values; apart from them its names (reportlab's TTFNameBytes,
    which marshal cannot write), as text; and its tables of glyphs, each written on its own."""
    kept = {k: v for k, v in vars(face).items() if k not in _NOT_KEPT and k not in TABLES}
    values = {k: v for k, v in kept.items() if not isinstance(v, TTFNameBytes)}
    names = {k: v.ustr for k, v in kept.items() if isinstance(v, TTFNameBytes)}
    return values, names, {name: marshal.dumps(getattr(face, name)) for name in TABLES}


def _face(values: dict[str, Any], tables: dict[str, bytes], path: Path, data: bytes) -> TTFontFace:
    """A face as reportlab's ``TTFontFace(path)`` reads it, from the ``values`` and ``tables`` kept of it."""
    face = _KeptFace.__new__(_KeptFace)
    vars(face).update(values)
    face.kept_tables = tables
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
