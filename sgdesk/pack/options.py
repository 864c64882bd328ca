"""The pack's choices: which appendices in which order, how they are numbered, the marking, and
the period of any appendix that covers a period of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from sgdesk.errors import InputError
from sgdesk.exporting import Appendix
from sgdesk.pack.catalogue import appendix_labels, available_appendices

APPENDICES_KEY = "appendices"
NUMBERING_KEY = "numbering"
MARKING_KEY = "marking"
PACK_KEYS = (APPENDICES_KEY, NUMBERING_KEY, MARKING_KEY)
PERIOD_FIELDS = ("from", "to", "year")
_NOT_PASSED_ON = (*PACK_KEYS, "title")  # the pack titles the appendices itself
_PERIOD_OPTION = re.compile(r"(?P<who>[^.\s]+)\.(?P<field>from|to|year)")
NO_MARKING = "none"
OPTIONS_HELP = ("appendices=membership,finance,assessment,training,data-matrix chooses them and their order; "
                "numbering=1 (or 4, or A) is the first appendix's number; marking=OFFICIAL replaces the board's "
                "protective marking (marking=none prints none); appendix1.from=01/09/2017 and appendix1.to=31/03/2019 "
                "(or appendix2.year=2018/19, or membership.from=...) give an appendix a period of its own, the pack's "
                "by default; other options but title go to the appendices (e.g. style=plain)")


@dataclass(frozen=True)
class PackChoices:
    """The appendices in order with their labels; ``marking`` None keeps the board's, "" prints none.

    ``periods`` holds, by appendix key, the fields ("from", "to", "year") of an appendix's own
    period, as typed; an appendix without covers the pack's period.
    """

    appendices: tuple[tuple[str, Appendix], ...]
    marking: str | None
    appendix_options: dict[str, str]
    periods: dict[str, dict[str, str]] = field(default_factory=dict)


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
    periods = _periods(options, dict(zip((f"appendix{label}".casefold() for label in labels), keys)), keys)
    rest = {key: value for key, value in options.items()
            if key not in _NOT_PASSED_ON and not _PERIOD_OPTION.fullmatch(key.strip().casefold())}
    return PackChoices(tuple(zip(labels, (available[key] for key in keys))), marking, rest, periods)


def _periods(options: Mapping[str, str], by_label: dict[str, str], keys: list[str]) -> dict[str, dict[str, str]]:
    """The own periods given as ``appendix1.from`` (by number in the pack) or ``membership.from`` (by name)."""
    periods: dict[str, dict[str, str]] = {}
    for name, value in options.items():
        match = _PERIOD_OPTION.fullmatch(name.strip().casefold())
        if not match or not value.strip():
            continue
        key = by_label.get(match["who"], match["who"])
        if key not in keys:
            first = next(iter(by_label), "appendix1")
            raise InputError(f"'{name}'", "names no appendix in this pack",
                             f"number it as the pack does ({first}.from=01/09/2017) or name it ({keys[0]}.from=...)")
        own = periods.setdefault(key, {})
        if match["field"] in own:
            raise InputError(f"'{name}'", "gives an appendix's period twice", "give each of from, to and year once")
        own[match["field"]] = value.strip()
    for key, own in periods.items():
        if "year" in own and own.keys() & {"from", "to"}:
            raise InputError(f"The period of the {key} appendix", "is given both as a year and as dates",
                             "give a year, or a from and a to date")
    return periods
