"""The core's part of the demo board (part 0): the Southend partner agencies and LSCB sub-groups (seed 001,
Appendix 1)."""

from __future__ import annotations

from sgdesk.organisations import add_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

# (name, short name, type, statutory, aliases)
ORGANISATIONS: tuple[tuple[str, str, str, bool, tuple[str, ...]], ...] = (
    ("Southend Borough Council", "SBC", "council", True, ("Southend Council",)),
    ("Southend Borough Council Children's Services", "SBC Children's Services", "council", False, ()),
    ("Essex Police", "Essex Police", "police", True, ("Southend Police",)),
    ("Essex Police and Crime Commissioner", "Essex PCC", "police", False, ()),
    ("NHS Southend Clinical Commissioning Group", "Southend CCG", "health", True,
     ("Clinical Commissioning Group", "NHS Southend CCG", "CCG")),
    ("Southend University Hospital NHS Foundation Trust", "SUHFT", "health", False,
     ("Southend University Hospital NHS Trust", "Southend Hospital")),
    ("South Essex Partnership NHS Foundation Trust", "SEPT", "health", False, ()),
    ("National Probation Service", "NPS", "probation", False, ()),
    ("Essex Community Rehabilitation Company", "Essex CRC", "probation", False,
     ("Essex Community Rehabilitation Co.",)),
    ("CAFCASS", "CAFCASS", "courts", False, ("Child and Family Courts Advisory & Support Service",)),
    ("Essex County Fire and Rescue Service", "ECFRS", "fire", False, ()),
    ("South Essex College", "South Essex College", "education", False, ()),
    ("Schools and Colleges", "Schools & Colleges", "education", False, ()),
    ("Southend Association of Voluntary Services", "SAVS", "voluntary", False, ()),
    ("Southend Local Safeguarding Children Board", "Southend LSCB", "board", False, ()),
    ("Lay members", "Lay Member", "lay", False, ()),
)

# (name, short name)
SUBGROUPS: tuple[tuple[str, str], ...] = (
    ("LSCB Executive Group", "Executive"),
    ("Monitoring Sub Group", "Monitoring"),
    ("Learning & Development Sub Group", "L&D"),
    ("Community Sub Group", "Community"),
    ("CSE & Missing Children Group", "CSE & Missing"),
    ("Case Review Panel", "Case Review"),
)


def build_core_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    for name, short, org_type, statutory, aliases in ORGANISATIONS:
        add_organisation(ed, name, short_name=short, org_type=org_type, statutory=statutory, aliases=aliases)
    for name, short in SUBGROUPS:
        ed.insert("subgroup", {"board_id": board_id, "name": name, "short_name": short})
