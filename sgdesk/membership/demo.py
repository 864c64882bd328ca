"""Demo part 10: the Board's 2017-19 seats, meetings and attendance, sub-group chairs, forward plan.

The seats, meeting dates and marks are Appendix 1 of the 2017-19 annual report (seed 000) as
printed: 12 seats, 7 meetings from 21 Sep 2017 to 6 Feb 2019, the last one held but not yet
recorded. Sub-group chairs and vice chairs are the business plan's (seed 001, Appendix 1),
with the Local Child Death Review Panel. The forward plan puts the business plan's standing
items (seed 001, section 5) on the 2018 meetings. Every person's name is invented.
"""

from __future__ import annotations

import datetime as dt

from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.bodies import add_subgroup, board_body, list_subgroups
from sgdesk.membership.meetings import add_forward_item, add_meeting
from sgdesk.membership.seats import add_seat, appoint, person_for
from sgdesk.organisations import add_organisation, find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

MEETING_DATES = (dt.date(2017, 9, 21), dt.date(2017, 11, 16), dt.date(2018, 2, 21), dt.date(2018, 6, 5),
                 dt.date(2018, 9, 25), dt.date(2018, 12, 11), dt.date(2019, 2, 6))
VENUE = "Civic Centre, Victoria Avenue, Southend"

# (shown as, organisation, role, representative, job title, marks at the first six meetings)
BOARD_SEATS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Clinical Commissioning Group", "NHS Southend Clinical Commissioning Group", "Member", "Priya Raman",
     "Chief Officer", "YYNYYY"),
    ("Designated Doctor for Safeguarding", "Southend University Hospital NHS Foundation Trust", "Designated Doctor",
     "Dr Łukasz Nowak", "Designated Doctor for Safeguarding Children", "YYYYAA"),
    ("Essex Community Rehabilitation Co.", "Essex Community Rehabilitation Company", "Member", "Gareth Pugh",
     "Chief Officer", "YYYYYY"),
    ("Essex Police", "Essex Police", "Member", "Zoë Adeyemi", "Detective Superintendent, Head of CAIU", "YYYYYY"),
    ("Lay Member", "Lay members", "Lay Member", "Niamh Gallagher", "Community Lay Member", "NNNNAY"),
    ("National Probation Service", "National Probation Service", "Member", "Hannah Okafor",
     "Assistant Chief Officer", "YYAYYY"),
    ("SBC", "Southend Borough Council", "Vice Chair", "Siân Pryce", "Corporate Director, Department for People",
     "YYYYYY"),
    ("SBC Children's Services", "Southend Borough Council Children's Services", "Member", "Daniel Achterberg",
     "Director of Children's Services", "YYYAYY"),
    ("SBC Children's Services", "Southend Borough Council Children's Services", "Member", "Rachel Whitfield",
     "Head of Children's Specialist Services", "YYYYYY"),
    ("SBC Councillor", "Southend Borough Council", "Lead Member", "Cllr Margaret Ellery",
     "Lead Member for Children and Learning", "YYAYYY"),
    ("Southend LSCB", "Southend Local Safeguarding Children Board", "Independent Chair", "Fiona Castellano",
     "Independent Chair", "YYYYYY"),
    ("SUHFT", "Southend University Hospital NHS Foundation Trust", "Member", "Oluwaseun Adebayo",
     "Assistant Director Women's and Children's Services", "NANYYY"),
)

# nominated deputies: (shown as, representative, deputy, job title)
DEPUTIES = (
    ("Clinical Commissioning Group", "Priya Raman", "Tomasz Wiśniewski", "Designated Nurse"),
    ("Essex Police", "Zoë Adeyemi", "Aisha Rahman", "Detective Inspector, CAIU"),
)

FOOTBALL_CLUB = "Southend Football Club"
CHILD_DEATH_PANEL = ("Local Child Death Review Panel", "Child Death Review")

# sub-group: (chair, vice chair), each (organisation, person, job title); None: position vacant
SUBGROUP_CHAIRS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str] | None]] = {
    "LSCB Executive Group": (
        ("Southend Borough Council Children's Services", "Marcus Ellingham",
         "Specialist Manager, Specialist Resources and Quality Assurance"),
        ("South Essex Partnership NHS Foundation Trust", "Bethan Howells", "Lead Nurse for Safeguarding")),
    "Monitoring Sub Group": (
        ("South Essex Partnership NHS Foundation Trust", "Grace Mensah", "Specialist Nurse for Safeguarding"),
        ("Southend Borough Council Children's Services", "Kieran Doyle",
         "Safeguarding & Child Protection Coordinator")),
    "Learning & Development Sub Group": (
        ("Southend University Hospital NHS Foundation Trust", "Anita Chaudhry", "Safeguarding Nurse Specialist"),
        ("NHS Southend Clinical Commissioning Group", "Rhys Morgan", "Safeguarding Adults Nurse Specialist")),
    "Community Sub Group": (
        ("Southend Borough Council", "Dr Imogen Carter", "Assistant Director of Public Health"),
        (FOOTBALL_CLUB, "Leon Fraser", "Safeguarding Lead")),
    "CSE & Missing Children Group": (
        ("Southend Borough Council", "Joanne Pike", "Group Manager, Specialist Resources and Quality Assurance"),
        None),
    "Case Review Panel": (
        ("NHS Southend Clinical Commissioning Group", "Tomasz Wiśniewski", "Designated Nurse"),
        ("Southend University Hospital NHS Foundation Trust", "Oluwaseun Adebayo",
         "Assistant Director Women's and Children's Services")),
    CHILD_DEATH_PANEL[0]: (
        ("Southend Borough Council", "Dr Imogen Carter", "Assistant Director of Public Health"),
        ("Southend University Hospital NHS Foundation Trust", "Dr Sunita Varma",
         "Designated Doctor for Child Deaths")),
}
FREQUENCIES = {"LSCB Executive Group": "Bi-monthly", "CSE & Missing Children Group": "Monthly",
               "Case Review Panel": "Monthly"}

