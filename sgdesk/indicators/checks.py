"""`sgdesk check` on performance data: rules that cannot rate, comparisons that cannot place the board."""

from __future__ import annotations

from sgdesk.boards import list_boards
from sgdesk.checks import Finding
from sgdesk.indicators.areas import list_areas
from sgdesk.indicators.definitions import list_indicators
from sgdesk.indicators.regional import list_comparisons, load_comparison
from sgdesk.store import BoardFile


def indicators_checks(bf: BoardFile) -> list[Finding]:
    findings: list[Finding] = []
    for board in list_boards(bf):
        indicators = list_indicators(bf, board.id)
        kinds = {area.kind for area in list_areas(bf, board.id)}
        has_figures = bf.scalar("SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id "
                                "WHERE i.board_id = ?", (board.id,))
        if has_figures and "own" not in kinds:
            findings.append(Finding("warning", f"{board.display_name}: indicators have figures but no area is this "
                                               "authority, so none is rated", "mark this authority in Performance > "
                                                                               "Areas"))
        with_sn = bf.scalar("SELECT count(*) FROM indicator_value v JOIN indicator_area a ON a.id = v.area_id "
                            "WHERE a.board_id = ? AND a.kind = 'sn_average'", (board.id,))
        against_sn = [i.name for i in indicators if i.rule.basis == "sn_average" and i.polarity != "neither"]
        if against_sn and not with_sn:
            findings.append(Finding("warning", f"{board.display_name}: {len(against_sn)} indicators are rated against "
                                               f"the statistical neighbours' average, which has no figures (first: "
                                               f"{against_sn[0]})", "import the neighbours' average, or rate them "
                                                                    "against England in Performance > Indicators"))
        for comparison in list_comparisons(bf, board.id):
            loaded = load_comparison(bf, comparison)
            if comparison.this_partnership not in loaded.partnerships:
                findings.append(Finding("problem", f"{board.display_name}: the regional comparison "
                                                   f"'{comparison.title} {comparison.period}' does not list this "
                                                   f"board's partnership ({comparison.this_partnership})",
                                        "import it again with This board marked Yes on this board's rows"))
    if not findings:
        findings.append(Finding("ok", "performance indicators and regional comparisons are consistent"))
    return findings
