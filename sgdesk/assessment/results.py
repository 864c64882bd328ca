"""The results of a round: statistics per statement, theme and section, comments, change.

Everything here is anonymous by construction: scores and comments are pooled per statement,
and nothing that leaves this module names the respondent who gave them. ``hidden`` marks a
statement whose responses are fewer than the board's anonymity threshold; published outputs
print "too few responses" in its place, while the GUI shows the business manager the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from sgdesk.assessment.rounds import (
    Round,
    anonymity_threshold,
    get_round,
    previous_round,
)
from sgdesk.assessment.scores import Score
from sgdesk.assessment.statistics import Summary, summarise
from sgdesk.assessment.statistics import change as mean_change
from sgdesk.assessment.tool_store import StoredTool, load_tool, statement_rows
from sgdesk.store import BoardFile

TOO_FEW = "too few responses"
NO_RESPONSES = "no responses"
STRENGTHS_COUNT = 3


@dataclass(frozen=True)
class StatementResult:
    """One statement's results in a round: its scores pooled, its comments, and the previous round's figures."""

    id: int
    code: str
    text: str
    section: str
    section_index: int
    theme: str
    theme_index: int          # counts themes across the whole tool
    themes_in_table: bool
    summary: Summary
    comments: tuple[str, ...]
    hidden: bool              # fewer responses than the anonymity threshold
    before: Summary | None = None   # the same statement (by code) in the previous round

    @property
    def absent_text(self) -> str:
        """What a published output prints instead of figures ("" when the figures show)."""
        return absent_text(self.summary, self.hidden)

    @property
    def change(self) -> Decimal | None:
        return mean_change(self.summary, self.before)


def absent_text(summary: Summary, hidden: bool) -> str:
    if summary.n == 0:
        return NO_RESPONSES
    return TOO_FEW if hidden else ""


@dataclass(frozen=True)
class GroupResult:
    """A theme or section: its statements' answers pooled."""

    title: str
    summary: Summary
    statements: tuple[StatementResult, ...]
    hidden: bool


@dataclass
class RoundResults:
    """A round's results: every statement's figures, pooled by section and theme, against the anonymity threshold."""

    round: Round
    tool: StoredTool
    threshold: int
    respondents: int                  # respondents who answered at least one statement
    invited: int
    statements: list[StatementResult]
    previous: Round | None = None
    sections: list[GroupResult] = field(default_factory=list)
    themes: list[GroupResult] = field(default_factory=list)

    def comments_by_theme(self) -> list[tuple[str, list[str]]]:
        """(theme, comments) in tool order, unattributed; themes without comments are left out."""
        grouped: list[tuple[str, list[str]]] = []
        for theme in self.themes:
            texts = [text for statement in theme.statements for text in statement.comments]
            if texts:
                grouped.append((theme.title, texts))
        return grouped

    def ranked(self) -> list[StatementResult]:
        """Statements with figures that may be published, highest mean first (tool order on ties)."""
        shown = [s for s in self.statements if s.summary.mean is not None and not s.hidden]
        return sorted(shown, key=lambda s: (-s.summary.mean, self.statements.index(s)))

    def strengths(self, count: int = STRENGTHS_COUNT) -> list[StatementResult]:
        """The highest-scoring statements (more than ``count`` when the last place is a tie)."""
        return _top(self.ranked(), count)

    def areas_for_development(self, count: int = STRENGTHS_COUNT) -> list[StatementResult]:
        """The lowest-scoring statements, lowest first."""
        ranked = sorted(self.ranked(), key=lambda s: (s.summary.mean, self.statements.index(s)))
        return _top(ranked, count)


def _top(ranked: list[StatementResult], count: int) -> list[StatementResult]:
    if len(ranked) <= count:
        return ranked
    boundary = ranked[count - 1].summary.mean_rounded
    return [s for index, s in enumerate(ranked) if index < count or s.summary.mean_rounded == boundary]


def round_results(bf: BoardFile, round_id: int, *, with_change: bool = True) -> RoundResults:
    rnd = get_round(bf, round_id)
    tool = load_tool(bf, rnd.tool_id)
    threshold = anonymity_threshold(bf, rnd.board_id)
    rows = statement_rows(bf, rnd.tool_id)
    answers: dict[int, list[Score]] = {row["id"]: [] for row in rows}
    comments: dict[int, list[str]] = {row["id"]: [] for row in rows}
    for statement_id, halves, comment in bf.query(
            "SELECT r.statement_id, r.score_halves, r.comment FROM assessment_response r "
            "JOIN assessment_respondent p ON p.id = r.respondent_id "
            "WHERE p.round_id = ? ORDER BY r.statement_id, p.id", (round_id,)):
        if halves is not None:
            answers[statement_id].append(Score(halves))
        if comment and comment.strip():
            comments[statement_id].append(comment.strip())
    previous = previous_round(bf, rnd) if with_change else None
    before = {s.code.casefold(): s.summary for s in round_results(bf, previous.id, with_change=False).statements} \
        if previous else {}
    theme_ids: dict[int, int] = {}
    statements = []
    for row in rows:
        summary = summarise(answers[row["id"]])
        theme_index = theme_ids.setdefault(row["theme_id"], len(theme_ids))
        statements.append(StatementResult(
            row["id"], row["code"], row["text"], row["section"], row["section_position"], row["theme"], theme_index,
            bool(row["themes_in_table"]), summary, tuple(comments[row["id"]]), summary.n < threshold,
            before.get(row["code"].casefold())))
    respondents = bf.scalar(
        "SELECT count(DISTINCT p.id) FROM assessment_respondent p JOIN assessment_response r ON r.respondent_id = p.id "
        "WHERE p.round_id = ? AND r.score_halves IS NOT NULL", (round_id,))
    invited = bf.scalar("SELECT count(*) FROM assessment_respondent WHERE round_id = ?", (round_id,))
    results = RoundResults(rnd, tool, threshold, respondents, invited, statements, previous)
    results.sections = _groups(statements, lambda s: s.section_index, lambda s: s.section, answers, threshold)
    results.themes = _groups(statements, lambda s: s.theme_index, lambda s: s.theme, answers, threshold)
    return results


def _groups(statements: list[StatementResult], key: Callable[[StatementResult], int],
            title: Callable[[StatementResult], str], answers: dict[int, list[Score]],
            threshold: int) -> list[GroupResult]:
    groups: dict[int, list[StatementResult]] = {}
    for statement in statements:
        groups.setdefault(key(statement), []).append(statement)
    result = []
    for members in groups.values():
        summary = summarise(score for s in members for score in answers[s.id])
        result.append(GroupResult(title(members[0]), summary, tuple(members), summary.n < threshold))
    return result
