"""The demo board: Southend-on-Sea LSCB as its public 2016-19 reports describe it.

Organisations, sub-groups and figures come from the seed reports; every person's name is
invented. Each feature adds its part through the registry.
"""

from __future__ import annotations

from pathlib import Path

from sgdesk.boards import add_board
from sgdesk.store import BoardFile, create_board_file

DEMO_BOARD_NAME = "Southend-on-Sea Local Safeguarding Children Board"
DEMO_BOARD_SHORT = "Southend LSCB"


def build_demo(path: str | Path, *, overwrite: bool = False) -> BoardFile:
    """Write the demo board file at ``path`` (in one transaction) and return it open."""
    from sgdesk import registry

    parts = registry.load().demo_parts
    bf = create_board_file(path, overwrite=overwrite)
    try:
        with bf.edit("Create the demo board") as ed:
            board_id = add_board(ed, DEMO_BOARD_NAME, short_name=DEMO_BOARD_SHORT, kind="children")
            for _order, _name, part in parts:
                part(bf, ed, board_id)
    except BaseException:
        bf.close()
        Path(path).unlink(missing_ok=True)
        raise
    bf.editor.forget_history()  # the demo is the starting point, not an undoable step
    return bf
