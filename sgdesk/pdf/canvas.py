"""The house canvas: numbered pages, tagged content, and what a PDF/UA document says about itself.

:class:`HouseCanvas` gathers the structure of what the flowables draw (see
:mod:`sgdesk.pdf.tagging`) and, when the file is saved, writes the structure tree and parent
tree, marks the document as tagged, and adds XMP metadata (title, pdfuaid part 1). Its dates are
the day printed in the footer. Link annotations made inside marked content join their
element, with the element's text as their description. Its document (:class:`HouseDocument`)
writes the objects it is handed ready, as bytes (the thousands of structure elements of a pack),
without reportlab's formatting of each object.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    LinkAnnotation,
    NoEncryption,
    PDFDictionary,
    PDFDocument,
    PDFFile,
    PDFIndirectObject,
    PDFName,
    PDFStream,
    PDFString,
    PDFTrailer,
    PDFZCompress,
)

from sgdesk.pdf.metadata import DayStamp, xmp_packet
from sgdesk.pdf.page import NumberedCanvas
from sgdesk.pdf.struct_tree import write_structure
from sgdesk.pdf.structure import StructureBuilder

PDF_VERSION = (1, 7)  # PDF/UA-1 is built on ISO 32000-1, PDF 1.7
_KEPT_STREAM_BYTES = 8 << 20  # streams, before and after compression, the process keeps


class _KeptCompression:
    """reportlab's Flate compression of a stream, kept for the process: a page, or a font subset, that
    comes out the same as one written before (the same document exported again, its pages that did
    not change) is not compressed again. The kept bytes are the ones reportlab's compression made."""

    pdfname = PDFZCompress.pdfname

    def __init__(self) -> None:
        self._kept: dict[bytes, bytes] = {}
        self._size = 0

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text  # as reportlab's filter takes it
        compressed = self._kept.get(data)
        if compressed is None:
            compressed = PDFZCompress.encode(data)
            if self._size + len(data) + len(compressed) > _KEPT_STREAM_BYTES:
                self._kept.clear()
                self._size = 0
            self._kept[data] = compressed
            self._size += len(data) + len(compressed)
        return compressed


_COMPRESSED = [PDFZCompress]  # the filters of the streams reportlab compresses: pages, font files
_KEPT_COMPRESSED = [_KeptCompression()]


class HouseDocument(PDFDocument):
    """reportlab's PDF document, which also takes objects ready, as the bytes of their content.

    reportlab formats each object it writes through several calls (a few microseconds each), which
    the thousands of elements of a pack's structure tree made a quarter of what tagging cost; an
    object handed ready is written as reportlab writes an object whose content is bytes, in one step.
    Its content is not encrypted, so a document with ready objects must not be (nor is any of ours).
    """

    def add_ready(self, objects: Sequence[bytes]) -> None:
        """Register ``objects`` as the next objects, numbered one after the other from
        ``objectcounter + 1`` (as known before, so that they can refer to each other)."""
        if type(self.encrypt) is not NoEncryption:
            raise ValueError("ready objects are written as they are: the document cannot be encrypted")
        first = self.objectcounter + 1
        numbers, names, found = self.idToObjectNumberAndVersion, self.numberToId, self.idToObject
        for number, data in enumerate(objects, start=first):
            name = f"R{number}"  # the name reportlab gives an object it numbers
            if name in found:
                raise ValueError(f"an object is named {name} already")
            numbers[name], names[number], found[name] = (number, 0), name, data
        self.objectcounter = first + len(objects) - 1

    def format(self) -> bytes:
        """The file, as reportlab's PDFDocument.format writes it; a ready object in one step, a stream
        compressed as one kept (:class:`_KeptCompression`), and the cross-reference table in one pass."""
        self.encrypt.prepare(self)
        catalog, info = self.Catalog, self.info
        self.Reference(catalog)
        self.Reference(info)
        encryption = self.encrypt.info()
        encryption_ref = self.Reference(encryption) if encryption else None
        names, objects, offsets = self.numberToId, self.idToObject, self.idToOffset
        self.__accum__ = output = PDFFile(self._pdfVersion)  # objects may ask where they are in the file
        comments = not rl_config.invariant and rl_config.pdfComments
        plain = type(self.encrypt) is NoEncryption
        counter = 1
        while counter in names:  # objects may be added while others are formatted
            name = names[counter]
            obj = objects[name]
            if type(obj) is bytes and plain and not comments:
                counter = self._write_ready(output, counter)
                continue
            if type(obj) is PDFStream and obj.filters == _COMPRESSED:
                obj.filters = _KEPT_COMPRESSED
            formatted = PDFIndirectObject(name, obj).format(self)
            if comments:
                output.add(f"% {ascii(name)}: class {type(obj).__name__[:50]} \n")
            offsets[name] = output.add(formatted)
            counter += 1
        del self.__accum__
        if counter - 1 != len(names):
            raise ValueError(f"counter {counter} doesn't match number to id dictionary {len(names)}")
        xref_offset = output.add(self._cross_references([names[number] for number in range(1, counter)]))
        trailer = PDFTrailer(startxref=xref_offset, Size=len(names) + 1, Root=self.Reference(catalog),
                             Info=self.Reference(info), Encrypt=encryption_ref, ID=self.ID())
        output.add(trailer.format(self))
        for signature in getattr(self, "_digiSigs", []):
            signature.sign(output)
        return output.format(self)

    def _write_ready(self, output: PDFFile, counter: int) -> int:
        """Write the ready objects numbered from ``counter`` on, as many as follow one another (the
        thousands of a structure tree); the number of the next object."""
        names, objects, offsets = self.numberToId, self.idToObject, self.idToOffset
        offset, write = output.offset, output.write
        while (name := names.get(counter)) is not None and type(obj := objects[name]) is bytes:
            data = (b"%d 0 obj\n%bendobj\n" if obj.endswith(b"\n") else b"%d 0 obj\n%b\nendobj\n") % (counter, obj)
            offsets[name] = offset
            offset += len(data)
            write(data)
            counter += 1
        output.offset = offset
        return counter

    def _cross_references(self, ids: list[str]) -> bytes:
        """The cross-reference table of the objects named ``ids`` (numbered from 1, in order), as reportlab's
        PDFCrossReferenceTable writes it: one line for each object, the thousands of a pack's structure tree."""
        versions, offsets = self.idToObjectNumberAndVersion, self.idToOffset
        lines = [b"xref\n0 %d\n0000000000 65535 f " % (len(ids) + 1)]
        lines += [b"%010d %05d n " % (offsets[name], versions[name][1]) for name in ids]
        lines.append(b"")
        return b"\n".join(lines)


