"""The house canvas: numbered pages, tagged content, and what a PDF/UA document says about itself.

:class:`HouseCanvas` gathers the structure of what the flowables draw (see
:mod:`sgdesk.pdf.tagging`) and, when the file is saved, writes the structure tree and parent
tree, marks the document as tagged, and adds XMP metadata (title, pdfuaid part 1). Its dates are
the day printed in the footer. Link annotations made inside marked content join their
element, with the element's text as their description.
"""

from __future__ import annotations

import datetime
from typing import Any

from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFDictionary, PDFName, PDFStream, PDFString

from sgdesk.pdf.metadata import DayStamp, xmp_packet
from sgdesk.pdf.page import NumberedCanvas
from sgdesk.pdf.struct_tree import write_structure
from sgdesk.pdf.structure import StructureBuilder

PDF_VERSION = (1, 7)  # PDF/UA-1 is built on ISO 32000-1, PDF 1.7


class HouseCanvas(NumberedCanvas):
    """A numbered canvas that tags (unless ``tagged`` is false) and dates the document ``day``."""

    def __init__(self, *args: Any, day: datetime.date, tagged: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, pdfVersion=PDF_VERSION, **kwargs)
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
