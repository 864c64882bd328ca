"""Writing a :class:`~sgdesk.pdf.structure.StructureBuilder`'s tree into reportlab's PDF document.

Each structure element becomes an indirect object; the parent tree maps every page's MCIDs
(the page's ``/StructParents`` number is its index) and every link annotation (numbers after
the pages) back to their elements. Elements are formatted directly to bytes, as compactly as the
format allows: a pack has thousands of table cells, and reportlab's generic dictionaries would
format them slowly and at length.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

from sgdesk.pdf.structure import (
    AnnotationRef,
    Element,
    MarkedContent,
    StructureBuilder,
    attribute_entries,
)

_PAGE_ENTRIES = ("StructParents", "Tabs")


def _ref(document: PDFDocument, name: str) -> bytes:
    number, generation = document.idToObjectNumberAndVersion[name]
    return b"%d %d R" % (number, generation)


def _value(value: Any, document: PDFDocument) -> bytes:
    if isinstance(value, str) and value.startswith("/"):
        return value.encode("ascii")
    if isinstance(value, (list, tuple)):
        return b"[" + b" ".join(_value(v, document) for v in value) + b"]"
    return pdf_format(value, document)


class _ElementObject(PDFObject):
    """One structure element as a PDF dictionary."""

    def __init__(self, element: Element, names: dict[int, str], root: str) -> None:
        self.element, self.names, self.root = element, names, root

    def format(self, document: PDFDocument) -> bytes:
        element = self.element
        page = element.first_page()
        parent = self.names[id(element.parent)] if element.parent is not None else self.root
        parts = [b"<< /S /" + element.tag.encode("ascii"), b"/P " + _ref(document, parent)]  # /Type is optional
        if page is not None:
            parts.append(b"/Pg " + _ref(document, f"Page{page}"))
        kids = [self._kid(kid, page, document) for kid in element.kids]
        if kids:
            parts.append(b"/K " + (kids[0] if len(kids) == 1 else b"[" + b" ".join(kids) + b"]"))
        owners = attribute_entries(element.attributes)
        if owners:
            dicts = [b"<< /O /" + owner.encode("ascii") + b"".join(
                b" /" + name.encode("ascii") + b" " + _value(value, document) for name, value in values.items())
                + b" >>" for owner, values in owners]
            parts.append(b"/A " + (dicts[0] if len(dicts) == 1 else b"[" + b" ".join(dicts) + b"]"))
        if element.alt is not None:
            parts.append(b"/Alt " + PDFString(element.alt).format(document))
        return b" ".join(parts) + b" >>"

    def _kid(self, kid: Element | MarkedContent | AnnotationRef, page: int | None, document: PDFDocument) -> bytes:
        if isinstance(kid, Element):
            return _ref(document, self.names[id(kid)])
        if isinstance(kid, MarkedContent):
            if kid.page == page:
                return b"%d" % kid.mcid
            return b"<< /Type /MCR /Pg " + _ref(document, f"Page{kid.page}") + b" /MCID %d >>" % kid.mcid
        return (b"<< /Type /OBJR /Obj " + document.refAnnotation(kid.name).format(document) + b" /Pg "
                + _ref(document, f"Page{kid.page}") + b" >>")


class _ParentTree(PDFObject):
    """The number tree from each page's StructParents (and each annotation's StructParent) to elements."""

    def __init__(self, entries: list[tuple[int, list[str] | str]]) -> None:
        self.entries = entries

    def format(self, document: PDFDocument) -> bytes:
        nums = []
        for number, target in self.entries:
            if isinstance(target, str):
                nums.append(b"%d " % number + _ref(document, target))
            else:
                nums.append(b"%d [" % number + b" ".join(_ref(document, name) for name in target) + b"]")
        return b"<< /Nums [" + b"\n".join(nums) + b"] >>"


def _page_entries(page: PDFPage, **entries: Any) -> None:
    """Set page dictionary entries reportlab's PDFPage does not know of."""
    page.__NoDefault__ = [*PDFPage.__NoDefault__, *_PAGE_ENTRIES]
    for name, value in entries.items():
        setattr(page, name, value)


def write_structure(builder: StructureBuilder, document: PDFDocument, pages: list[PDFPage]) -> Any:
    """Register the tree's objects with ``document``; return the StructTreeRoot for the catalog."""
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_name = document.Reference(root).name
    elements = builder.elements()
    names: dict[int, str] = {}
    for element in elements:
        names[id(element)] = document.Reference(_ElementObject(element, names, root_name)).name
    entries: list[tuple[int, list[str] | str]] = []
    for index, page in enumerate(pages):
        _page_entries(page, StructParents=index, Tabs=PDFName("S"))
        entries.append((index, [names[id(element)] for element in builder.pages.get(index + 1, [])]))
    for number, (ref, element) in enumerate(builder.annotations, start=len(pages)):
        _set_struct_parent(ref.annotation, number)
        entries.append((number, names[id(element)]))
    root["K"] = PDFObjectReference(names[id(builder.root)])
    root["ParentTree"] = document.Reference(_ParentTree(entries))
    root["ParentTreeNextKey"] = len(entries)
    return PDFObjectReference(root_name)


def _set_struct_parent(annotation: Any, number: int) -> None:
    """Give an annotation its /StructParent, whether reportlab made it as a class or a dictionary."""
    if isinstance(annotation, PDFDictionary):
        annotation["StructParent"] = number
    else:
        annotation.permitted = (*annotation.permitted, "StructParent")
        annotation.otherkw["StructParent"] = number

