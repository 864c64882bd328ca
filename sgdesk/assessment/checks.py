"""`sgdesk check` for self-assessment: answers that do not fit their round's tool."""

from __future__ import annotations

import json

from sgdesk.assessment.scores import Scale
from sgdesk.checks import Finding
from sgdesk.store import BoardFile


def assessment_checks(bf: BoardFile) -> list[Finding]:
    findings: list[Finding] = []
    foreign = bf.query(
        "SELECT r.title, count(*) FROM assessment_response a "
        "JOIN assessment_respondent p ON p.id = a.respondent_id JOIN assessment_round r ON r.id = p.round_id "
        "JOIN assessment_statement s ON s.id = a.statement_id WHERE s.tool_id != r.tool_id GROUP BY r.id")
    for title, count in foreign:
        findings.append(Finding("problem", f"self-assessment '{title}': {count} answer(s) are to statements of "
                                           "another tool", "delete those answers and enter them again in the round"))
    for round_id, title, scale_json in bf.query(
            "SELECT r.id, r.title, t.scale FROM assessment_round r JOIN assessment_tool t ON t.id = r.tool_id"):
        allowed = {score.halves for score in Scale.from_json(json.loads(scale_json)).scores()}
        given = bf.query("SELECT DISTINCT a.score_halves FROM assessment_response a JOIN assessment_respondent p "
                         "ON p.id = a.respondent_id WHERE p.round_id = ? AND a.score_halves IS NOT NULL", (round_id,))
        wrong = sorted(row[0] / 2 for row in given if row[0] not in allowed)
        if wrong:
            findings.append(Finding("problem", f"self-assessment '{title}': scores {', '.join(map(str, wrong))} "
                                               "are not on the tool's rating scale",
                                    "correct them in Self-assessment > Answers"))
    for title, start, end in bf.query("SELECT title, period_start, period_end FROM assessment_round "
                                      "WHERE period_end < period_start"):
        findings.append(Finding("warning", f"self-assessment '{title}' ends ({end}) before it starts ({start})",
                                "correct the period in Self-assessment > Round settings"))
    if not findings:
        findings.append(Finding("ok", "self-assessment: every answer fits its round's tool and scale"))
    return findings