class HouseCanvas(NumberedCanvas):
    """A numbered canvas that tags (unless ``tagged`` is false) and dates the document ``day``."""

    def __init__(self, *args: Any, day: datetime.date, tagged: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, pdfVersion=PDF_VERSION, **kwargs)
        self._doc.__class__ = HouseDocument  # reportlab's canvas makes its document itself
        self.day = day
        self._doc._timeStamp = DayStamp(day)
        self._doc.updateSignature(day.isoformat())
        if tagged:
            self.structure = StructureBuilder()

    def _addAnnotation(self, annotation: Any, name: str | None = None, addtopage: int = 1) -> None:  # noqa: N802
        """Add an annotation; one made inside marked content joins that element and takes its text."""
        name = name or f"NUMBER{self._annotationCount + 1}"
        super()._addAnnotation(annotation, name, addtopage)
        structure = getattr(self, "structure", None)
        if structure is None or not structure.annotation(self.getPageNumber(), name, annotation):
            return
        text = structure.text
        if text and isinstance(annotation, LinkAnnotation) and not annotation.Contents:
            annotation.Contents = text
        elif text and isinstance(annotation, PDFDictionary) and "Contents" not in annotation:
            annotation["Contents"] = PDFString(text)

    def save(self) -> None:
        """Write the file, then let go of all the canvas and its document hold (neither is used after).

        reportlab's objects refer to the canvas and the document in reference cycles (the text object
        of a wrapped paragraph refers to itself), so the tens of thousands of objects of a pack's pages
        and structure tree would wait for the cyclic garbage collector, which scans every one of them;
        let go of here, they are freed at once by reference counting."""
        super().save()
        self._doc.__dict__.clear()
        self.__dict__.clear()

    def write_held_pages(self) -> None:
        """Write the pages, then the structure tree, the marking and the metadata they need."""
        super().write_held_pages()
        catalog = self._doc.Catalog
        structure = getattr(self, "structure", None)
        if structure is not None:
            catalog.StructTreeRoot = write_structure(structure, self._doc, list(self._doc.Pages.pages))
            catalog.MarkInfo = PDFDictionary({"Marked": "true"})
        info = self._doc.info
        packet = xmp_packet(title=info.title, author=info.author, subject=info.subject, creator_tool=info.creator,
                            producer=info.producer, day=self.day)
        catalog.Metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                                     content=packet)
