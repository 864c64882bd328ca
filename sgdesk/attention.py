"""Items that need the business unit's attention now, shown on the Overview."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from sgdesk.store import BoardFile


@dataclass(frozen=True)
class AttentionItem:
    """One thing that needs attention, as the Overview lists it, with the view that puts it right."""

    view: str                       # sidebar view that fixes it: "meetings", "finance", ...
    text: str                       # one line, e.g. "Board meeting 6 Feb 2019 is not recorded"
    severity: Literal["info", "warning", "problem"] = "warning"
    target: dict[str, Any] = field(default_factory=dict)   # what the view should select


AttentionProvider = Callable[[BoardFile, int], list[AttentionItem]]
