"""What is typed into the registers, tidied: one space between words, a blank as None, and only the fields a
record lets be changed."""

from __future__ import annotations

from typing import Any, Mapping

from sgdesk.errors import InputError


def clean(text: str | None) -> str | None:
    """``text`` with its spaces tidied, or None when it is blank.

    >>> clean("  Write to   schools "), clean("   ")
    ('Write to schools', None)
    """
    text = " ".join((text or "").split())
    return text or None


def edited(values: Mapping[str, Any], editable: frozenset[str], required: Mapping[str, InputError]) -> dict[str, Any]:
    """``values`` with their text tidied; a field not ``editable`` is a mistake in the code, a blank one
    ``required`` names is refused with its error."""
    unknown = set(values) - editable
    if unknown:
        raise ValueError(f"not editable this way: {', '.join(sorted(unknown))}")
    cleaned = {key: clean(value) if isinstance(value, str) else value for key, value in values.items()}
    for key, error in required.items():
        if key in cleaned and cleaned[key] is None:
            raise error
    return cleaned
