"""Reports actions, risks and business-plan as CSV and JSON, the checks, and the risk summary appendix."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pdfplumber
import pytest

from sgdesk.cli import main
from sgdesk.exporting import ExportRequest
from sgdesk.fyear import Period
from sgdesk.governance.checks import governance_checks
from sgdesk.governance.reports import actions_report
from sgdesk.governance.risks import get_bands, list_risks
from sgdesk.pack.export import export_pack
from sgdesk.store import open_board_file

YEAR = "2018/19"


def test_the_action_log_report_as_csv_has_every_action_and_the_rag_as_at_the_years_end(demo_path, capsys):
    assert main(["report", str(demo_path), "actions", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    with open_board_file(demo_path, read_only=True) as bf:
        assert len(rows) == bf.scalar("SELECT count(*) FROM board_action")
        table = actions_report(bf, 1, Period.for_year(YEAR))[0]
    done = next(row for row in rows if row["Reference"] == "B-2017-001")
    assert (done["Status"], done["Closed"], done["RAG"]) == ("done", "2017-11-16", "")
    assert table.notes[0].startswith("RAG as at 31 Mar 2019")
    year_end = dt.date(2019, 3, 31)
    for row in table.rows:
        if row["status"] == "open" and row["due_on"] and row["due_on"] < year_end and row["rag"] != "Amber":
            assert row["rag"] == "Red"
    overdue = sum(1 for row in table.rows if row["status"] == "open" and row["due_on"] and row["due_on"] < year_end)
    assert table.notes[1].endswith(f"{overdue} of them overdue.")


def test_the_risk_register_report_is_by_residual_score_with_trend_words(demo_path, capsys):
    assert main(["report", str(demo_path), "risks", "--format", "json"]) == 0
    [table] = json.loads(capsys.readouterr().out)["tables"]
    scores = [row["score"] for row in table["rows"]]
    assert scores == sorted(scores, reverse=True)
    with open_board_file(demo_path, read_only=True) as bf:
        bands = get_bands(bf, 1)
        risks = {r.reference: r for r in list_risks(bf, 1)}
    for row in table["rows"]:
        risk = risks[row["reference"]]
        assert row["score"] == risk.residual_score
        assert row["rag"].lower() == bands.rag(risk.residual_score)
        assert row["trend"] in ("rising", "falling", "unchanged")


def test_the_business_plan_report_for_a_year(demo_path, capsys):
    assert main(["report", str(demo_path), "business-plan", "--year", YEAR]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Business plan progress, 2018/19")
    assert "* Business Plan 2016-19: 12 objectives" in out


def test_the_checks_find_nothing_wrong_in_the_demo_and_name_a_bad_date(demo):
    assert [f.level for f in governance_checks(demo)] == ["ok"]
    demo.conn.execute("UPDATE board_action SET due_on = '2017-01-01' WHERE reference = 'B-2017-003'")
    [finding] = governance_checks(demo)
    assert str(finding) == ("[PROBLEM] Actions due before they were raised (1): B-2017-003 - move their due dates in "
                            "the Actions view")


def test_the_risk_summary_is_offered_to_the_pack_but_left_out_unless_chosen(demo_template, tmp_path):
    out = tmp_path / "pack.pdf"
    period = Period.for_year(YEAR)
    with open_board_file(demo_template, read_only=True) as bf:
        export_pack(bf, ExportRequest(1, out, period, options={}, generated_on=dt.date(2026, 1, 1)))
        with pdfplumber.open(out) as pdf:
            assert not any("Risk register summary" in (page.extract_text() or "") for page in pdf.pages)
        export_pack(bf, ExportRequest(1, out, period, options={"appendices": "risk-summary", "numbering": "6"},
                                      generated_on=dt.date(2026, 1, 1)))
        risks = [r for r in list_risks(bf, 1, as_at=period.end) if r.is_open]
    with pdfplumber.open(out) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "Appendix 6: Risk register summary, 31 Mar 2019" in text
    assert f"{len(risks)} open risks" in text
    for risk in risks:
        assert risk.reference in text


@pytest.mark.parametrize("name", ["plan-progress", "risk-summary"])
def test_the_appendices_are_also_word_and_excel(demo_template, tmp_path, name):
    from sgdesk import registry

    export = registry.load().exports[name]
    assert export.formats == ("pdf", "docx", "xlsx")
    for suffix in ("docx", "xlsx"):
        out = tmp_path / f"{name}.{suffix}"
        with open_board_file(demo_template, read_only=True) as bf:
            export.run(bf, ExportRequest(1, out, Period.for_year(YEAR), generated_on=dt.date(2026, 1, 1)))
        assert out.stat().st_size > 1000
