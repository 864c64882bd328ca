"""Making Office files (zip packages) byte-identical for identical content.

openpyxl and python-docx stamp each zip member, and openpyxl the document's "modified" date,
with the time of writing; :func:`deterministic` replaces both with the document's own date.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import BinaryIO

from sgdesk.atomic import atomic_open

_CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def document_time(day: dt.date | None) -> dt.datetime:
    """Midnight at the start of ``day`` (today if None): the time an Office file says it was made."""
    day = day or dt.date.today()
    return dt.datetime(day.year, day.month, day.day)


def deterministic(data: bytes, when: dt.datetime) -> bytes:
    """The zip package ``data`` with every member dated ``when`` and its core "modified" date set."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == _CORE_PROPERTIES:
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            info = zipfile.ZipInfo(member.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, content)
    return out.getvalue()


def save_package(out: str | os.PathLike[str] | BinaryIO, data: bytes, day: dt.date | None) -> None:
    """Write the zip package ``data`` to a path or stream, made deterministic for ``day``."""
    data = deterministic(data, document_time(day))
    if isinstance(out, (str, os.PathLike)):
        with atomic_open(out) as handle:
            handle.write(data)
    else:
        out.write(data)
