"""What a document says about itself: title, board, marking, footer, date, accent."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sgdesk.pdf.colours import DEFAULT_ACCENT

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class DocumentSpec:
    """The page furniture and metadata of one PDF.

    ``draft`` adds a diagonal "DRAFT" watermark to every page; ``marking`` (e.g. "OFFICIAL")
    is printed centred at the top and bottom of every page; ``generated_on`` dates the footer
    (None means today); ``accent`` colours headings, the header rule and table header rows.
    """

    title: str
    board_name: str
    subject: str = ""
    author: str = "SG Desk"
    draft: bool = False
    marking: str | None = None
    footer_text: str | None = None
    generated_on: datetime.date | None = None
    accent: str = DEFAULT_ACCENT

    def generated_label(self) -> str:
        """The footer's date line, e.g. "Generated 23 Nov 2026" (English month names in any locale)."""
        day = self.generated_on or datetime.date.today()
        return f"Generated {day.day} {_MONTHS[day.month - 1]} {day.year}"
