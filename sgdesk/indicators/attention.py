"""What the Overview shows about performance: indicators rated Red, provisional figures since finalised."""

from __future__ import annotations

from sgdesk.attention import AttentionItem
from sgdesk.indicators.matrix import build_matrix
from sgdesk.store import BoardFile

_VIEW = "performance"
_NAMED = 3


def indicators_attention(bf: BoardFile, board_id: int) -> list[AttentionItem]:
    """One line for the indicators rated Red, one for provisional figures with a later figure published."""
    matrix = build_matrix(bf, board_id, columns=0)
    items = []
    red = [row for row in matrix.rows() if row.judgement.rating == "red"]
    if red:
        names = ", ".join(row.indicator.name for row in red[:_NAMED]) + (
            f" and {len(red) - _NAMED} more" if len(red) > _NAMED else "")
        items.append(AttentionItem(_VIEW, f"{len(red)} indicator{'s are' if len(red) > 1 else ' is'} rated Red: "
                                          f"{names}", "warning", {"rag": "red"}))
    stale = [row for row in matrix.rows() if row.latest is not None and any(
        value.figure.provisional and value.period < row.latest.period for value in row.own.values())]
    if stale:
        items.append(AttentionItem(
            _VIEW, f"{len(stale)} indicator{'s have' if len(stale) > 1 else ' has'} provisional figures for earlier "
                   f"years, whose final figures are likely published now (first: {stale[0].indicator.name})",
            "info", {"indicator_id": stale[0].indicator.id}))
    return items
