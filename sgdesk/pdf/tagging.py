"""How flowables take part in tagging: what they draw is marked as structure or as artifact.

The house frame (:class:`TaggingFrame`) marks what plain reportlab flowables draw by their kind:
a ``Paragraph`` is a P (or the tag in its ``structure_tag`` attribute, e.g. "H1" for a title
that is not in the outline; its parts after a page break stay one element), an ``Image`` or
``Drawing`` a Figure with the alternative text :func:`sgdesk.pdf.figures.with_alt_text` gave it
and the box it fills on the page (a chart's text that sets no font of its own prints in the
house font), an ``HRFlowable`` an artifact; Spacers and page breaks draw nothing. A flowable that marks its own drawing says
so with ``tags_itself = True`` and uses, on its canvas:

- :func:`marked` around content that is one structure element (a leaf such as P, H2, TD, Lbl);
- :func:`group` around drawing that belongs to a grouping element (Table, TR, L, LI, Sect);
- :func:`artifact` around what is not part of the text (rules, borders, backgrounds).

Each does nothing on a canvas that does not tag (reportlab's own, as when a chart is drawn
for the Word version), so a flowable can use them unconditionally. Content drawn outside
all three is left unmarked, and :mod:`sgdesk.pdf.accessibility` reports it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Frame, HRFlowable, Image, Paragraph, Preformatted

from sgdesk.pdf.figures import alt_text
from sgdesk.pdf.fonts import REGULAR
from sgdesk.pdf.structure import StructureBuilder

T = TypeVar("T")
_SPLIT_KEY = "_sgdesk_tag_key"  # what the parts of a split paragraph share, so they stay one P


def structure_of(canv: Any) -> StructureBuilder | None:
    """The structure being gathered on ``canv``, or None if it does not tag."""
    return getattr(canv, "structure", None)


@contextlib.contextmanager
def marked(canv: Any, tag: str, key: Hashable | None = None, *, alt: str | None = None, text: str | None = None,
           keep_empty: bool = False, **attributes: Any) -> Iterator[None]:
    """Mark what is drawn inside the block as the content of one ``tag`` element.

    ``key`` makes content drawn later under the same key (on another page) the same element;
    ``alt`` is a Figure's alternative text, ``text`` the plain text a link annotation made
    inside describes itself with; ``keep_empty`` keeps the element even if nothing is drawn
    (an empty table cell); ``attributes`` are /A entries such as ``Scope="Column"``.
    """
    structure = structure_of(canv)
    if structure is None:
        yield
        return
    structure.begin(canv._code, canv.getPageNumber(), tag, key, attributes, alt=alt, text=text)
    try:
        yield
    finally:
        structure.end(keep_empty=keep_empty)


@contextlib.contextmanager
def group(canv: Any, tag: str, key: Hashable | None = None, **attributes: Any) -> Iterator[None]:
    """Put what is marked inside the block into a ``tag`` grouping element (the same one per ``key``)."""
    structure = structure_of(canv)
    if structure is None:
        yield
        return
    structure.open_group(tag, key, attributes)
    try:
        yield
    finally:
        structure.close_group()


@contextlib.contextmanager
def artifact(canv: Any, kind: str = "Layout", subtype: str | None = None) -> Iterator[None]:
    """Mark what is drawn inside the block as an artifact: ``kind`` Pagination, Layout or Background."""
    structure = structure_of(canv)
    if structure is None:
        yield
        return
    structure.begin_artifact(canv._code, kind, subtype)
    try:
        yield
    finally:
        structure.end_artifact()


def share_split_key(original: Flowable, parts: list[Flowable]) -> None:
    """Make the parts a paragraph was split into one P element, as the paragraph was."""
    if isinstance(original, Paragraph) and len(parts) > 1:
        key = getattr(original, _SPLIT_KEY, None) or object()
        for part in parts:
            setattr(part, _SPLIT_KEY, key)


def in_house_font(picture: Flowable) -> None:
    """Make a chart's text that sets no font of its own print in the house font (reportlab would
    otherwise start every Drawing in Helvetica, unembedded)."""
    if isinstance(picture, Drawing) and getattr(picture, "initialFontName", None) is None:
        picture.initialFontName = REGULAR


def draw_tagged(canv: Any, flowable: Flowable, draw: Callable[[], T]) -> T:
    """Run ``draw`` (which draws ``flowable``), marking what it draws as its kind of flowable calls for."""
    if structure_of(canv) is None or getattr(flowable, "tags_itself", False):
        return draw()
    if isinstance(flowable, (Paragraph, Preformatted)):
        text = flowable.getPlainText() if isinstance(flowable, Paragraph) else None
        tag = getattr(flowable, "structure_tag", "P")
        with marked(canv, tag, getattr(flowable, _SPLIT_KEY, None), text=text):
            return draw()
    if isinstance(flowable, (Image, Drawing)):
        in_house_font(flowable)
        with marked(canv, "Figure", alt=alt_text(flowable) or None, Placement="Block"):
            return draw()
    if isinstance(flowable, HRFlowable):
        with artifact(canv):
            return draw()
    return draw()


class TaggingFrame(Frame):
    """The house frame: marks what each flowable draws (see :func:`draw_tagged`)."""

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:  # noqa: N803 - reportlab's name
        def place() -> int:
            placed = super(TaggingFrame, self).add(flowable, canv, trySplit)
            if placed and isinstance(flowable, (Image, Drawing)):
                self._note_box(flowable, canv)
            return placed

        return draw_tagged(canv, flowable, place)

    _add = add

    def _note_box(self, figure: Flowable, canv: Any) -> None:
        """Give the Figure just placed the box it fills on the page (the frame's space is the page's)."""
        structure = structure_of(canv)
        if structure is None:
            return
        width, height = figure.wrap(self._getAvailableWidth(), self._aH)
        left = figure._hAlignAdjust(self._x + self._leftExtraIndent, self._getAvailableWidth() - width)
        bottom = self._y + figure.getSpaceAfter()  # the frame has moved down past the figure's space after
        structure.describe(BBox=[round(v, 2) for v in (left, bottom, left + width, bottom + height)])

    def split(self, flowable: Flowable, canv: Any) -> list[Flowable]:
        """Split as reportlab does; the parts of a paragraph remember they are one paragraph."""
        parts = super().split(flowable, canv)
        share_split_key(flowable, parts)
        return parts
