"""RAG ratings by polarity and tolerance, on the boundaries; direction of travel."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from sgdesk.indicators.definitions import (
    get_indicator,
    list_indicators,
    update_indicator,
)
from sgdesk.indicators.matrix import build_matrix
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.rag import RagRule, rate
from sgdesk.indicators.trends import travel
from sgdesk.indicators.values import edit_value

D = Decimal


@pytest.mark.parametrize("polarity, value, rating", [
    ("higher", "80.0", "green"),   # equal to the comparator: as good
    ("higher", "80.1", "green"),
    ("higher", "78.0", "amber"),   # worse by exactly the tolerance: still Amber
    ("higher", "77.9", "red"),     # worse by a tenth more: Red
    ("lower", "80.0", "green"),
    ("lower", "79.9", "green"),
    ("lower", "82.0", "amber"),
    ("lower", "82.01", "red"),
    ("neither", "99", None),
])
def test_rating_in_points_at_the_boundaries(polarity, value, rating):
    assert rate(D(value), D("80.0"), polarity, RagRule("england", D("2"))) == rating


@pytest.mark.parametrize("value, rating", [("250", "green"), ("262.5", "amber"), ("262.6", "red")])
def test_rating_in_percent_of_the_comparator(value, rating):
    # lower is better, Amber within 5% of 250 (12.5)
    assert rate(D(value), D("250"), "lower", RagRule("sn_average", D("5"), relative=True)) == rating


def test_without_a_tolerance_anything_worse_is_red():
    rule = RagRule("england")
    assert [rate(D(v), D("10"), "higher", rule) for v in ("10", "9.99")] == ["green", "red"]


def _set(board, code: str, figures: dict[tuple[int, int], str]) -> int:
    indicator = next(i for i in list_indicators(board, 1) if i.code == code)
    with board.edit("Figures") as ed:
        for (area_id, year), text in figures.items():
            edit_value(ed, board, indicator.id, area_id, IndicatorPeriod(year), text, indicator.unit)
    return indicator.id


def _row(board, indicator_id: int):
    return next(row for row in build_matrix(board, 1).rows() if row.indicator.id == indicator_id)


def test_the_board_rates_the_latest_figure_against_its_rule(board):
    england = board.scalar("SELECT id FROM indicator_area WHERE kind = 'england'")
    # re-referrals: lower is better, Amber within 2 points of England
    indicator_id = _set(board, "re-referrals", {(1, 2019): "24.4", (1, 2020): "24.6", (england, 2020): "22.6"})
    row = _row(board, indicator_id)
    assert (row.judgement.rating, row.judgement.reason) == ("amber", "24.6% in 2020 against England 22.6%")
    assert (row.travel.arrow, row.travel.words) == ("↑", "worsening")
    _set(board, "re-referrals", {(1, 2020): "24.7"})
    assert _row(board, indicator_id).judgement.rating == "red"


def test_against_its_own_previous_figure_and_when_a_comparator_is_missing(board):
    indicator_id = _set(board, "leavers-eet", {(1, 2019): "43.0", (1, 2020): "58.0"})
    row = _row(board, indicator_id)
    assert row.judgement.rating is None
    assert row.judgement.reason == "not rated: no England figure for 2020"
    indicator = get_indicator(board, indicator_id)
    with board.edit("Rate against last year") as ed:
        update_indicator(ed, board, replace(indicator, rule=RagRule("previous")))
    row = _row(board, indicator_id)
    assert (row.judgement.rating, row.judgement.reason) == ("green", "58.0% in 2020 against 43.0% in 2019")


def test_a_suppressed_latest_figure_is_not_rated_against_a_zero(board):
    england = board.scalar("SELECT id FROM indicator_area WHERE kind = 'england'")
    indicator_id = _set(board, "cpp-repeat", {(1, 2019): "20.6", (1, 2020): "c", (england, 2020): "21.9",
                                              (england, 2019): "20.8"})
    row = _row(board, indicator_id)
    assert row.latest.period.label == "2019"      # the latest figure published, not the suppressed one
    assert (row.judgement.rating, row.judgement.reason) == ("green", "20.6% in 2019 against England 20.8%")
    assert row.series(row.own)[-1].note == "suppressed"


@pytest.mark.parametrize("latest, previous, polarity, arrow, words", [
    ("23.4", "20.6", "lower", "↑", "worsening"), ("20.6", "23.4", "lower", "↓", "improving"),
    ("95.7", "90.5", "higher", "↑", "improving"), ("90.5", "95.7", "higher", "↓", "worsening"),
    ("115", "115", "higher", "→", "no change"), ("319.8", "359.1", "neither", "↓", "down"),
    ("359.1", "319.8", "neither", "↑", "up"),
])
def test_trend_arrows_follow_the_polarity(latest, previous, polarity, arrow, words):
    moved = travel(D(latest), D(previous), polarity)
    assert (moved.arrow, moved.words, moved.change) == (arrow, words, D(latest) - D(previous))


def test_no_arrow_without_an_earlier_figure():
    assert travel(D("1"), None, "higher").arrow == ""
