"""Building a PDF in house style from a story of flowables."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
from collections.abc import Callable
from typing import Any, BinaryIO

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageBreakIfNotEmpty,
    PageTemplate,
)

from sgdesk.atomic import atomic_open
from sgdesk.collector import collector_paused
from sgdesk.pdf.canvas import HouseCanvas
from sgdesk.pdf.colours import use_accent
from sgdesk.pdf.contents import Contents
from sgdesk.pdf.fonts import REGULAR, register_fonts
from sgdesk.pdf.headings import Heading, contents_entries
from sgdesk.pdf.metadata import LANGUAGE
from sgdesk.pdf.page import (
    MARGIN,
    PAGE_SIZES,
    begin_plain_page,
    draw_furniture,
    draw_overlay,
    page_size,
)
from sgdesk.pdf.spec import DocumentSpec
from sgdesk.pdf.tagging import TaggingFrame

CREATOR = "SG Desk"


class _HouseDocTemplate(BaseDocTemplate):
    """The document template: passes headings on to any table of contents in the story."""

    consumed = False  # the story is drawn from itself, with nothing left for another pass

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        """Tell listening flowables (a TableOfContents) about each heading drawn."""
        if isinstance(flowable, Heading):
            self.notify("TOCEntry", flowable.toc_entry(self.page))

    def _edits(self) -> Callable[[tuple[Any, ...]], None] | None:
        """Where ``multiBuild`` records the changes a build makes to flowables, undone before another
        pass: nowhere for a consumed story, which has no other pass (the record would keep every
        flowable moved to a next page)."""
        return None if self.consumed else self.__dict__.get("_undo")

    def _record_edits(self, record: Callable[[tuple[Any, ...]], None]) -> None:
        self.__dict__["_undo"] = record

    def _forget_edits(self) -> None:
        self.__dict__.pop("_undo", None)

    _multiBuildEdits = property(_edits, _record_edits, _forget_edits)

    def _allSatisfied(self) -> bool:  # noqa: N802 - reportlab's name
        """Whether the contents list the headings drawn; a consumed story cannot be laid out again."""
        satisfied = bool(super()._allSatisfied())
        if not satisfied and self.consumed:
            raise RuntimeError("the contents were laid out for other headings than the story drew")
        return satisfied


class _ConsumedStory(list):
    """A story that reportlab's build draws from itself instead of from a copy, so that each flowable
    drawn can be freed (``multiBuild`` copies its story as ``story[:]`` for each pass)."""

    def __getitem__(self, index: Any) -> Any:
        return self if index == slice(None) else super().__getitem__(index)


PLAIN = "-plain"  # the suffix of a page template without header, footer or page number


def _page_template(orientation: str, spec: DocumentSpec, plain: bool = False) -> PageTemplate:
    width, height = PAGE_SIZES[orientation]
    body = TaggingFrame(
        MARGIN,
        MARGIN,
        width - 2 * MARGIN,
        height - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=f"{orientation}-body",
    )
    return PageTemplate(
        id=orientation + (PLAIN if plain else ""),
        frames=[body],
        onPage=(lambda canv, doc: (begin_plain_page if plain else draw_furniture)(canv, spec)),
        onPageEnd=lambda canv, doc: draw_overlay(canv, spec),
        pagesize=(width, height),
    )


def switch_orientation(orientation: str) -> list[Flowable]:
    """Flowables that start a new page in "portrait" or "landscape".

    If nothing has been drawn on the current page yet (say at the start of the story), that
    page takes the new orientation instead, so no blank page is left behind.
    """
    page_size(orientation)
    return [PageBreakIfNotEmpty(nextTemplate=orientation)]


def build_pdf(
    out: str | os.PathLike[str] | BinaryIO,
    spec: DocumentSpec,
    story: list[Flowable],
    *,
    orientation: str = "portrait",
    furniture: bool = True,
    tagged: bool = True,
    consume: bool = False,
) -> int:
    """Write ``story`` as an A4 PDF in house style to ``out`` and return its page count.

    The first page is in ``orientation``; :func:`switch_orientation` changes it mid-document.
    The PDF is tagged (PDF/UA-1: structure tree, artifacts, XMP metadata); ``tagged=False``
    leaves the tags out, only to measure what they cost. The output is byte-identical for
    identical inputs (reportlab's invariant mode, with the footer and metadata date from
    ``spec.generated_on``). ``story`` itself is not consumed, unless ``consume``: then it is emptied
    and each flowable is let go once drawn, so that a long document never holds all of its pages'
    flowables at once (its contents must list the headings it draws, as they do when the story's
    own headings are all drawn: there is no second pass). An empty story is a ValueError, as
    reportlab would write a PDF without pages. With ``furniture`` False the story starts on
    plain pages, without header, footer or page number (a cover, certificates), until
    :func:`switch_orientation` turns to the furnished pages.
    """
    if not story:
        raise ValueError("nothing to print: the story is empty")
    if spec.generated_on is None:  # one day for the footer and the metadata, even at midnight
        spec = dataclasses.replace(spec, generated_on=datetime.date.today())
    register_fonts()
    page_size(orientation)
    if isinstance(out, (str, os.PathLike)):  # written beside the target, swapped in when whole
        with atomic_open(out) as handle:
            return build_pdf(handle, spec, story, orientation=orientation, furniture=furniture, tagged=tagged,
                             consume=consume)
    names = sorted(PAGE_SIZES, key=lambda name: name != orientation)  # the first one starts
    templates = [_page_template(name, spec, plain) for plain in (not furniture, furniture) for name in names]
    doc = _HouseDocTemplate(
        out,
        pagesize=PAGE_SIZES[orientation],
        pageTemplates=templates,  # the first one starts
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=spec.title,
        author=spec.author,
        subject=spec.subject,
        creator=CREATOR,
        lang=LANGUAGE,
        displayDocTitle=True,
        initialFontName=REGULAR,
        invariant=1,
    )
    canvas = functools.partial(HouseCanvas, day=spec.generated_on, tagged=tagged)
    expected = contents_entries(story)  # so that contents are laid out right the first time
    for flowable in story:
        if isinstance(flowable, Contents):
            flowable.expect(expected)
    drawn = list(story)
    if consume:
        drawn, doc.consumed = _ConsumedStory(drawn), True
        story.clear()
    with use_accent(spec.accent), collector_paused():
        doc.multiBuild(drawn, canvasmaker=canvas)
    return doc.page
