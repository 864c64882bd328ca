"""The risk register: score bands (the default and a board's own), trend across reviews, reviews at meetings,
the register as it stood on a day, the heat map and its words."""

from __future__ import annotations

import datetime as dt

import pytest

from sgdesk.errors import InputError
from sgdesk.governance.attention import governance_attention
from sgdesk.governance.risks import (
    FALLING,
    NEW,
    RISING,
    STEADY,
    Bands,
    RiskDetails,
    add_risk,
    get_bands,
    get_risk,
    heat_map,
    link_action,
    list_risks,
    parse_level,
    review_risk,
    set_bands,
)
from sgdesk.membership.bodies import find_body
from sgdesk.membership.meetings import meetings_on
from sgdesk.organisations import find_organisation

DAY = dt.date(2018, 6, 5)


def new_risk(bf, likelihood: int, impact: int, **details) -> int:
    with bf.edit("Add a risk") as ed:
        return add_risk(ed, bf, 1, RiskDetails("Funding falls short", find_organisation(bf, "SBC"), 5, 5,
                                               likelihood, impact, **details), identified_on=DAY)


@pytest.mark.parametrize(("score", "rag"), [(1, "green"), (4, "green"), (5, "amber"), (12, "amber"), (15, "red"),
                                            (25, "red")])
def test_the_default_bands(score, rag):
    assert Bands().rag(score) == rag


def test_a_board_sets_its_own_bands_and_the_register_follows(demo):
    risk_id = new_risk(demo, 3, 4)
    assert get_bands(demo, 1).rag(get_risk(demo, risk_id).residual_score) == "amber"
    with demo.edit("Bands") as ed:
        set_bands(ed, demo, 1, Bands(amber_from=4, red_from=12))
    bands = get_bands(demo, 1)
    assert bands.describe() == "1-3 green, 4-10 amber, 12-25 red"
    assert bands.rag(get_risk(demo, risk_id).residual_score) == "red"
    with pytest.raises(InputError, match="are not risk bands: give amber a lower score than red"):
        Bands(amber_from=15, red_from=15)


def test_trend_across_reviews_and_a_second_review_at_one_meeting_replaces_the_first(demo):
    risk_id = new_risk(demo, 3, 4)
    assert get_risk(demo, risk_id).trend == NEW
    body = find_body(demo, 1, None)
    september, december = (meetings_on(demo, body, day)[0] for day in (dt.date(2018, 9, 25), dt.date(2018, 12, 11)))
    trends = []
    for meeting, day, (likelihood, impact) in ((september, dt.date(2018, 9, 25), (4, 4)),
                                               (december, dt.date(2018, 12, 11), (4, 4)),
                                               (december, dt.date(2018, 12, 11), (2, 4))):
        with demo.edit("Review") as ed:
            review_risk(ed, demo, risk_id, likelihood, impact, reviewed_on=day, meeting_id=meeting)
        trends.append(get_risk(demo, risk_id).trend)
    assert trends == [RISING, STEADY, FALLING]
    risk = get_risk(demo, risk_id)
    assert [(r.reviewed_on, r.score) for r in risk.reviews] == [(DAY, 12), (dt.date(2018, 9, 25), 16),
                                                                (dt.date(2018, 12, 11), 8)]
    assert [r.meeting_id for r in risk.reviews][1:] == [september, december]
    assert risk.review_on == dt.date(2019, 3, 11)     # three months after the latest review
    as_then = next(r for r in list_risks(demo, 1, as_at=dt.date(2018, 10, 1)) if r.id == risk_id)
    assert (as_then.residual_score, as_then.trend) == (16, RISING)


def test_scores_outside_one_to_five_are_refused(demo):
    with pytest.raises(InputError, match="'6' is not a likelihood or impact: give a whole number from 1 to 5"):
        new_risk(demo, 6, 2)
    with pytest.raises(InputError, match="'Huge' is not a likelihood or impact"):
        parse_level("Huge")


def test_the_heat_map_places_open_risks_by_residual_scores_and_says_so_in_words(demo):
    bands = get_bands(demo, 1)
    risks = [r for r in list_risks(demo, 1) if r.is_open]
    heat = heat_map(risks, bands)
    assert heat.total == len(risks)
    for risk in risks:
        assert risk.reference in heat.cells[(risk.residual_likelihood, risk.residual_impact)]
    words = heat.alt_text("Risk heat map")
    for risk in risks:
        assert (f"{risk.reference} likelihood {risk.residual_likelihood}, impact {risk.residual_impact}, "
                f"score {risk.residual_score}") in words
    reds = sum(1 for r in risks if bands.rag(r.residual_score) == "red")
    assert f"Red (score 15 to 25): {reds} risks" in words


def test_a_red_risk_without_an_open_action_is_on_the_overview_until_one_is_linked(demo):
    risk_id = new_risk(demo, 4, 5)
    reference = get_risk(demo, risk_id).reference
    [item] = [i for i in governance_attention(demo, 1, DAY) if "no open mitigating action" in i.text]
    assert reference in item.text and item.severity == "problem"
    action_id = demo.scalar("SELECT id FROM board_action WHERE status = 'open' LIMIT 1")
    with demo.edit("Link") as ed:
        link_action(ed, demo, risk_id, action_id)
    assert not any(reference in i.text for i in governance_attention(demo, 1, DAY) if "mitigating" in i.text)


def test_a_risk_past_its_review_date_is_on_the_overview(demo):
    risk_id = new_risk(demo, 1, 2, review_on=dt.date(2018, 7, 1))
    reference = get_risk(demo, risk_id).reference
    [item] = [i for i in governance_attention(demo, 1, dt.date(2018, 7, 2)) if "review date" in i.text]
    assert item.text == f"1 risk past its review date, due from 1 Jul 2018 ({reference})"
