"""The appendices the pack can hold, where each one's story comes from, and their numbering."""

from __future__ import annotations

import importlib
import string
from dataclasses import dataclass

from sgdesk.errors import InputError
from sgdesk.office.exports import StoryFunction, titled_story


@dataclass(frozen=True)
class AppendixSource:
    """An appendix a feature provides: ``target`` is its story function, "module:function".

    The function returns (title, orientation, flowables); one that returns only flowables (the
    training summary) is marked ``flowables_only``.
    """

    key: str
    name: str
    target: str
    flowables_only: bool = False

    def load(self) -> StoryFunction | None:
        """The story function, or None when the feature is not part of this SG Desk."""
        module_name, function_name = self.target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name is not None and module_name.startswith(error.name):
                return None
            raise
        function = getattr(module, function_name, None)
        return titled_story(function) if function is not None and self.flowables_only else function


#: in the order the annual report prints them
APPENDICES: tuple[AppendixSource, ...] = (
    AppendixSource("membership", "Board membership and attendance", "sgdesk.membership.appendix:appendix1_story"),
    AppendixSource("finance", "Finance, with partner contributions", "sgdesk.finance.appendix:appendix2_story"),
    AppendixSource("assessment", "Self-assessment", "sgdesk.assessment.appendix:appendix3_story"),
    AppendixSource("training", "Training summary", "sgdesk.training.pdf_summary:training_story", flowables_only=True),
)


def available_appendices() -> list[AppendixSource]:
    """The appendices whose features are present, in the annual report's order."""
    return [source for source in APPENDICES if source.load() is not None]


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
