"""Importing answers: kind ``assessment`` (long format) and ``assessment-form`` (returned forms).

Both check every row against the round's tool before writing anything: scores off the
scale, text that is not a score, unknown statements, unknown agencies, closed rounds and an
agency answering the same statement twice are each reported with their row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sgdesk.assessment.rounds import (
    Round,
    add_respondent,
    find_respondent,
    find_round,
    set_response,
    set_submitted,
)
from sgdesk.assessment.scores import Scale, Score, parse_score
from sgdesk.assessment.tool_store import load_tool
from sgdesk.dates import parse_date
from sgdesk.errors import InputError
from sgdesk.fyear import FinancialYear
from sgdesk.importing.framework import (
    Column,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-"})

ROUND = Column("round", "Round", "the round's title, or its year such as 2018/19 when the board has one round "
               "that year", aliases=("Year", "Assessment round", "Audit"), example="Board self-assessment 2018/19")
RESPONDENT = Column("respondent", "Respondent", "the answering agency's name or short name, as in Organisations",
                    aliases=("Organisation", "Agency", "Partner"), example="Essex Police")
SCORE = Column("score", "Score", "a whole score on the tool's scale (1 poor, 2 adequate, 3 good, 4 outstanding), a "
               "split rating such as 2/3, or blank or n/a when not answered", parse=lambda value: value,
               required=False, aliases=("Rating", "Grade"), example="3")
COMMENT = Column("comment", "Comment", "the agency's comment or evidence (optional); published without the agency's "
                 "name", required=False, aliases=("Comments", "Evidence", "Commentary"),
                 example="Board members take ownership of actions.")


@dataclass(frozen=True)
class Answer:
    """One agency's answer to a statement, read from an import row and checked against its round's tool."""

    row: int
    round: Round
    organisation_id: int
    statement_id: int
    score: Score | None
    comment: str | None
    person: str | None = None
    submitted: dt.date | None = None


def _normalised(text: str) -> str:
    return " ".join(str(text).translate(_QUOTES).split()).casefold().rstrip(".")


class _Statements:
    """Statements of one tool, found by code or by full text."""

    def __init__(self, bf: BoardFile, tool_id: int) -> None:
        self.tool = load_tool(bf, tool_id)
        rows = bf.query("SELECT id, code, text FROM assessment_statement WHERE tool_id = ?", (tool_id,))
        self.by_code = {row["code"].casefold(): row["id"] for row in rows}
        self.by_text = {_normalised(row["text"]): row["id"] for row in rows}
        self.codes = {row["id"]: row["code"] for row in rows}

    @property
    def scale(self) -> Scale:
        return self.tool.spec.scale

    def find(self, value: Any) -> int | None:
        text = str(value).strip()
        return self.by_code.get(text.casefold()) or self.by_text.get(_normalised(text))

    def example_codes(self) -> str:
        codes = list(self.codes.values())
        return ", ".join(codes[:3])


class ResponsesImport(ImportKind):
    """What both kinds share: resolving rounds, agencies and statements; writing the answers."""

    statement_key = "statement"

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[Answer]:
        rounds: dict[str, Round | None] = {}
        tools: dict[int, _Statements] = {}
        seen: dict[tuple[int, int, int], int] = {}
        answers = []
        for row in rows:
            rnd = self._round(bf, board_id, row["round"], rounds, source, row.number, problems)
            org_id = find_organisation(bf, row["respondent"]) if row["respondent"] else None
            if row["respondent"] and org_id is None:
                problems.append(Problem(source, row.number, RESPONDENT.label, row["respondent"],
                                        "is not an organisation in this file",
                                        "use an agency's name or short name (add new agencies with the "
                                        "organisations import first)"))
            if rnd is None:
                continue
            if rnd.tool_id not in tools:
                tools[rnd.tool_id] = _Statements(bf, rnd.tool_id)
            found = self._statement_and_score(row, tools[rnd.tool_id], source, problems)
            if found is None or org_id is None:
                continue
            statement_id, score = found
            key = (rnd.id, org_id, statement_id)
            if key in seen:
                problems.append(Problem(source, row.number, self._statement_label(), row[self.statement_key],
                                        f"is answered a second time by {row['respondent']} (also row {seen[key]})",
                                        "keep one answer per agency and statement"))
                continue
            seen[key] = row.number
            answers.append(Answer(row.number, rnd, org_id, statement_id, score, row["comment"], row["person"],
                                  row["submitted"]))
        return answers

    def _round(self, bf: BoardFile, board_id: int, value: Any, cache: dict[str, Round | None], source: str,
               row: int, problems: list[Problem]) -> Round | None:
        if value is None:
            return None
        key = str(value).strip()
        if key not in cache:
            found = find_round(bf, board_id, key)
            if not found:
                try:
                    found = find_round(bf, board_id, FinancialYear.parse(key).label)
                except InputError:
                    found = []
            cache[key] = found[0] if len(found) == 1 else None
            if not found:
                problems.append(Problem(source, row, ROUND.label, value, "is not a self-assessment round of this board",
                                        "give the round's title as shown in Self-assessment (create the round first)"))
            elif len(found) > 1:
                problems.append(Problem(source, row, ROUND.label, value, f"matches {len(found)} rounds",
                                        "give the round's full title instead"))
            elif not found[0].is_open:
                cache[key] = None
                problems.append(Problem(source, row, ROUND.label, value, f"is {found[0].status}",
                                        "reopen the round in Self-assessment before importing answers into it"))
        return cache[key]

    def _statement_label(self) -> str:
        return next(c.label for c in self.columns if c.key == self.statement_key)

    def _statement_and_score(self, row: ParsedRow, statements: _Statements, source: str,
                             problems: list[Problem]) -> tuple[int, Score | None] | None:
        statement_id = statements.find(row[self.statement_key]) if row[self.statement_key] else None
        if row[self.statement_key] and statement_id is None:
            problems.append(Problem(source, row.number, self._statement_label(), row[self.statement_key],
                                    f"is not a statement of the tool '{statements.tool.spec.name}'",
                                    f"use a statement code (such as {statements.example_codes()}) or its full text"))
        try:
            score = parse_score(row["score"], statements.scale)
        except InputError as error:
            problems.append(Problem(source, row.number, SCORE.label, row["score"], error.why, error.fix))
            return None
        return None if statement_id is None else (statement_id, score)

    def apply(self, plan: list[Answer], ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        respondents: dict[tuple[int, int], int] = {}
        last_date: dict[int, dt.date | None] = {}
        for answer in plan:
            key = (answer.round.id, answer.organisation_id)
            if key not in respondents:
                respondent = find_respondent(bf, *key)
                if respondent is None:
                    respondent = add_respondent(ed, bf, *key)
                    summary.count("respondents")
                respondents[key] = respondent
            respondent = respondents[key]
            if answer.person:
                ed.update("assessment_respondent", respondent, {"person": answer.person})
            last_date[respondent] = answer.submitted or last_date.get(respondent)
            outcome = set_response(ed, bf, respondent, answer.statement_id, answer.score, answer.comment)
            if outcome is None:
                summary.skipped += 1
            else:
                summary.count("answers", outcome)
        for respondent, day in last_date.items():
            already = bf.scalar("SELECT submitted_on FROM assessment_respondent WHERE id = ?", (respondent,))
            if day is not None or already is None:
                set_submitted(ed, respondent, day or dt.date.today())
        if last_date:
            summary.notes.append(f"{len(last_date)} agencies' returns are marked as received")


class AssessmentImport(ResponsesImport):
    name = "assessment"
    title = "self-assessment answers"
    description = ("Answers to a self-assessment or audit round, one row per agency and statement. The round "
                   "must exist and be open; agencies not yet in the round are added to it. A statement is found by "
                   "its code or its full text. Existing answers are replaced; a blank score records 'not answered'.")
    columns = (
        ROUND,
        RESPONDENT,
        Column("statement", "Statement", "the statement's code (e.g. SD1) or its full text",
               aliases=("Code", "Statement code", "Question"), example="SD1"),
        SCORE,
        COMMENT,
        Column("person", "Completed by", "who completed the return (optional; personal data)", required=False,
               aliases=("Person", "Name", "Completed by name"), example="Siân Pryce"),
        Column("submitted", "Date returned", "when the agency returned its answers (optional; default today)",
               parse=parse_date, required=False, aliases=("Submitted", "Date submitted", "Returned"),
               example="21/01/2019"),
    )


class AssessmentFormImport(ResponsesImport):
    name = "assessment-form"
    title = "returned self-assessment forms"
    description = ("A response form exported from SG Desk (Self-assessment > Export forms, or `sgdesk export FILE "
                   "assessment-form`) and filled in by an agency. Every statement row is read: a blank score "
                   "records 'not answered'. The agency's return is marked as received today.")
    statement_key = "code"
    columns = (
        ROUND,
        RESPONDENT,
        Column("code", "Code", "the statement's code, as the form gives it (do not change it)",
               aliases=("Statement code",), example="EN8"),
        Column("section", "Section", "shown for reference; not read", required=False, example="Enablers of Board "
               "Effectiveness"),
        Column("theme", "Theme", "shown for reference; not read", required=False, example="Leadership"),
        Column("statement", "Statement", "shown for reference; not read (the code identifies the statement)",
               required=False, example="Board Members actively raise the profile of the board and its role."),
        SCORE,
        COMMENT,
    )


def form_headers() -> list[str]:
    """The header row of an exported response form (the form kind's columns, in order)."""
    return [column.label for column in AssessmentFormImport.columns]
