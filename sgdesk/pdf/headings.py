"""Headings that bookmark themselves, join the PDF outline, feed a table of contents and are tagged H1-H6."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from sgdesk.pdf.markup import plain_to_markup
from sgdesk.pdf.styles import style as house_style
from sgdesk.pdf.tagging import marked

_OUTLINE_STATE = "_sgdesk_outline"  # canvas attribute: (headings drawn so far, last outline level)


class Heading(Paragraph):
    """A heading paragraph that adds a bookmark and an outline entry where it is drawn.

    The document template passes :meth:`toc_entry` on as a ``TOCEntry`` notification, which a
    reportlab ``TableOfContents`` in the story turns into a contents page. It is tagged at its
    outline level (level 0 is H1, which starts a new Sect of the structure tree).
    """

    tags_itself = True

    def __init__(self, text: str, level: int, style: ParagraphStyle) -> None:
        if level < 0:
            raise ValueError(f"heading level must be 0 or more, not {level}")
        super().__init__(plain_to_markup(text), style)
        self.title = text
        self.level = level
        self.key = ""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Never split a heading over two pages: move it to the next one."""
        return []

    def draw(self) -> None:
        """Bookmark the heading's top edge, add it to the outline, then draw it tagged H1-H6."""
        canv = self.canv
        count, last_level = getattr(canv, _OUTLINE_STATE, (0, -1))
        level = min(self.level, last_level + 1)  # PDF outlines cannot skip a level
        self.key = _bookmark_key(count + 1)
        canv.bookmarkHorizontal(self.key, 0, self.height)
        canv.addOutlineEntry(self.title, self.key, level)
        setattr(canv, _OUTLINE_STATE, (count + 1, level))
        with marked(canv, f"H{min(level, 5) + 1}"):
            super().draw()

    def toc_entry(self, page: int) -> tuple[int, str, int, str]:
        """The ``(level, markup, page, bookmark key)`` a reportlab TableOfContents expects."""
        return self.level, self.text, page, self.key


def _bookmark_key(number: int) -> str:
    """The bookmark of the document's ``number``-th heading (counting from 1)."""
    return f"heading-{number}"


def _in_flow(story: Iterable[Flowable]) -> Iterator[Flowable]:
    """The flowables of ``story`` in the order they are laid out, those kept together included."""
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            yield from _in_flow(flowable._content)
        else:
            yield flowable


def contents_entries(story: Iterable[Flowable]) -> list[tuple[int, str, int, str]]:
    """The :meth:`Heading.toc_entry` of each heading in ``story``, in order, before they are laid
    out: page 0 stands for a page not known yet."""
    found = [flowable for flowable in _in_flow(story) if isinstance(flowable, Heading)]
    return [(item.level, item.text, 0, _bookmark_key(number)) for number, item in enumerate(found, start=1)]


def heading(text: str, level: int = 0, *, style: str = "h1") -> Heading:
    """A heading in house style ``style`` whose plain ``text`` is also an outline entry at ``level``."""
    return Heading(text, level, house_style(style))
