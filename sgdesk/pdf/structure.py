"""The logical structure of a tagged PDF, gathered while the pages are drawn.

One :class:`StructureBuilder` lives on the canvas of a build. Flowables open *groups* (Table,
TR, L, LI...) and *leaves* (P, H1, TD, Figure...) through :mod:`sgdesk.pdf.tagging`: a leaf
writes ``/P <</MCID n>> BDC … EMC`` around what it draws and becomes a structure element.
Elements join the tree in the order they are drawn, which for a single-column flow is the
order a person reads. Page furniture is written as ``/Artifact … BDC … EMC`` instead.

Elements may carry a *key*: the leaf or group drawn later under the same key (the second page
of a paragraph or a table, a table row continued after a page break) is the same element.
Groups are made only when something is drawn inside them, so a flowable that moves to the
next page leaves nothing behind. Content before the first H1, and each H1 with what follows
it, make one ``Sect`` each under ``Document``.

A pack has thousands of table cells, so the builder allocates little per element: attribute
dictionaries are shared, not copied (Python's cyclic garbage collector rescans every container
object it keeps, and at first made tagging cost a third more than the layout it marks), and an
element knows its kids but not its parent, so the tree holds no reference cycle and is freed by
reference counting once written.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Union

#: the /A entries each attribute owner holds (ISO 32000-1, 14.8.5)
_OWNERS = {"Scope": "Table", "RowSpan": "Table", "ColSpan": "Table", "BBox": "Layout", "Placement": "Layout"}
_NAMES = {"Scope", "Placement"}  # attributes whose values are PDF names
_NO_ATTRIBUTES: dict[str, Any] = {}  # shared: never changed in place


#: marked content: (page, MCID), pages counting from 1; a plain tuple, made for each table cell drawn
MarkedContent = tuple[int, int]


class AnnotationRef(NamedTuple):
    """An annotation (reportlab's ``name`` for it) on ``page``, with the object reportlab formats."""

    page: int
    name: str
    annotation: Any


Kid = Union["Element", MarkedContent, AnnotationRef]


@dataclass(eq=False, slots=True)
class Element:
    """A structure element: a standard type such as ``P`` or ``TD``, its attributes and kids."""

    tag: str
    attributes: dict[str, Any] = field(default_factory=lambda: _NO_ATTRIBUTES)
    alt: str | None = None
    kids: list[Kid] = field(default_factory=list)

    def add(self, kid: Kid) -> None:
        self.kids.append(kid)

    def first_page(self) -> int | None:
        """The page of the element's first content, if it has any."""
        for kid in self.kids:
            page = kid.first_page() if type(kid) is Element else kid[0]  # content and annotations: page first
            if page is not None:
                return page
        return None


@dataclass(slots=True)
class _Open:
    """A group on the stack; ``element`` is None until something is drawn inside it."""

    tag: str
    key: Hashable | None
    attributes: dict[str, Any]
    auto: bool = False  # a Sect the builder opened itself
    element: Element | None = None


@dataclass(slots=True)
class _Leaf:
    """An open leaf: its element, once drawn into, and the marked-content sequence now open."""

    tag: str
    key: Hashable | None
    attributes: dict[str, Any]
    alt: str | None
    text: str | None
    page: int = 0
    mcid: int = 0
    code: list[str] | None = None
    start: int = 0
    element: Element | None = None
    annotations: list[AnnotationRef] | None = None


class StructureBuilder:
    """Collects marked content and structure elements page by page for one PDF."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._stack: list[_Open] = [_Open("Document", None, _NO_ATTRIBUTES, element=self.root)]
        self._keyed: dict[Hashable, Element] = {}
        self._leaf: _Leaf | None = None
        self._paused: _Leaf | None = None  # the leaf an artifact interrupts
        self._artifact: tuple[list[str], int] | None = None
        self._inside = 0  # begins met inside an open leaf or artifact: their content is the outer one's
        self.pages: dict[int, list[Element]] = {}  # page -> the element of each MCID, in MCID order
        self.annotations: list[tuple[AnnotationRef, Element]] = []

    # -- groups -------------------------------------------------------------------------------------------
    def open_group(self, tag: str, key: Hashable | None = None, attributes: dict[str, Any] | None = None) -> None:
        """Open a grouping element (Table, TR, L...) that what is drawn next belongs to."""
        if self._busy():
            self._inside += 1
            return
        self._stack.append(_Open(tag, key, attributes or _NO_ATTRIBUTES))

    def close_group(self) -> None:
        if self._inside:
            self._inside -= 1
            return
        if len(self._stack) == 1 or self._stack[-1].auto:
            raise RuntimeError("close_group without a matching open_group")
        self._stack.pop()

    # -- leaves -------------------------------------------------------------------------------------------
    def begin(self, code: list[str], page: int, tag: str, key: Hashable | None = None,
              attributes: dict[str, Any] | None = None, *, alt: str | None = None, text: str | None = None) -> None:
        """Start marked content for a leaf element; what ``code`` gains until :meth:`end` is its content."""
        if self._busy():
            self._inside += 1
            return
        if tag == "H1" and self._stack[-1].auto:
            self._stack.pop()  # a new top-level heading starts a new Sect
        leaf = self._leaf = _Leaf(tag, key, attributes or _NO_ATTRIBUTES, alt, text)
        self._open_sequence(leaf, code, page)

    def end(self, *, keep_empty: bool = False) -> None:
        """End the leaf begun last; a leaf that drew nothing leaves no trace unless ``keep_empty``."""
        if self._inside:
            self._inside -= 1
            return
        leaf, self._leaf = self._leaf, None
        if leaf is None:
            raise RuntimeError("end without a matching begin")
        self._close_sequence(leaf)
        if leaf.element is None and (keep_empty or leaf.annotations):
            leaf.element = self._element(leaf, [])
        for ref in leaf.annotations or ():
            leaf.element.add(ref)
            self.annotations.append((ref, leaf.element))

    def describe(self, **attributes: Any) -> None:
        """Add /A attributes (such as a Figure's BBox) to the open leaf."""
        if self._leaf is not None and not self._inside:
            self._leaf.attributes = {**self._leaf.attributes, **attributes}

    def annotation(self, page: int, name: str, annotation: Any) -> bool:
        """Attach an annotation made while a leaf is open to that leaf; False if none is open."""
        leaf = self._leaf or self._paused
        if leaf is None:
            return False
        if leaf.annotations is None:
            leaf.annotations = []
        leaf.annotations.append(AnnotationRef(page, name, annotation))
        return True

    @property
    def text(self) -> str | None:
        """The plain text of the open leaf, where its flowable gave one (a link's description)."""
        leaf = self._leaf or self._paused
        return leaf.text if leaf else None

    # -- artifacts ----------------------------------------------------------------------------------------
    def begin_artifact(self, code: list[str], kind: str, subtype: str | None = None) -> None:
        """Start content that is not part of the document's text: furniture, rules, backgrounds.

        Inside a leaf, the leaf's marked content stops for the artifact and starts again after it.
        """
        if self._artifact is not None or self._inside:
            self._inside += 1
            return
        if self._leaf is not None:
            self._close_sequence(self._leaf)
            self._paused, self._leaf = self._leaf, None
        properties = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
        code.append(f"/Artifact <<{properties}>> BDC")
        self._artifact = (code, len(code))

    def end_artifact(self) -> None:
        if self._inside:
            self._inside -= 1
            return
        if self._artifact is None:
            raise RuntimeError("end_artifact without a matching begin_artifact")
        (code, start), self._artifact = self._artifact, None
        if len(code) == start:
            code.pop()
        else:
            code.append("EMC")
        if self._paused is not None:
            self._leaf, self._paused = self._paused, None
            self._open_sequence(self._leaf, code, self._leaf.page)

    # -- inner workings -----------------------------------------------------------------------------------
    def _busy(self) -> bool:
        return self._leaf is not None or self._artifact is not None or self._inside > 0

    def _open_sequence(self, leaf: _Leaf, code: list[str], page: int) -> None:
        mcids = self.pages.get(page)
        if mcids is None:
            mcids = self.pages[page] = []
        leaf.page, leaf.mcid, leaf.code = page, len(mcids), code
        mcids.append(self.root)  # until _close_sequence knows the element
        code.append(f"/{leaf.tag} <</MCID {leaf.mcid}>> BDC")
        leaf.start = len(code)

    def _close_sequence(self, leaf: _Leaf) -> None:
        """End the leaf's open marked content: it joins the leaf's element, or vanishes if empty."""
        if len(leaf.code) == leaf.start:
            leaf.code.pop()
            self.pages[leaf.page].pop()
            return
        leaf.code.append("EMC")
        content = (leaf.page, leaf.mcid)
        if leaf.element is None:
            leaf.element = self._element(leaf, [content])
        else:
            leaf.element.add(content)
        self.pages[leaf.page][leaf.mcid] = leaf.element

    def _element(self, leaf: _Leaf, kids: list[Kid]) -> Element:
        """The leaf's element with ``kids``: made now in its group, or the one made before under its key."""
        parent = self._materialise()
        key = leaf.key
        if key is not None:
            known = self._keyed.get(key)
            if known is not None:
                known.kids += kids
                return known
        element = Element(leaf.tag, leaf.attributes, leaf.alt, kids)  # positional: a quicker call
        parent.add(element)
        if key is not None:
            self._keyed[key] = element
        return element

    def _materialise(self) -> Element:
        """The element of the innermost open group, making any group not yet made (and a Sect)."""
        innermost = self._stack[-1].element
        if innermost is not None and len(self._stack) > 1:  # made already, and so were the groups around it
            return innermost
        if len(self._stack) == 1 or self._stack[1].tag != "Sect":
            self._stack.insert(1, _Open("Sect", None, _NO_ATTRIBUTES, auto=True))
        parent = self.root
        for entry in self._stack[1:]:
            if entry.element is None:
                found = self._keyed.get(entry.key) if entry.key is not None else None
                if found is None:
                    found = Element(entry.tag, attributes=entry.attributes)
                    parent.add(found)
                    if entry.key is not None:
                        self._keyed[entry.key] = found
                entry.element = found
            parent = entry.element
        return parent

    def elements(self) -> list[tuple[Element, Element | None]]:
        """Every element with its parent (None for the root), parents before their kids, in reading order."""
        found: list[tuple[Element, Element | None]] = []
        _gather(self.root, None, found)
        return found


def _gather(element: Element, parent: Element | None, found: list[tuple[Element, Element | None]]) -> None:
    """Add ``element`` in ``parent`` and then its elements to ``found`` (the tree is a few levels deep)."""
    found.append((element, parent))
    for kid in element.kids:
        if type(kid) is Element:
            _gather(kid, element, found)


def attribute_entries(attributes: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``attributes`` grouped by owner, e.g. [("Table", {"Scope": "/Column"})], names marked with '/'."""
    owners: dict[str, dict[str, Any]] = {}
    for name, value in attributes.items():
        owner = _OWNERS.get(name)
        if owner is None:
            raise ValueError(f"unknown structure attribute {name!r}")
        owners.setdefault(owner, {})[name] = f"/{value}" if name in _NAMES else value
    return sorted(owners.items())

