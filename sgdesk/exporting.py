"""Exports: files made from the board's data (PDF appendices, Word and Excel tables...)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from sgdesk.fyear import Period
from sgdesk.store import BoardFile


@dataclass(frozen=True)
class ExportRequest:
    """One export to make: the board, the file to write (its suffix gives the format), the period and options."""

    board_id: int
    out: Path
    period: Period | None = None
    draft: bool = False
    options: dict[str, str] = field(default_factory=dict)   # e.g. {"session": "12", "style": "plain"}
    generated_on: dt.date | None = None                        # None: today

    @property
    def format(self) -> str:
        return self.out.suffix.lower().lstrip(".")


@dataclass(frozen=True)
class ExportResult:
    """The file an export wrote, with its page count where it has pages, and any notes for the user."""

    path: Path
    pages: int | None = None
    notes: tuple[str, ...] = ()


#: told how far an export has got: (steps done, steps in all, what is being done)
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str) -> None:
    """Progress goes nowhere when nobody is watching (the command line, a test)."""


@dataclass(frozen=True)
class Export:
    """A file the board's data can be written as, in ``formats`` (suffixes without the dot).

    ``run(bf, request, progress)`` writes ``request.out`` and tells ``progress`` how far it has
    got (the pack, appendix by appendix; an export quick enough to need no progress bar may say
    nothing), so every caller, the Reports view as much as the command line, runs every export
    the same way.
    """

    name: str
    description: str
    formats: tuple[str, ...]
    run: Callable[[BoardFile, ExportRequest, Progress], ExportResult]
    needs_period: bool = True
    options_help: str = ""


def write_export(export: Export, bf: BoardFile, request: ExportRequest, progress: Progress = no_progress
                 ) -> ExportResult:
    """Run ``export`` as the board prints its documents: negative amounts with a true minus sign
    or in brackets, as its branding says. Every caller (the command line, the Reports view, a
    feature's own buttons) writes an export this way."""
    from sgdesk.branding import load_branding
    from sgdesk.money import negative_amounts
    from sgdesk.reportlab_setup import set_up_reportlab

    set_up_reportlab()  # before the export's code imports any of reportlab
    with negative_amounts(load_branding(bf, request.board_id).negative):
        return export.run(bf, request, progress)


#: builds an appendix: (bf, board_id, period, options) -> (title, orientation, flowables)
StoryFunction = Callable[[BoardFile, int, "Period | None", Mapping[str, str]], tuple[str, str, list[Any]]]


@dataclass(frozen=True)
class Appendix:
    """An appendix a feature offers the annual-report pack (``registry.add_appendix``).

    ``story`` gives its title, orientation and flowables; ``order`` places it in the pack
    (membership 10, finance 20, assessment 30, training 40), as the annual report prints them.
    An appendix not ``in_pack`` is offered but left out unless it is chosen. An appendix of
    ``whole_years`` (finance) covers one financial year: given a longer period, the pack gives it
    the last financial year inside that period.
    """

    key: str
    name: str
    story: StoryFunction
    order: int
    in_pack: bool = True
    whole_years: bool = False


_NUMBERED = re.compile(r"^\s*appendix\s+[0-9A-Za-z]+\s*[:.\-–]\s*", re.IGNORECASE)


def numbered_title(label: str, title: str) -> str:
    """``Appendix 4: Finance 2018/19`` for label 4, whatever number ``title`` carried.

    >>> numbered_title("4", "Appendix 2: Finance 2018/19"), numbered_title("B", "Training summary")
    ('Appendix 4: Finance 2018/19', 'Appendix B: Training summary')
    """
    return f"Appendix {label}: {_NUMBERED.sub('', title).strip()}"
