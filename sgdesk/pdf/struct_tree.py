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


class _Refs:
    """What the elements' dictionaries share, formatted once: the references to the elements, the
    root and the pages, the tags, and each attribute dictionary (elements share them)."""

    def __init__(self, document: PDFDocument, root: str) -> None:
        self.document = document
        self.root = _ref(document, root)
        self.elements: dict[int, bytes] = {}  # id(element) -> its reference
        self._pages: dict[int, bytes] = {}
        self._tags: dict[str, bytes] = {}
        self._attributes: dict[int, tuple[dict[str, Any], bytes]] = {}

    def page(self, page: int) -> bytes:
        if page not in self._pages:
            self._pages[page] = _ref(self.document, f"Page{page}")
        return self._pages[page]

    def tag(self, tag: str) -> bytes:
        if tag not in self._tags:
            self._tags[tag] = b"<< /S /" + tag.encode("ascii")
        return self._tags[tag]

    def attributes(self, attributes: dict[str, Any]) -> bytes:
        """The /A entry of ``attributes`` (b"" for none)."""
        known = self._attributes.get(id(attributes))
        if known is None:
            owners = attribute_entries(attributes)
            dicts = [b"<< /O /" + owner.encode("ascii") + b"".join(
                b" /" + name.encode("ascii") + b" " + _value(value, self.document) for name, value in values.items())
                + b" >>" for owner, values in owners]
            entry = b"/A " + (dicts[0] if len(dicts) == 1 else b"[" + b" ".join(dicts) + b"]") if dicts else b""
            known = self._attributes[id(attributes)] = (attributes, entry)  # the dictionary kept, so its id is
        return known[1]


class _ElementObject(PDFObject):
    """One structure element (in ``parent``, None for the root) as a PDF dictionary."""

    def __init__(self, element: Element, parent: Element | None, refs: _Refs) -> None:
        self.element, self.parent, self.refs = element, parent, refs

    def format(self, document: PDFDocument) -> bytes:
        element, refs = self.element, self.refs
        page = element.first_page()
        parts = [refs.tag(element.tag),  # /Type is optional
                 b"/P " + (refs.elements[id(self.parent)] if self.parent is not None else refs.root)]
        if page is not None:
            parts.append(b"/Pg " + refs.page(page))
        kids = element.kids
        if len(kids) == 1 and type(kids[0]) is MarkedContent and kids[0].page == page:  # most leaves: one MCID
            parts.append(b"/K %d" % kids[0].mcid)
        elif kids:
            formatted = [self._kid(kid, page, document) for kid in kids]
            parts.append(b"/K " + (formatted[0] if len(formatted) == 1 else b"[" + b" ".join(formatted) + b"]"))
        if element.attributes:
            parts.append(refs.attributes(element.attributes))
        if element.alt is not None:
            parts.append(b"/Alt " + PDFString(element.alt).format(document))
        return b" ".join(parts) + b" >>"

    def _kid(self, kid: Element | MarkedContent | AnnotationRef, page: int | None, document: PDFDocument) -> bytes:
        if type(kid) is MarkedContent:
            if kid.page == page:
                return b"%d" % kid.mcid
            return b"<< /Type /MCR /Pg " + self.refs.page(kid.page) + b" /MCID %d >>" % kid.mcid
        if isinstance(kid, Element):
            return self.refs.elements[id(kid)]
        return (b"<< /Type /OBJR /Obj " + document.refAnnotation(kid.name).format(document) + b" /Pg "
                + self.refs.page(kid.page) + b" >>")


class _ParentTree(PDFObject):
    """The number tree from each page's StructParents (and each annotation's StructParent) to elements,
    given as the elements' references."""

    def __init__(self, entries: list[tuple[int, list[bytes] | bytes]]) -> None:
        self.entries = entries

    def format(self, document: PDFDocument) -> bytes:
        nums = []
        for number, target in self.entries:
            if isinstance(target, bytes):
                nums.append(b"%d " % number + target)
            else:
                nums.append(b"%d [" % number + b" ".join(target) + b"]")
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
    refs = _Refs(document, root_name)
    element_refs = refs.elements
    names = [document.Reference(_ElementObject(element, parent, refs)).name for element, parent in elements]
    numbers = document.idToObjectNumberAndVersion
    for (element, _parent), name in zip(elements, names):  # the root first
        element_refs[id(element)] = b"%d %d R" % numbers[name]
    entries: list[tuple[int, list[bytes] | bytes]] = []
    for index, page in enumerate(pages):
        _page_entries(page, StructParents=index, Tabs=PDFName("S"))
        entries.append((index, [element_refs[id(element)] for element in builder.pages.get(index + 1, [])]))
    for number, (ref, element) in enumerate(builder.annotations, start=len(pages)):
        _set_struct_parent(ref.annotation, number)
        entries.append((number, element_refs[id(element)]))
    root["K"] = PDFObjectReference(names[0])
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

