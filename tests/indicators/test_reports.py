"""Reports indicators, indicator-trends and regional-contributions; the Overview's items; sgdesk check."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sgdesk.cli import main
from sgdesk.fyear import Period
from sgdesk.indicators.attention import indicators_attention
from sgdesk.indicators.catalogue import install_catalogue
from sgdesk.indicators.checks import indicators_checks
from sgdesk.indicators.definitions import list_indicators, update_indicator
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.rag import RagRule
from sgdesk.indicators.reports import indicators_report, regional_report, trends_report
from sgdesk.indicators.values import edit_value
from sgdesk.reporting import render


def test_the_indicators_report_gives_marks_never_zeros(demo, capsys):
    table = indicators_report(demo, 1, None)[0]
    rows = [row for row in table.rows if row["indicator"] == "2-year-olds benefitting from funded early education"
            and row["area"] == "Southend-on-Sea"]
    assert [(row["period"], row["value"], row["mark"]) for row in rows][:2] == [("2014", None, "–"),
                                                                                 ("2018", Decimal(62), None)]
    assert main(["report", str(demo.path), "indicators", "--format", "json"]) == 0
    assert '"value": null,\n          "mark": "–"' in capsys.readouterr().out


def test_a_period_keeps_the_figures_published_by_its_end(demo):
    rows = indicators_report(demo, 1, Period.for_year(2018))[0].rows   # 2018/19: periods ending by 2019
    assert {row["period"] for row in rows} >= {"2019", "2018/19"}
    assert not {row["period"] for row in rows} & {"2020", "2021", "2019/20", "2017/18-19/20"}


def test_the_trend_report_gives_the_direction_and_why_each_rating(demo):
    table = trends_report(demo, 1, None)[0]
    rerefs = next(row for row in table.rows if row["indicator"].startswith("Re-referrals"))
    assert {key: rerefs[key] for key in ("latest", "previous", "change", "travel", "england", "rag", "why")} == {
        "latest": "30.2%", "previous": "24.4%", "change": "+5.8", "travel": "↑ worse", "england": "22.6%",
        "rag": "Red", "why": "30.2% in 2020 against England 22.6%"}
    index = table.rows.index(rerefs)
    assert table.fills[(index, "rag")] == "#FFC7CE"


def test_the_regional_comparison_totals_averages_and_position(demo):
    tables = regional_report(demo, 1, None)
    children = tables[0]
    assert children.title == "Children's partnership: East of England unitary authorities 2020"
    text = render([children], "table")
    assert "Southend (this partnership)" in text
    rows = {row["partnership"]: row for row in children.rows}
    assert rows["Southend (this partnership)"]["total"] == 11108600
    assert rows["Average of the other 4"]["p0"] == 13935925       # (114,090 + 111,243 + 154,660 + 177,444) / 4
    assert rows["Average of all 5"]["p2"] == 1989900             # police: £99,495 / 5
    assert children.notes[0] == ("Southend: 5th of 5 by total (£111,086.00), £105,142.75 below the average of the "
                                 "other 4 (51% of it)")
    combined = tables[-1]
    assert [row["combined"] for row in combined.rows][-1] == 21177800         # £111,086 + £100,692
    assert combined.notes[0] == "Southend: 5th of 5 combined (£211,778.00)"


def test_a_regional_comparison_after_the_year_is_not_shown_for_it(demo):
    tables = regional_report(demo, 1, Period.for_year(2018))
    assert not tables[0].rows and tables[0].notes[0].startswith("No regional comparison up to 2018/19")


def test_the_overview_names_the_red_indicators(demo):
    items = indicators_attention(demo, 1)
    assert items[0].text.startswith("7 indicators are rated Red: ")
    assert items[0].target == {"rag": "red"} and items[0].view == "performance"


def test_the_overview_notices_provisional_figures_a_later_year_has_passed(board):
    with board.edit("Figures") as ed:
        edit_value(ed, board, 1, 1, IndicatorPeriod(2019), "15.0 (p)", "percent")
        edit_value(ed, board, 1, 1, IndicatorPeriod(2020), "15.8", "percent")
    assert any("provisional figures for earlier years" in item.text for item in indicators_attention(board, 1))


def test_check_finds_a_rule_that_cannot_rate_and_no_own_authority(empty_board):
    with empty_board.edit("Set up") as ed:
        install_catalogue(ed, empty_board, 1)
        indicator = next(i for i in list_indicators(empty_board, 1) if i.code == "re-referrals")
        update_indicator(ed, empty_board, replace(indicator, rule=RagRule("sn_average")))
        england = empty_board.scalar("SELECT id FROM indicator_area WHERE kind = 'england'")
        edit_value(ed, empty_board, indicator.id, england, IndicatorPeriod(2020), "22.6", "percent")
    texts = [str(finding) for finding in indicators_checks(empty_board)]
    assert any("no area is this authority" in text for text in texts)
    assert any("rated against the statistical neighbours' average, which has no figures" in text for text in texts)
