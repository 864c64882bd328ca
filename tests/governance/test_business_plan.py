"""Business plan progress: the demo's twelve objectives (seed 001), progress for a period, the report and the
annual-report appendix read back from its PDF."""

from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest

from sgdesk.errors import InputError, NotFoundError
from sgdesk.exporting import ExportRequest
from sgdesk.fyear import Period
from sgdesk.governance.plans import (
    add_plan_update,
    list_objectives,
    list_plans,
    parse_plan_period,
    plan_for,
    progress,
)
from sgdesk.governance.reports import business_plan_report

YEAR = Period.for_year("2018/19")
SEED_001 = "/work/shared/seeds/001_c6ff2f4418577d17.txt"


def test_plan_periods_as_boards_write_them():
    assert parse_plan_period("2016-19") == Period(dt.date(2016, 4, 1), dt.date(2019, 3, 31))
    assert parse_plan_period("2016 to 2019") == parse_plan_period("2016/2019") == parse_plan_period("2016-19")
    with pytest.raises(InputError, match="'2019-16' is not a plan period: write it as 2016-19"):
        parse_plan_period("2019-16")


def test_the_demo_plan_has_seed_001s_twelve_objectives_in_the_boards_numbering(demo):
    [plan] = list_plans(demo, 1)
    assert (plan.title, plan.label) == ("Business Plan 2016-19", "2016-19")
    objectives = list_objectives(demo, plan.id)
    assert [o.number for o in objectives] == [str(n) for n in range(1, 13)]
    seed = open(SEED_001, encoding="utf-8").read()
    for objective in objectives:    # the wording is the plan's own
        assert objective.priority[:60] in " ".join(seed.split())
    assert objectives[3].lead == "Case Review"
    assert all(o.updates for o in objectives)


def test_progress_for_a_period_rates_each_objective_by_its_last_update_in_it(demo):
    plan = plan_for(demo, 1, YEAR)
    objective = list_objectives(demo, plan.id)[6]
    with demo.edit("Update") as ed:
        add_plan_update(ed, demo, objective.id, made_on=dt.date(2019, 3, 20), rag="green",
                        progress="Young people's panel meets monthly", qualitative="Panel chose the 2019 campaign")
        add_plan_update(ed, demo, objective.id, made_on=dt.date(2019, 4, 2), rag="red", progress="Panel paused")
    [item] = [p for p in progress(list_objectives(demo, plan.id), YEAR) if p.objective.id == objective.id]
    assert item.rag == "green"
    assert [u.made_on for u in item.updates] == [dt.date(2018, 12, 11), dt.date(2019, 3, 20)]
    table = business_plan_report(demo, 1, YEAR)[0]
    row = next(r for r in table.rows if r["number"] == objective.number)
    assert (row["rag"], row["updates"], row["progress"]) == ("Green", 2, "Young people's panel meets monthly")


def test_an_update_needs_a_rating_and_words(demo):
    objective = list_objectives(demo, list_plans(demo, 1)[0].id)[0]
    with pytest.raises(InputError, match="'blue' is not a RAG rating"):
        with demo.edit("Update") as ed:
            add_plan_update(ed, demo, objective.id, made_on=dt.date(2019, 1, 1), rag="blue", progress="x")
    with pytest.raises(InputError, match="The update is empty"):
        with demo.edit("Update") as ed:
            add_plan_update(ed, demo, objective.id, made_on=dt.date(2019, 1, 1), rag="green", progress=" ")


def test_the_appendix_prints_each_objectives_rating_and_evidence(demo, tmp_path):
    from sgdesk import registry

    out = tmp_path / "plan.pdf"
    registry.load().exports["plan-progress"].run(demo, ExportRequest(1, out, YEAR, generated_on=dt.date(2026, 1, 5)))
    objectives = progress(list_objectives(demo, plan_for(demo, 1, YEAR).id), YEAR)
    with pdfplumber.open(out) as pdf:
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
        rows = [row for page in pdf.pages for table in page.extract_tables() for row in table if row[0] != "No."]
        assert all(page.width > page.height for page in pdf.pages)          # landscape
    assert text.startswith("Southend-on-Sea Local Safeguarding Children Board Appendix 5: Business plan progress 2018/19")
    assert [row[0] for row in rows] == [item.objective.number for item in objectives]
    for row, item in zip(rows, objectives):
        latest = item.updates[-1]
        cells = [" ".join((cell or "").split()) for cell in row]
        assert cells[4] == item.rag.capitalize()
        assert cells[5] == f"{latest.made_on:%b %Y}: {latest.progress}"
        assert cells[6] == (f"{latest.made_on:%b %Y}: {latest.quantitative}" if latest.quantitative else "")
    counts = {rag: [item.rag for item in objectives].count(rag) for rag in ("green", "amber", "red")}
    assert f"12 objectives: {counts['green']} green, {counts['amber']} amber." in text


def test_no_plan_for_the_period_says_so(empty_board):
    with pytest.raises(NotFoundError, match="there is no business plan for that period"):
        business_plan_report(empty_board, 1, YEAR)
