"""The core's own contributions: a yes/no cell reader for import kinds, and the demo board's first part.

The organisations import kind and report live with membership (:mod:`sgdesk.membership.feature`).
"""

from __future__ import annotations

from typing import Any

from sgdesk.errors import InputError


def parse_yes_no(value: Any) -> bool:
    text = str(value).strip().casefold()
    if text in {"y", "yes", "true", "1", "statutory"}:
        return True
    if text in {"n", "no", "false", "0", ""}:
        return False
    raise InputError(f"'{value}'", "is not yes or no", "write Yes or No")


def register(registry) -> None:
    from sgdesk.search import Searchable

    registry.add_demo_part(0, "board, organisations and sub-groups", registry.lazy("sgdesk.core_demo:build_core_demo"))
    registry.add_search(Searchable(
        "organisation", ("name", "short_name"), "Organisation", "membership",
        "SELECT id, name AS title, coalesce(nullif(short_name, name), org_type) AS detail, NULL AS board_id "
        "FROM organisation"))
    registry.add_search(Searchable(
        "subgroup", ("name", "short_name"), "Sub-group", "membership",
        "SELECT id, name AS title, short_name AS detail, board_id FROM subgroup"))
