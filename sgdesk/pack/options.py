"""The pack's choices: which appendices in which order, how they are numbered, the marking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from sgdesk.errors import InputError
from sgdesk.exporting import Appendix
from sgdesk.pack.catalogue import appendix_labels, available_appendices

APPENDICES_KEY = "appendices"
NUMBERING_KEY = "numbering"
MARKING_KEY = "marking"
PACK_KEYS = (APPENDICES_KEY, NUMBERING_KEY, MARKING_KEY)
_NOT_PASSED_ON = (*PACK_KEYS, "title")  # the pack titles the appendices itself
NO_MARKING = "none"
OPTIONS_HELP = ("appendices=membership,finance,assessment,training,data-matrix chooses them and their order; "
                "numbering=1 (or 4, or A) is the first appendix's number; marking=OFFICIAL replaces the board's protective "
                "marking (marking=none prints none); other options but title go to the appendices (e.g. "
                "style=plain)")


@dataclass(frozen=True)
class PackChoices:
    """The appendices in order with their labels; ``marking`` None keeps the board's, "" prints none."""

    appendices: tuple[tuple[str, Appendix], ...]
    marking: str | None
    appendix_options: dict[str, str]


def pack_choices(options: Mapping[str, str]) -> PackChoices:
    """Read the pack's options (``ExportRequest.options``), or say which one to fix."""
    available = {source.key: source for source in available_appendices()}
    wanted = options.get(APPENDICES_KEY)
    keys = [key.strip().casefold() for key in wanted.split(",") if key.strip()] if wanted else \
        [key for key, source in available.items() if source.in_pack]
    for key in keys:
        if key not in available:
            raise InputError(f"'{key}'", "is not an appendix SG Desk can put in the pack",
                             f"choose from {', '.join(available) or 'none: no appendix is available'}")
    if len(set(keys)) != len(keys):
        raise InputError(f"'{wanted}'", "names an appendix twice", "name each appendix once")
    if not keys:
        raise InputError("The pack", "has no appendices", f"choose at least one of {', '.join(available)}")
    labels = appendix_labels(options.get(NUMBERING_KEY) or "1", len(keys))
    marking = options.get(MARKING_KEY)
    if marking is not None:
        marking = "" if marking.strip().casefold() in ("", NO_MARKING) else " ".join(marking.split())
    rest = {key: value for key, value in options.items() if key not in _NOT_PASSED_ON}
    return PackChoices(tuple(zip(labels, (available[key] for key in keys))), marking, rest)
