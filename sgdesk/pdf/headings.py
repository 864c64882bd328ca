"""Headings that bookmark themselves, join the PDF outline, feed a table of contents and are tagged H1-H6."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from sgdesk.pdf.markup import plain_to_markup
from sgdesk.pdf.styles import styles
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
        self.key = f"heading-{count + 1}"
        canv.bookmarkHorizontal(self.key, 0, self.height)
        canv.addOutlineEntry(self.title, self.key, level)
        setattr(canv, _OUTLINE_STATE, (count + 1, level))
        with marked(canv, f"H{min(level, 5) + 1}"):
            super().draw()

    def toc_entry(self, page: int) -> tuple[int, str, int, str]:
        """The ``(level, markup, page, bookmark key)`` a reportlab TableOfContents expects."""
        return self.level, self.text, page, self.key


def heading(text: str, level: int = 0, *, style: str = "h1") -> Heading:
    """A heading in house style ``style`` whose plain ``text`` is also an outline entry at ``level``."""
    return Heading(text, level, styles()[style])
