"""Demo part 30: the board self-assessment of 2018/19 (Appendix 3) and an open 2019/20 round."""

from __future__ import annotations

import datetime as dt

from sgdesk.assessment import demo_data
from sgdesk.assessment.rounds import (
    add_respondent,
    create_round,
    set_response,
    set_submitted,
    update_round,
)
from sgdesk.assessment.scores import Scale, Score, parse_score
from sgdesk.assessment.tool_store import install_tool
from sgdesk.assessment.tools import SEED_TOOL_KEY, built_in_tool
from sgdesk.fyear import Period
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

PUBLISHED_TITLE = "Board self-assessment 2018/19"
OPEN_TITLE = "Board self-assessment 2019/20"


def build_assessment_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    spec = built_in_tool(SEED_TOOL_KEY)
    tool_id = install_tool(ed, bf, spec, built_in=True)
    statements = {row[0]: row[1] for row in bf.query(
        "SELECT code, id FROM assessment_statement WHERE tool_id = ?", (tool_id,))}
    organisations = [find_organisation(bf, name) for name, _person in demo_data.RESPONDENTS]

    published = create_round(ed, bf, board_id, tool_id, PUBLISHED_TITLE, Period.for_year("2018/19"),
                             dt.date(2019, 2, 15))
    comments = {(code, index): text for code, index, text in demo_data.COMMENTS}
    for index, (org_id, (_name, person)) in enumerate(zip(organisations, demo_data.RESPONDENTS)):
        respondent = add_respondent(ed, bf, published, org_id, person)
        for code, answers in demo_data.ANSWERS.items():
            set_response(ed, bf, respondent, statements[code], parse_score(answers[index] or None, spec.scale),
                         comments.get((code, index)))
        set_submitted(ed, respondent, dt.date(2019, 1, 21) + dt.timedelta(days=4 * index))
    update_round(ed, bf, published, status="published")

    following = create_round(ed, bf, board_id, tool_id, OPEN_TITLE, Period.for_year("2019/20"), dt.date(2020, 2, 28))
    for index, (org_id, (_name, person)) in enumerate(zip(organisations, demo_data.RESPONDENTS)):
        respondent = add_respondent(ed, bf, following, org_id, person)
        if index < demo_data.NEXT_ROUND_SUBMITTED:
            codes = tuple(demo_data.ANSWERS)
            set_submitted(ed, respondent, dt.date(2020, 1, 13) + dt.timedelta(days=5 * index))
        elif index == demo_data.NEXT_ROUND_SUBMITTED:
            codes = demo_data.NEXT_ROUND_STARTED_CODES
        else:
            continue
        for code in codes:
            earlier = parse_score(demo_data.ANSWERS[code][index] or None, spec.scale)
            set_response(ed, bf, respondent, statements[code], _raised(earlier, spec.scale, code), None)


def _raised(score: Score | None, scale: Scale, code: str) -> Score | None:
    """The 2019/20 answer: a point higher where it was below good on a statement the board worked on."""
    if score is None or code not in demo_data.NEXT_ROUND_RAISED or score.value >= 3:
        return score
    return Score(min(score.halves + 2, 2 * scale.highest))
