"""Self-assessment rounds on the demo board: the report, anonymity, change, imports, tools, undo."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sgdesk.assessment.demo import OPEN_TITLE, PUBLISHED_TITLE
from sgdesk.assessment.demo_data import PUBLISHED, RESPONDENTS, UNREPRODUCIBLE
from sgdesk.assessment.results import round_results
from sgdesk.assessment.rounds import (
    find_round,
    list_respondents,
    set_anonymity_threshold,
    set_response,
    start_round,
    update_round,
)
from sgdesk.assessment.scores import Score
from sgdesk.assessment.tool_store import copy_tool, install_tool, load_tool, save_tool
from sgdesk.assessment.tools import (
    SEED_TOOL_KEY,
    StatementSpec,
    ThemeSpec,
    built_in_tool,
)
from sgdesk.cli import main
from sgdesk.errors import InputError
from sgdesk.fyear import Period

BOARD = 1


def report_json(capsys, path, *args: str) -> list[dict]:
    assert main(["report", str(path), "assessment", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)["tables"]


def the_round(bf, title: str):
    (rnd,) = find_round(bf, BOARD, title)
    return rnd


def response_count(bf) -> int:
    return bf.scalar("SELECT count(*) FROM assessment_response")


def test_the_report_reproduces_appendix_3_of_the_seed(demo_path, capsys):
    tables = report_json(capsys, demo_path, "--year", "2018/19")
    statements = tables[0]
    assert statements["title"] == f"Self-assessment: {PUBLISHED_TITLE}"
    assert [c["label"] for c in statements["columns"]] == ["Section", "Theme", "Code", "Statement", "N", "Mode",
                                                            "Mean", "Range"]
    rows = {row["code"]: row for row in statements["rows"]}
    assert len(rows) == 26
    for code, (mode, mean, spread) in PUBLISHED.items():
        if code in UNREPRODUCIBLE:
            continue
        assert (rows[code]["mode"], str(rows[code]["mean"]), str(rows[code]["range"])) == \
            (mode, str(float(mean)), str(float(spread))), code
    assert rows["SD4"]["mode"] == "2/3" and rows["KR2"]["mode"] == "2/3"
    assert rows["KR2"]["range"] == 1.5 and rows["EN9"]["range"] == 1.5 and rows["KR2"]["n"] == 5
    assert statements["rows"][0]["section"] == "Statutory Duties set out in Section 14 of the Children Act 2004"


def test_the_text_report_prints_means_to_one_decimal_place(demo_path, capsys):
    assert main(["report", str(demo_path), "assessment", "--year", "2018/19"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if " SD1 " in line)
    assert line.split()[-4:] == ["6", "3", "3.0", "2"]  # N, mode, mean, range
    assert "6 of 6 agencies answered" in out


def test_no_output_names_an_agency_or_a_person(demo_path, capsys):
    text = json.dumps(report_json(capsys, demo_path, "--year", "2018/19"))
    for organisation, person in RESPONDENTS:
        assert person not in text
    for name in ("CAFCASS", "National Probation Service", "Southend University Hospital"):
        assert name not in text


def test_the_anonymity_threshold_hides_figures_in_outputs_but_not_from_the_manager(demo, capsys):
    with demo.edit("Raise the threshold") as ed:
        set_anonymity_threshold(ed, demo, BOARD, 6)
    rows = {row["code"]: row for row in report_json(capsys, demo.path, "--year", "2018/19")[0]["rows"]}
    assert rows["KR2"] == {**rows["KR2"], "n": 5, "mode": "too few responses", "mean": None, "range": None}
    assert rows["SD1"]["mode"] == "3"
    results = round_results(demo, the_round(demo, PUBLISHED_TITLE).id)
    kr2 = next(s for s in results.statements if s.code == "KR2")
    assert kr2.hidden and kr2.summary.mean_text == "2.7"


def test_the_threshold_must_be_sensible(demo):
    with pytest.raises(InputError):
        with demo.edit("Threshold") as ed:
            set_anonymity_threshold(ed, demo, BOARD, 0)


def test_change_against_the_previous_round_of_the_same_tool(demo_path, capsys):
    tables = report_json(capsys, demo_path, "--year", "2019/20")
    assert tables[0]["title"] == f"Self-assessment: {OPEN_TITLE}"
    change = next(t for t in tables if t["title"] == f"Change since {PUBLISHED_TITLE}")
    rows = {row["code"]: row for row in change["rows"]}
    # KR9 was 1, 2, 3, 3, 3, 3 (2.5); the three who answered again rated it 2, 3, 3 (2.7)
    assert (rows["KR9"]["before"], rows["KR9"]["now"], rows["KR9"]["change"]) == (2.5, 2.7, 0.2)
    assert rows["SD2"]["change"] == 0


def test_an_empty_round(empty_board, capsys):
    bf = empty_board
    with bf.edit("Start") as ed:
        tool_id = install_tool(ed, bf, built_in_tool(SEED_TOOL_KEY), built_in=True)
        round_id = start_round(ed, bf, BOARD, tool_id, "Audit 2020/21", Period.for_year("2020/21"))
    results = round_results(bf, round_id)
    assert results.respondents == 0 and results.strengths() == [] and results.comments_by_theme() == []
    assert all(s.summary.n == 0 and s.absent_text == "no responses" for s in results.statements)
    rows = report_json(capsys, bf.path)[0]["rows"]
    assert {(r["n"], r["mode"], r["mean"]) for r in rows} == {(0, "no responses", None)}


def test_a_board_without_rounds_reports_what_to_do(empty_board, capsys):
    assert main(["report", str(empty_board.path), "assessment"]) == 0
    out = capsys.readouterr().out
    assert "(no rows)" in out and "start one in Self-assessment first" in out


def test_strengths_and_areas_for_development(demo):
    results = round_results(demo, the_round(demo, PUBLISHED_TITLE).id)
    assert [s.code for s in results.strengths()] == ["KR8", "EN1", "EN4"]
    assert [s.code for s in results.areas_for_development()] == ["KR7", "SD4", "KR9"]


def test_answers_are_undoable(demo):
    rnd = the_round(demo, OPEN_TITLE)
    respondent = list_respondents(demo, rnd.id)[-1]
    statement = demo.scalar("SELECT id FROM assessment_statement WHERE code = 'EN1' AND tool_id = ?", (rnd.tool_id,))
    with demo.edit("Answer EN1") as ed:
        assert set_response(ed, demo, respondent.id, statement, Score(5), "Improving") == "created"
    assert demo.query_one("SELECT score_halves, comment FROM assessment_response WHERE respondent_id = ? AND "
                          "statement_id = ?", (respondent.id, statement))[:] == (5, "Improving")
    demo.editor.undo()
    assert demo.scalar("SELECT count(*) FROM assessment_response WHERE respondent_id = ? AND statement_id = ?",
                       (respondent.id, statement)) == 0


def test_the_open_round_needs_attention(demo):
    from sgdesk.assessment.attention import assessment_attention

    (item,) = assessment_attention(demo, BOARD, today=dt.date(2020, 3, 2))
    assert item.view == "assessment" and item.severity == "warning"
    assert item.text == (f"Self-assessment '{OPEN_TITLE}' is open: 3 of 6 agencies have returned it; "
                         "the deadline (28 Feb 2020) has passed")
    (early,) = assessment_attention(demo, BOARD, today=dt.date(2020, 1, 2))
    assert early.severity == "info" and early.text.endswith("(deadline 28 Feb 2020)")


# -- tools as data ----------------------------------------------------------------------------------
def test_a_round_keeps_the_version_of_the_tool_it_was_run_with(empty_board):
    bf = empty_board
    with bf.edit("Copy") as ed:
        seed = install_tool(ed, bf, built_in_tool(SEED_TOOL_KEY), built_in=True)
        audit = copy_tool(ed, bf, seed, "Section 11 audit")
        first = start_round(ed, bf, BOARD, audit, "Section 11 audit 2019/20", Period.for_year("2019/20"))
    spec = load_tool(bf, audit).spec
    section = spec.sections[0]
    extra = ThemeSpec("Safer recruitment", (StatementSpec("S11-1", "Staff are recruited safely."),))
    edited = spec.__class__(**{**spec.__dict__, "purpose": "section 11 audit",
                               "sections": (section.__class__(section.title, section.themes + (extra,)),
                                            *spec.sections[1:])})
    with bf.edit("Edit") as ed:
        new_id = save_tool(ed, bf, audit, edited)
    assert new_id != audit
    assert load_tool(bf, new_id).spec.version == 2 and load_tool(bf, audit).spec.statement_count() == 26
    assert load_tool(bf, new_id).spec.statement_count() == 27
    assert round_results(bf, first).tool.id == audit
    with bf.edit("Next round") as ed:
        second = start_round(ed, bf, BOARD, new_id, "Section 11 audit 2020/21", Period.for_year("2020/21"))
    assert round_results(bf, second).previous.id == first   # the same tool, across versions


def test_built_in_tools_are_copied_not_edited(empty_board):
    bf = empty_board
    with bf.edit("Install") as ed:
        seed = install_tool(ed, bf, built_in_tool(SEED_TOOL_KEY), built_in=True)
    with pytest.raises(InputError, match="make a copy of it"):
        with bf.edit("Edit") as ed:
            save_tool(ed, bf, seed, load_tool(bf, seed).spec)


def test_the_built_in_tool_holds_every_statement_of_appendix_3():
    spec = built_in_tool(SEED_TOOL_KEY)
    assert [s.code for _se, _th, s in spec.statements()] == list(PUBLISHED)
    assert [section.title for section in spec.sections] == [
        "Statutory Duties set out in Section 14 of the Children Act 2004",
        "Statutory Guidance - Key Roles and Responsibilities", "Enablers of Board Effectiveness"]
    assert spec.scale.summary() == "1 poor, 2 adequate, 3 good, 4 outstanding"


# -- the long import ----------------------------------------------------------------------------------
def write_csv(tmp_path, rows: list[str], name: str = "answers.csv"):
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_importing_answers_in_long_format(demo, tmp_path):
    source = write_csv(tmp_path, [
        "Year,Agency,Statement,Score,Comment,Completed by",
        "2019/20,SAVS,SD1,3,Much clearer this year,Zoë Adeyemi",
        "2019/20,SAVS,The plan should be evidence based and make use of all available evidence and intelligence "
        "from partners to form and develop its plan,2/3,,",
        "2019/20,SAVS,KR1,n/a,,",
    ])
    from sgdesk import registry
    from sgdesk.importing import run_import

    summary = run_import(demo, registry.load().import_kinds["assessment"], source, BOARD)
    assert summary.created == {"respondents": 1, "answers": 2}
    rnd = the_round(demo, OPEN_TITLE)
    savs = next(r for r in list_respondents(demo, rnd.id) if r.short_name == "SAVS")
    assert savs.person == "Zoë Adeyemi" and savs.answered == 2 and savs.submitted_on == dt.date.today()


def test_a_long_import_with_problems_writes_nothing(demo, tmp_path):
    from sgdesk import registry
    from sgdesk.importing import ImportProblems, run_import

    with demo.edit("Close") as ed:
        update_round(ed, demo, the_round(demo, PUBLISHED_TITLE).id, status="published")
    source = write_csv(tmp_path, [
        "Round,Respondent,Statement,Score",
        f"{OPEN_TITLE},Essex Police,SD1,3",
        f"{OPEN_TITLE},Essex Police,SD1,4",
        f"{OPEN_TITLE},Essex Police,ZZ9,3",
        f"{OPEN_TITLE},Gotham Police,SD2,3",
        f"{PUBLISHED_TITLE},Essex Police,SD2,3",
        "2031/32,Essex Police,SD2,3",
        f"{OPEN_TITLE},Essex Police,SD3,3.5",
    ])
    before = response_count(demo)
    with pytest.raises(ImportProblems) as error:
        run_import(demo, registry.load().import_kinds["assessment"], source, BOARD)
    report = error.value.report()
    assert "answers.csv row 3, column 'Statement': 'SD1' is answered a second time by Essex Police (also row 2)" \
        in report
    assert "row 4, column 'Statement': 'ZZ9' is not a statement of the tool 'LSCB board self-assessment'" in report
    assert "row 5, column 'Respondent': 'Gotham Police' is not an organisation in this file" in report
    assert f"row 6, column 'Round': '{PUBLISHED_TITLE}' is published" in report
    assert "row 7, column 'Round': '2031/32' is not a self-assessment round of this board" in report
    assert len(error.value.problems) == 5   # 3.5 is the split rating 3/4: accepted
    assert response_count(demo) == before
