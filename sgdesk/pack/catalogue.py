"""The appendices the pack can hold (as the features register them) and their numbering."""

from __future__ import annotations

import string

from sgdesk.errors import InputError
from sgdesk.exporting import Appendix


def available_appendices() -> list[Appendix]:
    """The appendices the features registered, in the annual report's order."""
    from sgdesk import registry

    return list(registry.load().appendices)


def appendix_labels(first: str, count: int) -> list[str]:
    """The numbers of ``count`` appendices starting at ``first``: "1" gives 1, 2, 3; "C" gives C, D, E.

    >>> appendix_labels("4", 3), appendix_labels("a", 2)
    (['4', '5', '6'], ['a', 'b'])
    """
    first = first.strip()
    if first.isdigit() and int(first) > 0:
        return [str(int(first) + offset) for offset in range(count)]
    for letters in (string.ascii_uppercase, string.ascii_lowercase):
        if len(first) == 1 and first in letters:
            start = letters.index(first)
            if start + count > len(letters):
                raise InputError(f"'{first}'", f"leaves too few letters for {count} appendices",
                                 "start the lettering earlier, or number them instead")
            return list(letters[start:start + count])
    raise InputError(f"'{first}'", "is not how appendices are numbered",
                     "give the first appendix's number or letter, e.g. 1, 4 or A")
