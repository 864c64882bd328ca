"""Email addresses typed or imported: checked the same way wherever they are kept (people, delegates)."""

from __future__ import annotations

import re

from sgdesk.errors import InputError, quoted

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def parse_email(value: object) -> str:
    """``value`` as an email address (surrounding spaces dropped); InputError when it is not one."""
    text = str(value).strip()
    if not _EMAIL.fullmatch(text):
        raise InputError(quoted(value), "is not an email address", "write it as name@example.org.uk")
    return text


def optional_email(value: object) -> str | None:
    """An email address, or None when blank."""
    return parse_email(value) if str(value or "").strip() else None
