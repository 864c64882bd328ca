"""What the Overview shows besides attention items: a new board's first steps, and the board at a glance.

Features register both (``registry.add_first_steps``, ``registry.add_glance``), as they register
attention items. A first step ticks itself off once its ``done`` test passes (the board has
organisations, attendance, a charging policy...). A glance is a short panel of what is coming
up or how things stand: the next meetings, open self-assessment rounds, training sessions with
places left, the year's spend against budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sgdesk.store import BoardFile


@dataclass(frozen=True)
class FirstStep:
    """One of a new board's first steps: what to do, the button that starts it, and how to tell it is done."""

    order: int                                  # place in the list (membership 10, training 40...)
    text: str                                   # what to do, e.g. "Add the partner agencies on the board"
    button: str                                 # the button that starts it, e.g. "Add an organisation…"
    done: Callable[[BoardFile, int], bool]      # whether the board has done it
    view: str                                   # the view where it is done
    target: dict[str, Any] = field(default_factory=dict)   # what that view should open (its show_target)
    import_kind: str | None = None              # set: the button opens File > Import for this kind instead


@dataclass(frozen=True)
class StepState:
    """A first step, and whether the board has done it."""

    step: FirstStep
    done: bool


@dataclass(frozen=True)
class Glance:
    """A short panel of what is coming up or how things stand, with the view that shows more."""

    order: int
    heading: str                                # "Next meetings"
    lines: tuple[str, ...]                      # one fact each; none: ``empty`` says why
    view: str                                   # where to see more
    target: dict[str, Any] = field(default_factory=dict)
    empty: str = ""                             # what to say when there are no lines


GlanceProvider = Callable[[BoardFile, int, dt.date], Glance]


def first_steps(bf: BoardFile, board_id: int, steps: list[FirstStep]) -> list[StepState]:
    """Each step in order, with whether the board has done it."""
    return [StepState(step, step.done(bf, board_id)) for step in sorted(steps, key=lambda s: s.order)]


def glances(bf: BoardFile, board_id: int, providers: list[GlanceProvider], today: dt.date | None = None
            ) -> list[Glance]:
    today = today or dt.date.today()
    return sorted((provider(bf, board_id, today) for provider in providers), key=lambda glance: glance.order)
