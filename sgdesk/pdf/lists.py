"""Bulleted and numbered lists in house style, tagged L > LI > Lbl + LBody."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, ListFlowable, Paragraph
from reportlab.platypus.flowables import LIIndenter

from sgdesk.pdf.fonts import REGULAR
from sgdesk.pdf.markup import plain_to_markup
from sgdesk.pdf.styles import style as house_style
from sgdesk.pdf.tagging import draw_tagged, group, marked, share_split_key

INDENT = 16


class _Item(LIIndenter):
    """One list item, or the part of one that reportlab moved to the next page: tags itself."""

    _IndenterAttrs = [*LIIndenter._IndenterAttrs, "_list", "_item"]
    tags_itself = True

    def __init__(self, part: LIIndenter, list_key: object, item: int) -> None:
        super().__init__(part._flowable, part._leftIndent, part._rightIndent, part._bullet,
                         part.__dict__.get("spaceBefore"), part.__dict__.get("spaceAfter"))
        self._list, self._item = list_key, item

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        parts = super().split(aW, aH)
        share_split_key(self._flowable, [part._flowable for part in parts])
        return [_Item(part, self._list, self._item) for part in parts]

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        item = (self._list, self._item)
        with group(canv, "L", self._list), group(canv, "LI", item):
            if self._bullet:
                with marked(canv, "Lbl"):
                    self._bullet.drawOn(self, canv, x, y, 0)
            with group(canv, "LBody", (item, "LBody")):
                width = max(0, _sW - self._leftIndent - self._rightIndent)
                draw_tagged(canv, self._flowable,
                            lambda: self._flowable.drawOn(canv, x + self._leftIndent, y, width))


class BulletList(ListFlowable):
    """A reportlab ListFlowable whose items tag themselves and whose bullets are in the house font."""

    tags_itself = True

    def _getContent(self) -> list[Flowable]:  # noqa: N802 - reportlab's name
        items: list[Flowable] = []
        number = -1
        for part in super()._getContent():
            if part._bullet:
                number += 1
            items.append(_Item(part, self, number))
        return items


def bullet_list(items: Sequence[str | Flowable], *, numbered: bool = False, style: str = "body") -> BulletList:
    """A list of ``items`` (plain text, or flowables) with bullets, or numbered "1.", "2."..."""
    paragraph_style = house_style(style)
    flowables = [Paragraph(plain_to_markup(item), paragraph_style) if isinstance(item, str) else item
                 for item in items]
    return BulletList(flowables, bulletType="1" if numbered else "bullet", start="1" if numbered else None,
                      bulletFormat="%s." if numbered else None, leftIndent=INDENT, bulletFontName=REGULAR,
                      bulletFontSize=paragraph_style.fontSize)  # on the line of the item's text
