"""Figures as published: exact values, and marks that stand for no figure and never read as zero."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sgdesk.errors import InputError
from sgdesk.indicators.figures import parse_figure
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.values import cell_text, edit_value, find_value


@pytest.mark.parametrize("cell, note", [
    ("x", "not-available"), ("X", "not-available"), ("[x]", "not-available"), (":", "not-available"),
    ("c", "suppressed"), ("[c]", "suppressed"), ("*", "suppressed"),
    ("..", "not-applicable"), ("z", "not-applicable"), ("[z]", "not-applicable"),
    ("-", "not-published"), ("–", "not-published"), ("low", "low"),
])
def test_a_suppression_mark_is_a_note_and_never_a_zero(cell, note):
    figure = parse_figure(cell, "count")
    assert figure.value is None and figure.note == note


def test_a_blank_cell_is_no_figure_at_all():
    assert parse_figure("  ", "percent") is None and parse_figure(None, "percent") is None


@pytest.mark.parametrize("cell, value, provisional, comment", [
    ("15.2 (p)", "15.2", True, None), ("15.2p", "15.2", True, None), ("15.2 [p]", "15.2", True, None),
    ("16.0 (r)", "16.0", False, "revised"), ("4,700", "4700", False, None), ("2,303.4", "2303.4", False, None),
    ("0.02", "0.02", False, None), ("12.5%", "12.5", False, None), ("22.6 [note 3]", "22.6", False, "note 3"),
])
def test_figures_keep_the_places_they_were_published_with(cell, value, provisional, comment):
    figure = parse_figure(cell, "percent")
    assert (str(figure.value), figure.provisional, figure.comment) == (value, provisional, comment)


@pytest.mark.parametrize("cell, unit, why", [
    ("12.x", "percent", "is not a figure"), ("1.5E+03", "rate10k", "is not a figure"),
    ("-3", "rate10k", "below zero"), ("103.5", "count", "not a whole number"), ("15%", "count", "is not a figure"),
    ("£12.345", "pounds", "not an amount of money"), ("0.1234567", "percent", "more than 6 decimal places"),
])
def test_text_that_is_not_a_figure_says_why(cell, unit, why):
    with pytest.raises(InputError) as caught:
        parse_figure(cell, unit)
    assert why in str(caught.value) and cell in str(caught.value)


def test_stored_figures_come_back_exactly_and_marks_come_back_as_marks(board):
    period = IndicatorPeriod(2020)
    with board.edit("Type figures") as ed:
        for area_id, text in ((1, "16.0"), (2, "c"), (3, "15.2 (p)")):
            edit_value(ed, board, 1, area_id, period, text, "percent")
    own, region, neighbour = (find_value(board, 1, area_id, period) for area_id in (1, 2, 3))
    assert own.figure.value == Decimal("16.0") and cell_text(own.figure, "percent") == "16.0"
    assert region.figure.value is None and region.figure.note == "suppressed" and cell_text(region.figure, "x") == "c"
    stored = board.query_one("SELECT value_units, value_scale, note FROM indicator_value WHERE id = ?", (region.id,))
    assert tuple(stored) == (None, None, "suppressed")
    assert cell_text(neighbour.figure, "percent") == "15.2 (p)"