# the business plan's standing items, by the meeting they fall to, with the lead organisation
FORWARD_PLAN: dict[dt.date, tuple[tuple[str, str], ...]] = {
    dt.date(2018, 2, 21): (
        ("Monitor Key PIs", "Southend Local Safeguarding Children Board"),
        ("Review Business Plan Priorities", "Southend Local Safeguarding Children Board"),
        ("Private Fostering Report", "Southend Borough Council Children's Services"),
        ("Corporate Parenting Interim Report", "Southend Borough Council Children's Services"),
        ("Domestic Abuse Strategy Update", "Southend Borough Council"),
        ("Executive Summary Report", "Southend Local Safeguarding Children Board")),
    dt.date(2018, 6, 5): (
        ("Monitor Key PIs", "Southend Local Safeguarding Children Board"),
        ("C&YP Plan", "Southend Borough Council Children's Services"),
        ("Findings from single agency safeguarding performance reports", "Southend Local Safeguarding Children Board"),
        ("Attendance Report", "Southend Local Safeguarding Children Board"),
        ("Domestic Abuse Strategy Update", "Southend Borough Council"),
        ("Executive Summary Report", "Southend Local Safeguarding Children Board")),
    dt.date(2018, 9, 25): (
        ("Monitor Key PIs", "Southend Local Safeguarding Children Board"),
        ("Annual Report from Strategic Child Death Review Panel", "Southend Borough Council"),
        ("Corporate Parenting Annual Report", "Southend Borough Council Children's Services"),
        ("Report on review of Serious Case Reviews", "Southend Local Safeguarding Children Board"),
        ("Domestic Abuse Strategy Update", "Southend Borough Council"),
        ("Executive Summary Report", "Southend Local Safeguarding Children Board")),
    dt.date(2018, 12, 11): (
        ("Annual Report", "Southend Local Safeguarding Children Board"),
        ("Agree budget proposals and partner contributions", "Southend Local Safeguarding Children Board"),
        ("Monitoring Sub Group Audits Report", "South Essex Partnership NHS Foundation Trust"),
        ("Domestic Abuse Strategy Update", "Southend Borough Council"),
        ("Executive Summary Report", "Southend Local Safeguarding Children Board")),
}


def _org(bf: BoardFile, name: str) -> int:
    org_id = find_organisation(bf, name)
    if org_id is None:
        raise LookupError(f"the demo needs the organisation {name!r} from the core demo part")
    return org_id


def build_membership_demo(bf: BoardFile, ed: Action, board_id: int) -> None:
    board = board_body(bf, board_id)
    meetings = [add_meeting(ed, board, day, starts_at="14:00", venue=VENUE, status="held") for day in MEETING_DATES]
    marks = []
    seats: dict[tuple[str, str], int] = {}
    for shown_as, organisation, role, name, job_title, printed in BOARD_SEATS:
        org_id = _org(bf, organisation)
        short_name = bf.scalar("SELECT short_name FROM organisation WHERE id = ?", (org_id,))
        seat_id = add_seat(ed, board, org_id, role=role, label=None if shown_as == short_name else shown_as)
        appoint(ed, bf, seat_id, person_for(ed, bf, name, job_title=job_title))
        seats[(shown_as, name)] = seat_id
        marks += [MarkEdit(seat_id, meeting_id, mark) for meeting_id, mark in zip(meetings, printed)]
    write_marks(ed, bf, marks)
    for shown_as, representative, deputy, job_title in DEPUTIES:
        appoint(ed, bf, seats[(shown_as, representative)], person_for(ed, bf, deputy, job_title=job_title),
                kind="deputy")

    add_organisation(ed, FOOTBALL_CLUB, short_name="Southend FC", org_type="voluntary")
    add_subgroup(ed, board_id, CHILD_DEATH_PANEL[0], short_name=CHILD_DEATH_PANEL[1])
    for subgroup in list_subgroups(bf, board_id):
        ed.update("subgroup", subgroup.subgroup_id, {"frequency": FREQUENCIES.get(subgroup.name, "Quarterly")})
        for role, holder in zip(("Chair", "Vice Chair"), SUBGROUP_CHAIRS.get(subgroup.name, (None, None))):
            if holder is not None:
                organisation, name, job_title = holder
                seat_id = add_seat(ed, subgroup, _org(bf, organisation), role=role)
                appoint(ed, bf, seat_id, person_for(ed, bf, name, job_title=job_title))

    by_date = dict(zip(MEETING_DATES, meetings))
    for day, items in FORWARD_PLAN.items():
        for title, lead in items:
            add_forward_item(ed, bf, by_date[day], title, lead_organisation_id=_org(bf, lead))
