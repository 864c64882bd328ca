"""`sgdesk report FILE assessment [--year Y]`: one row per statement, then themes, change, strengths.

A report is an output: it never names a respondent, and statements with fewer responses than
the anonymity threshold show "too few responses" instead of figures.
"""

from __future__ import annotations

from sgdesk.assessment.results import (
    RoundResults,
    StatementResult,
    absent_text,
    round_results,
)
from sgdesk.assessment.rounds import choose_round
from sgdesk.assessment.statistics import Summary, figure, one_place
from sgdesk.errors import NotFoundError
from sgdesk.fyear import Period
from sgdesk.reporting import ReportColumn, ReportTable
from sgdesk.store import BoardFile

FIGURES = [ReportColumn("n", "N", "int"), ReportColumn("mode", "Mode"), ReportColumn("mean", "Mean", "decimal"),
           ReportColumn("range", "Range", "decimal")]


def published_figures(summary: Summary, absent: str) -> dict[str, object]:
    """N, mode, mean and range as an output shows them; ``absent`` replaces hidden figures."""
    if absent:
        return {"n": summary.n, "mode": absent, "mean": None, "range": None}
    return {"n": summary.n, "mode": summary.mode_text, "mean": one_place(summary.mean),
            "range": figure(summary.range)}


def assessment_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    try:
        rnd = choose_round(bf, board_id, period)
    except NotFoundError as error:
        columns = [ReportColumn("section", "Section"), ReportColumn("code", "Code"), *FIGURES]
        return [ReportTable("Self-assessment", columns, [], [str(error)])]
    results = round_results(bf, rnd.id)
    tables = [_statements_table(results), _groups_table(results)]
    if results.previous is not None:
        tables.append(_change_table(results))
    tables.append(_strengths_table(results))
    return tables


def _notes(results: RoundResults) -> list[str]:
    rnd = results.round
    notes = [f"Round '{rnd.title}' ({rnd.status}), {rnd.period.label}, tool {results.tool.label}: "
             f"{results.respondents} of {results.invited} agencies answered."]
    if any(s.hidden and s.summary.n for s in results.statements):
        notes.append(f"Figures are hidden where fewer than {results.threshold} agencies answered "
                     "(the board's anonymity threshold).")
    notes.append("A split rating such as 2/3 counts as 2.5; tied modes show every tied score.")
    return notes


def _statements_table(results: RoundResults) -> ReportTable:
    columns = [ReportColumn("section", "Section"), ReportColumn("theme", "Theme"), ReportColumn("code", "Code"),
               ReportColumn("statement", "Statement"), *FIGURES]
    rows = [{"section": s.section, "theme": s.theme, "code": s.code, "statement": s.text,
             **published_figures(s.summary, s.absent_text)} for s in results.statements]
    return ReportTable(f"Self-assessment: {results.round.title}", columns, rows, _notes(results))


def _groups_table(results: RoundResults) -> ReportTable:
    columns = [ReportColumn("level", "Level"), ReportColumn("title", "Section or theme"), *FIGURES]
    rows = []
    for section in results.sections:
        rows.append({"level": "Section", "title": section.title,
                     **published_figures(section.summary, absent_text(section.summary, section.hidden))})
        for theme in results.themes:
            if theme.statements[0].section_index == section.statements[0].section_index:
                rows.append({"level": "Theme", "title": theme.title,
                             **published_figures(theme.summary, absent_text(theme.summary, theme.hidden))})
    return ReportTable("Themes and sections", columns, rows)


def _shown(statement: StatementResult, threshold: int) -> bool:
    before = statement.before
    return not statement.hidden and before is not None and before.n >= threshold and statement.change is not None


def _change_table(results: RoundResults) -> ReportTable:
    columns = [ReportColumn("code", "Code"), ReportColumn("statement", "Statement"),
               ReportColumn("before", "Mean before", "decimal"), ReportColumn("now", "Mean now", "decimal"),
               ReportColumn("change", "Change", "change")]
    rows = [{"code": s.code, "statement": s.text, "before": one_place(s.before.mean),
             "now": one_place(s.summary.mean), "change": s.change}
            for s in results.statements if _shown(s, results.threshold)]
    return ReportTable(f"Change since {results.previous.title}", columns, rows,
                       ["Change compares the published (rounded) means; statements new to this round, or with "
                        "too few responses in either round, are left out."])


def _strengths_table(results: RoundResults) -> ReportTable:
    columns = [ReportColumn("kind", "Finding"), ReportColumn("code", "Code"), ReportColumn("statement", "Statement"),
               ReportColumn("mean", "Mean", "decimal")]
    rows = [{"kind": kind, "code": s.code, "statement": s.text, "mean": one_place(s.summary.mean)}
            for kind, found in (("Strength", results.strengths()), ("Area for development",
                                                                    results.areas_for_development()))
            for s in found]
    return ReportTable("Strengths and areas for development", columns, rows,
                       ["The highest- and lowest-scoring statements by mean (ties at the edge all shown)."],
                       sheet="Strengths, development areas")
