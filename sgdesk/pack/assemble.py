"""Gathering the chosen appendices: each one's story, numbered and titled the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sgdesk.errors import InputError, SGDeskError
from sgdesk.exporting import Progress
from sgdesk.fyear import Period
from sgdesk.pack.options import PackChoices
from sgdesk.store import BoardFile

_NUMBERED = re.compile(r"^\s*appendix\s+[0-9A-Za-z]+\s*[:.\-–]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class BoundAppendix:
    """One appendix as the pack prints it; ``problem`` says why its content is missing."""

    label: str
    title: str
    orientation: str
    flowables: list[Any]
    problem: str | None = None


def numbered_title(label: str, title: str) -> str:
    """``Appendix 4: Finance 2018/19`` for label 4, whatever number ``title`` carried.

    >>> numbered_title("4", "Appendix 2: Finance 2018/19"), numbered_title("B", "Training summary")
    ('Appendix 4: Finance 2018/19', 'Appendix B: Training summary')
    """
    return f"Appendix {label}: {_NUMBERED.sub('', title).strip()}"


def _retitled(flowables: list[Any], old: str, new: str) -> list[Any]:
    """The story with its title heading reading ``new`` (added first if the story has none)."""
    from sgdesk.pdf import heading
    from sgdesk.pdf.headings import Heading

    for index, flowable in enumerate(flowables):
        if isinstance(flowable, Heading) and flowable.title == old:
            return [*flowables[:index], Heading(new, flowable.level, flowable.style), *flowables[index + 1:]]
    return [heading(new, 0, style="title"), *flowables]


def require_period(period: Period | None) -> Period:
    if period is None:
        raise InputError("The annual-report pack", "needs a period", "choose a financial year, e.g. --year 2018/19")
    return period


def gather(bf: BoardFile, board_id: int, period: Period, choices: PackChoices,
           progress: Progress, steps: int) -> list[BoundAppendix]:
    """Each chosen appendix's story; one that cannot be made for the period says why instead."""
    from reportlab.platypus import Paragraph

    from sgdesk.pdf import heading, styles
    from sgdesk.pdf.markup import plain_to_markup

    bound = []
    for done, (label, source) in enumerate(choices.appendices):
        progress(done, steps, f"Preparing Appendix {label}: {source.name}…")
        try:
            title, orientation, flowables = source.story(bf, board_id, period, dict(choices.appendix_options))
        except SGDeskError as error:
            title = numbered_title(label, source.name)
            why = f"Not included for {period.label}: {error}."
            bound.append(BoundAppendix(label, title, "portrait",
                                       [heading(title, 0, style="title"),
                                        Paragraph(plain_to_markup(why), styles()["body"])], str(error)))
            continue
        new_title = numbered_title(label, title)
        bound.append(BoundAppendix(label, new_title, orientation, _retitled(flowables, title, new_title)))
    return bound
