"""Writing a :class:`~sgdesk.pdf.structure.StructureBuilder`'s tree into reportlab's PDF document.

Each structure element becomes an indirect object; the parent tree maps every page's MCIDs
(the page's ``/StructParents`` number is its index) and every link annotation (numbers after
the pages) back to their elements. A pack has thousands of table cells, so the elements are
formatted here to bytes, in one pass and as compactly as the format allows, and handed to the
document ready (:meth:`~sgdesk.pdf.canvas.HouseDocument.add_ready`): reportlab's generic
dictionaries would format them slowly and at length, and reportlab formats any object of its own
through several calls when the file is saved. The elements are numbered before they are formatted,
as each refers to its parent and its kids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

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


class ReadyDocument(Protocol):
    """What the tree needs of the document it is written into: reportlab's PDFDocument with
    :meth:`~sgdesk.pdf.canvas.HouseDocument.add_ready` (named here, not imported, so the canvas
    that writes the tree and the tree do not import each other)."""

    objectcounter: int
    idToObjectNumberAndVersion: dict[str, tuple[int, int]]

    def Reference(self, obj: Any, name: str | None = None) -> PDFObjectReference: ...

    def annotationName(self, externalname: str) -> str: ...

    def add_ready(self, objects: Sequence[bytes]) -> None: ...

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


class _Formatter:
    """Formats the elements of one tree, each once; what they share (the references to the elements,
    the pages and the annotations, the tags, and each attribute dictionary) is formatted once too."""

    def __init__(self, document: PDFDocument, refs: dict[int, bytes]) -> None:
        self.document = document
        self.refs = refs  # id(element) -> its reference; id(None) -> the root's
        self._pages: dict[int, bytes] = {}
        self._tags: dict[str, bytes] = {}
        self._attributes: dict[int, tuple[dict[str, Any], bytes]] = {}

    def page(self, page: int) -> bytes:
        known = self._pages.get(page)
        if known is None:
            known = self._pages[page] = b"/Pg " + _ref(self.document, f"Page{page}")
        return known

    def tag(self, tag: str) -> bytes:
        known = self._tags.get(tag)
        if known is None:
            known = self._tags[tag] = b"<< /S /" + tag.encode("ascii")  # /Type is optional
        return known

    def attributes(self, attributes: dict[str, Any]) -> bytes:
        """The /A entry of ``attributes``."""
        known = self._attributes.get(id(attributes))
        if known is None:
            owners = attribute_entries(attributes)
            dicts = [b"<< /O /" + owner.encode("ascii") + b"".join(
                b" /" + name.encode("ascii") + b" " + _value(value, self.document) for name, value in values.items())
                + b" >>" for owner, values in owners]
            entry = b"/A " + (dicts[0] if len(dicts) == 1 else b"[" + b" ".join(dicts) + b"]")
            known = self._attributes[id(attributes)] = (attributes, entry)  # the dictionary kept, so its id is
        return known[1]

    def leaf_template(self, element: Element, parent: Element | None, page: int) -> bytes:
        """The dictionary of a leaf whose one kid is marked content on ``page`` and which has no /Alt, as
        :meth:`element` formats it, with ``%d`` for the MCID: the leaves of one kind in one parent (a
        row's cells) differ only in that, so the rest is formatted once."""
        head = self.tag(element.tag) + b" /P " + self.refs[id(parent)] + b" " + self.page(page) + b" /K "
        tail = b" " + self.attributes(element.attributes) if element.attributes else b""
        return head.replace(b"%", b"%%") + b"%d" + tail.replace(b"%", b"%%") + b" >>"

    def element(self, element: Element, parent: Element | None) -> bytes:
        """``element`` (in ``parent``, None for the root) as a PDF dictionary."""
        page = element.first_page()
        parts = [self.tag(element.tag), b"/P " + self.refs[id(parent)]]
        if page is not None:
            parts.append(self.page(page))
        kids = element.kids
        if len(kids) == 1 and type(kids[0]) is tuple and kids[0][0] == page:  # most leaves: one MCID
            parts.append(b"/K %d" % kids[0][1])
        elif kids:
            formatted = [self._kid(kid, page) for kid in kids]
            parts.append(b"/K " + (formatted[0] if len(formatted) == 1 else b"[" + b" ".join(formatted) + b"]"))
        if element.attributes:
            parts.append(self.attributes(element.attributes))
        if element.alt is not None:
            parts.append(b"/Alt " + PDFString(element.alt).format(self.document))
        return b" ".join(parts) + b" >>"

    def _kid(self, kid: Element | MarkedContent | AnnotationRef, page: int | None) -> bytes:
        if type(kid) is Element:  # most kids formatted here: a row's cells
            return self.refs[id(kid)]
        if type(kid) is tuple:  # MarkedContent
            content_page, mcid = kid
            if content_page == page:
                return b"%d" % mcid
            return b"<< /Type /MCR " + self.page(content_page) + b" /MCID %d >>" % mcid
        annotation = _ref(self.document, self.document.annotationName(kid.name))
        return b"<< /Type /OBJR /Obj " + annotation + b" " + self.page(kid.page) + b" >>"


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


def write_structure(builder: StructureBuilder, document: ReadyDocument, pages: list[PDFPage]) -> Any:
    """Register the tree's objects with ``document``; return the StructTreeRoot for the catalog."""
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_name = document.Reference(root).name
    elements = builder.elements()
    first = document.objectcounter + 1  # the number the first element gets
    refs = {id(element): b"%d 0 R" % number for number, (element, _parent) in enumerate(elements, start=first)}
    refs[id(None)] = _ref(document, root_name)
    formatter = _Formatter(document, refs)
    templates: dict[tuple[str, int, int, int], bytes] = {}  # (tag, page, parent, attributes) -> leaf_template
    formatted = []
    for element, parent in elements:
        kids = element.kids
        if len(kids) == 1 and type(kids[0]) is tuple and element.alt is None:
            page, mcid = kids[0]  # most elements, table cells: one MCID and no /Alt
            key = (element.tag, page, id(parent), id(element.attributes))
            template = templates.get(key)
            if template is None:
                template = templates[key] = formatter.leaf_template(element, parent, page)
            formatted.append(template % mcid)
        else:
            formatted.append(formatter.element(element, parent))
    document.add_ready(formatted)
    entries: list[tuple[int, list[bytes] | bytes]] = []
    for index, page in enumerate(pages):
        _page_entries(page, StructParents=index, Tabs=PDFName("S"))
        entries.append((index, [refs[id(element)] for element in builder.pages.get(index + 1, [])]))
    for number, (ref, element) in enumerate(builder.annotations, start=len(pages)):
        _set_struct_parent(ref.annotation, number)
        entries.append((number, refs[id(element)]))
    root["K"] = PDFObjectReference(f"R{first}")
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
