"""Gathering the chosen appendices: each one's story, numbered and titled the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sgdesk.errors import InputError, SGDeskError
from sgdesk.exporting import Progress, numbered_title
from sgdesk.fyear import FinancialYear, Period
from sgdesk.pack.options import PackChoices
from sgdesk.store import BoardFile


@dataclass(frozen=True)
class BoundAppendix:
    """One appendix as the pack prints it, for ``period``; ``problem`` says why its content is missing."""

    label: str
    title: str
    orientation: str
    flowables: list[Any]
    period: Period
    problem: str | None = None


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


def last_whole_year(period: Period) -> Period | None:
    """The last financial year lying wholly inside ``period`` (None if none does).

    >>> last_whole_year(Period.parse(start="01/09/2017", end="31/03/2019")).label
    '2018/19'
    >>> last_whole_year(Period.parse(start="01/09/2017", end="30/06/2018")) is None
    True
    """
    year = FinancialYear.containing(period.end)
    while year.start >= period.start:
        if year.end <= period.end:
            return Period.for_year(year)
        year = year.previous()
    return None


def appendix_period(pack: Period, own: Mapping[str, str], whole_years: bool) -> Period | None:
    """The period an appendix covers: its own (a year, or from and to dates, each defaulting to the
    pack's) or the pack's; for an appendix of whole years, the last financial year inside it."""
    if "year" in own:
        period = Period.for_year(own["year"])
    else:
        period = Period.parse(start=own.get("from") or pack.start, end=own.get("to") or pack.end)
    return last_whole_year(period) if whole_years else period


def gather(bf: BoardFile, board_id: int, period: Period, choices: PackChoices,
           progress: Progress, steps: int) -> list[BoundAppendix]:
    """Each chosen appendix's story for its period; one that cannot be made says why instead."""
    bound = []
    for done, (label, source) in enumerate(choices.appendices):
        progress(done, steps, f"Preparing Appendix {label}: {source.name}…")
        own = choices.periods.get(source.key, {})
        covered = appendix_period(period, own, source.whole_years)
        if covered is None:
            asked = appendix_period(period, own, whole_years=False)
            bound.append(_missing(label, source.name, asked,
                                  f"No financial year falls wholly inside {asked.label}, and this appendix covers a "
                                  "financial year.",
                                  f"no financial year falls wholly inside {asked.label}: give it a year of its own"))
            continue
        try:
            title, orientation, flowables = source.story(bf, board_id, covered, dict(choices.appendix_options))
        except SGDeskError as error:
            bound.append(_missing(label, source.name, covered, error.reader_text(), str(error)))
            continue
        new_title = numbered_title(label, title)
        bound.append(BoundAppendix(label, new_title, orientation, _retitled(flowables, title, new_title), covered))
    return bound


def _missing(label: str, name: str, period: Period, reader: str, problem: str) -> BoundAppendix:
    """The page of an appendix that cannot be made for ``period``: its title and, for the reader, why."""
    from reportlab.platypus import Paragraph

    from sgdesk.pdf import heading, styles
    from sgdesk.pdf.markup import plain_to_markup
    from sgdesk.reporting import sentence

    title = numbered_title(label, name)
    text = f"This appendix is not included for {period.label}. {sentence(reader)}"
    return BoundAppendix(label, title, "portrait", [heading(title, 0, style="title"),
                                                    Paragraph(plain_to_markup(text), styles()["body"])],
                         period, problem)
