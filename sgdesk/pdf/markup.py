"""Turning plain text into reportlab Paragraph markup."""

from __future__ import annotations

import html


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` escaped, for markup or XML (as ``xml.sax.saxutils.escape``,
    which would import urllib, http and ssl into every process that prints a PDF)."""
    return html.escape(text, quote=False)


def plain_to_markup(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` and keep line breaks, so ``text`` prints as written."""
    return escape(text).replace("\n", "<br/>")
