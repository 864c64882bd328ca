"""Names and headings reduced for matching: what imports, areas and indicators compare by."""

from __future__ import annotations

import re

_NOT_LETTER_OR_DIGIT = re.compile(r"[^0-9a-z]+")


def normalise_header(text: str) -> str:
    """A header reduced to lower-case letters and digits, for matching.

    >>> normalise_header(" Share % ")
    'share'
    """
    return _NOT_LETTER_OR_DIGIT.sub("", str(text).casefold())
