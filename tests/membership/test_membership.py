"""Membership: organisations with aliases and dates, seats and who holds them, the imports and reports."""

from __future__ import annotations

import datetime as dt

import pytest

from sgdesk import registry
from sgdesk.errors import InputError, SGDeskError
from sgdesk.importing import ImportProblems, run_import
from sgdesk.membership.attendance import MarkEdit, write_marks
from sgdesk.membership.attention import membership_attention
from sgdesk.membership.bodies import board_body, find_body, list_bodies
from sgdesk.membership.checks import membership_checks
from sgdesk.membership.details import MEETING, ORGANISATION, change_detail
from sgdesk.membership.meetings import add_meeting
from sgdesk.membership.reports import members_report, organisations_report
from sgdesk.membership.seats import (
    add_seat,
    appoint,
    delete_seat,
    end_seat,
    get_seat,
    holdings_on,
    list_seats,
    person_for,
)
from sgdesk.organisations import add_organisation, find_organisation


def _write(path, text):
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _import(bf, kind, source):
    return run_import(bf, registry.load().import_kinds[kind], source, 1)


def _seat_id(bf, shown_as):
    return next(s.id for s in list_seats(bf, board_body(bf, 1)) if s.shown_as == shown_as)


# -- the demo ------------------------------------------------------------------------------------------
def test_the_demo_has_the_business_plans_sub_groups_and_chairs(demo):
    bodies = list_bodies(demo, 1)
    assert [b.display_name for b in bodies] == ["Southend LSCB", "Executive", "Monitoring", "L&D", "Community",
                                                "CSE & Missing", "Case Review", "Child Death Review"]
    community = find_body(demo, 1, "Community Sub Group")
    chairs = {s.role: (s.representative_name(), s.organisation_name) for s in list_seats(demo, community)}
    assert chairs == {"Chair": ("Dr Imogen Carter", "Southend Borough Council"),
                      "Vice Chair": ("Leon Fraser", "Southend Football Club")}
    cse = list_seats(demo, find_body(demo, 1, "CSE & Missing"))
    assert [s.role for s in cse] == ["Chair"]                 # the vice chair's position is vacant
    # the business plan's standing items on the 2018 meetings, and the 6 Feb 2019 agenda of the meeting papers demo
    assert demo.scalar("SELECT count(*) FROM forward_item") == 23 + 5


# -- seats and terms ----------------------------------------------------------------------------------
def test_a_new_representative_ends_the_previous_term_the_day_before(demo):
    seat_id = _seat_id(demo, "Lay Member")
    with demo.edit("Appoint") as ed:
        appoint(ed, demo, seat_id, person_for(ed, demo, "Łukasz Nowak"), starts_on=dt.date(2019, 1, 1))
    seat = get_seat(demo, seat_id)
    assert [(h.name, h.ends_on) for h in seat.holders] == [("Niamh Gallagher", dt.date(2018, 12, 31)),
                                                          ("Łukasz Nowak", None)]
    assert seat.representative_on(dt.date(2018, 12, 11)).name == "Niamh Gallagher"
    assert seat.representative_on(dt.date(2019, 2, 6)).name == "Łukasz Nowak"


def test_a_new_representative_needs_a_start_date_while_someone_is_in_post(demo):
    seat_id = _seat_id(demo, "Lay Member")
    with pytest.raises(InputError, match=r"\(Niamh Gallagher\) is still in post: give the date the new"):
        with demo.edit("Appoint") as ed:
            appoint(ed, demo, seat_id, person_for(ed, demo, "Zoë Adeyemi"))


def test_ending_a_seat_ends_its_open_terms_and_a_seat_with_marks_cannot_be_removed(demo):
    seat_id = _seat_id(demo, "SBC Councillor")
    with demo.edit("End") as ed:
        end_seat(ed, demo, seat_id, dt.date(2019, 3, 31))
    seat = get_seat(demo, seat_id)
    assert seat.ends_on == dt.date(2019, 3, 31) and seat.holders[0].ends_on == dt.date(2019, 3, 31)
    with pytest.raises(SGDeskError, match="has attendance marks, so it cannot be removed: give it an end date"):
        with demo.edit("Remove") as ed:
            delete_seat(ed, demo, seat_id)
    with demo.edit("A mistake") as ed:
        spare = add_seat(ed, board_body(demo, 1), find_organisation(demo, "CAFCASS"))
        appoint(ed, demo, spare, person_for(ed, demo, "Siân Pryce"), kind="deputy")
    with demo.edit("Remove") as ed:
        delete_seat(ed, demo, spare)
    demo.editor.undo()
    assert get_seat(demo, spare).holders[0].name == "Siân Pryce"


def test_what_someone_holds_is_what_their_terms_cover_that_day(demo):
    seat_id = _seat_id(demo, "Lay Member")
    with demo.edit("Appoint") as ed:
        later = person_for(ed, demo, "Łukasz Nowak")
        appoint(ed, demo, seat_id, later, starts_on=dt.date(2019, 1, 1))
    niamh = next(h.person_id for h in get_seat(demo, seat_id).holders if h.name == "Niamh Gallagher")
    assert holdings_on(demo, 1, dt.date(2018, 12, 31))[niamh] == ["Lay Member (Board): Lay Member"]
    assert later not in holdings_on(demo, 1, dt.date(2018, 12, 31))      # not started yet
    assert niamh not in holdings_on(demo, 1, dt.date(2019, 1, 1))        # her term ended the day before
    assert holdings_on(demo, 1, dt.date(2019, 1, 1))[later] == ["Lay Member (Board): Lay Member"]


def test_a_detail_typed_in_a_cell_is_read_and_a_required_one_cannot_be_blank(demo):
    police = find_organisation(demo, "Essex Police")
    with demo.edit("Change") as ed:
        assert change_detail(ed, ORGANISATION, police, "org_type", " Police ") is False   # read, and unchanged
        assert change_detail(ed, ORGANISATION, police, "statutory", "") is True          # blank is No
        assert change_detail(ed, ORGANISATION, police, "active_from", "1/4/2013") is True
    assert demo.query_one("SELECT statutory, active_from FROM organisation WHERE id = ?", (police,))[:] == \
        (0, "2013-04-01")
    meeting = demo.scalar("SELECT id FROM meeting ORDER BY meets_on LIMIT 1")
    for kind, row_id, column, text, why in ((ORGANISATION, police, "name", "  ", "The organisation's name cannot be "
                                             "blank"), (MEETING, meeting, "meets_on", "", "The meeting's date cannot "
                                             "be blank"), (MEETING, meeting, "online", "sometimes", "is not online")):
        with pytest.raises(InputError, match=why):
            with demo.edit("Change") as ed:
                change_detail(ed, kind, row_id, column, text)


# -- the organisations import ---------------------------------------------------------------------------
def test_organisations_with_dated_aliases_and_active_dates(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv",
                    "Organisation,Short name,Type,Statutory partner,Also known as,Active from,Active to\n"
                    "NHS Southend Clinical Commissioning Group,Southend CCG,health,Yes,"
                    "Southend PCT (until 31/03/2013); Mid and South Essex ICB (from 01/07/2022),01/04/2013,30/06/2022\n"
                    "Youth Offending Service,YOS,council,No,YOT,,\n")
    summary = _import(demo, "organisations", source)
    assert summary.created == {"aliases": 3, "organisations": 1}
    assert summary.updated == {"organisations": 1}
    ccg = find_organisation(demo, "Southend PCT")
    assert ccg == find_organisation(demo, "Mid and South Essex ICB", on=dt.date(2023, 1, 1))
    assert find_organisation(demo, "Southend PCT", on=dt.date(2014, 1, 1)) is None    # renamed by then
    assert demo.query_one("SELECT active_from, active_to FROM organisation WHERE id = ?", (ccg,))[:] == \
        ("2013-04-01", "2022-06-30")
    history = organisations_report(demo, 1, None)[1]
    assert {"organisation": "NHS Southend Clinical Commissioning Group", "name": "Southend PCT", "from": None,
            "to": dt.date(2013, 3, 31)} in history.rows


@pytest.mark.parametrize("aliases, why", [
    ("Southend Police", "'Southend Police' already stands for Essex Police"),
    ("Old name (soon)", "has dates SG Desk cannot read for 'Old name'"),
    ("Old name (31/03/2019 to 01/04/2013)", "gives 'Old name' an end before its start"),
])
def test_organisation_alias_problems(demo, tmp_path, aliases, why):
    source = _write(tmp_path / "agencies.csv", f"Organisation,Also known as\nCAFCASS,{aliases}\n")
    with pytest.raises(ImportProblems) as caught:
        _import(demo, "organisations", source)
    assert why in str(caught.value.problems[0])
    assert caught.value.problems[0].column == "Also known as"


def test_an_organisation_cannot_leave_before_it_joins(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv", "Organisation,Active from,Active to\nCAFCASS,01/04/2019,01/04/2018\n")
    with pytest.raises(ImportProblems, match="row 2, column 'Active to': '1 Apr 2018' is before the start date"):
        _import(demo, "organisations", source)


# -- the members import ---------------------------------------------------------------------------------
def test_members_are_imported_into_seats_with_representatives_and_deputies(demo, tmp_path):
    source = _write(tmp_path / "members.csv",
                    "Body,Organisation,Role,Shown as,Name,Job title,Email,As,From\n"
                    ",CAFCASS,Member,,Hannah Okafor,Service Manager,h.okafor@example.org,Representative,\n"
                    ",CAFCASS,Member,,Zoë Adeyemi,,,Deputy,\n"
                    "Case Review,Essex Police,Member,,Aisha Rahman,,,,01/04/2018\n"
                    ",Lay members,Lay Member,Lay Member,Siân Pryce,Community Lay Member,,,01/01/2019\n")
    summary = _import(demo, "members", source)
    assert summary.created == {"seats": 2, "representatives and deputies": 4}
    cafcass = next(s for s in list_seats(demo, board_body(demo, 1)) if s.shown_as == "CAFCASS")
    assert [(h.name, h.kind) for h in cafcass.holders] == [("Hannah Okafor", "representative"),
                                                          ("Zoë Adeyemi", "deputy")]
    assert demo.scalar("SELECT job_title FROM person WHERE name = 'Hannah Okafor'") == "Service Manager"
    lay = get_seat(demo, _seat_id(demo, "Lay Member"))
    assert [(h.name, h.ends_on) for h in lay.holders] == [("Niamh Gallagher", dt.date(2018, 12, 31)),
                                                         ("Siân Pryce", None)]
    assert _import(demo, "members", source).skipped == 4       # importing again changes nothing


def test_members_import_problems_name_their_row_and_column(demo, tmp_path):
    source = _write(tmp_path / "members.csv",
                    "Body,Organisation,Role,Name,From,To\n"
                    ",Essex Polise,,Jo Bloggs,,\n"
                    "Nowhere,Essex Police,,Jo Bloggs,,\n"
                    ",Lay members,Lay Member,Jo Bloggs,,\n"
                    ",Essex Police,,Jo Bloggs,01/04/2019,01/04/2018\n")
    with pytest.raises(ImportProblems) as caught:
        _import(demo, "members", source)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(2, "Organisation"), (3, "Body"), (4, "From"), (5, "To")]
    text = caught.value.report()
    assert "'Essex Polise' is not an organisation in this file; did you mean 'Essex Police'?" in text
    assert "is needed: Niamh Gallagher is its representative" in text


# -- the meetings import -------------------------------------------------------------------------------
def test_meetings_are_created_or_updated_by_body_and_date(demo, tmp_path):
    source = _write(tmp_path / "meetings.csv",
                    "Body,Date,Time,Venue,Online,Status\n"
                    ",06/02/2019,2pm,Council Chamber,In person,\n"
                    "Executive,14 Mar 2019,9.30,,Teams,held\n"
                    "Executive,01/04/2031,10:00,,,\n")
    summary = _import(demo, "meetings", source)
    assert summary.created == {"meetings": 2} and summary.updated == {"meetings": 1}
    assert tuple(demo.query_one("SELECT starts_at, venue FROM meeting WHERE meets_on = '2019-02-06'")) == \
        ("14:00", "Council Chamber")
    rows = demo.query("SELECT meets_on, starts_at, online, status FROM meeting WHERE subgroup_id IS NOT NULL "
                      "ORDER BY meets_on")
    assert [tuple(r) for r in rows] == [("2019-03-14", "09:30", 1, "held"), ("2031-04-01", "10:00", 0, "planned")]


@pytest.mark.parametrize("row, column, why", [
    (",06/02/2019,25:00", "Time", "is not a time of day"),
    (",06/02/2019,,,,postponed maybe", "Status", "is not a meeting status"),
    (",06/02/2019,,,sometimes", "Online", "is not online or in person"),
])
def test_meeting_cells_that_cannot_be_read(demo, tmp_path, row, column, why):
    source = _write(tmp_path / "meetings.csv", f"Body,Date,Time,Venue,Online,Status\n{row}\n")
    with pytest.raises(ImportProblems) as caught:
        _import(demo, "meetings", source)
    assert caught.value.problems[0].column == column and why in str(caught.value.problems[0])


# -- reports, checks and attention --------------------------------------------------------------------
def test_the_members_report_lists_every_seat(demo):
    table = members_report(demo, 1, None)[0]
    assert [c.label for c in table.columns] == ["Body", "Role", "Organisation", "Shown as", "Representative",
                                                "Job title", "Deputies", "Seat from", "Seat to"]
    assert len(table.rows) == 12 + 13
    ccg = table.rows[0]
    assert (ccg["body"], ccg["shown_as"], ccg["representative"], ccg["deputies"]) == \
        ("Southend LSCB", "Clinical Commissioning Group", "Priya Raman", "Tomasz Wiśniewski")


def test_the_organisations_report_keeps_its_first_table(demo):
    first = organisations_report(demo, 1, None)[0]
    assert [c.label for c in first.columns] == ["Organisation", "Short name", "Type", "Statutory partner"]


def test_checks_find_marks_outside_a_seats_dates(demo):
    assert [f.level for f in membership_checks(demo)] == ["ok"]
    seat_id = _seat_id(demo, "Lay Member")
    with demo.edit("Late start") as ed:
        ed.update("seat", seat_id, {"starts_on": "2018-06-06"})
    [finding] = membership_checks(demo)
    assert (finding.level, finding.text) == ("warning", "4 attendance marks fall outside their seat's dates "
                                             "(Lay Member on 21 Sep 2017; Lay Member on 16 Nov 2017; Lay Member on "
                                             "21 Feb 2018; ...)")


def test_checks_find_a_statutory_partner_without_a_seat_and_marks_at_unheld_meetings(demo):
    with demo.edit("Changes") as ed:
        add_organisation(ed, "Public Health England", statutory=True)
        meeting = demo.scalar("SELECT id FROM meeting WHERE meets_on = '2018-12-11'")
        ed.update("meeting", meeting, {"status": "planned"})
    texts = [f.text for f in membership_checks(demo)]
    assert "1 meetings have attendance marks but are not marked held (11 Dec 2018 (planned))" in texts
    assert "1 statutory partners have no seat on their board (Public Health England (Southend-on-Sea Local " \
           "Safeguarding Children Board))" in texts


def test_attention_items(demo):
    items = membership_attention(demo, 1, today=dt.date(2019, 3, 1))
    assert [(i.view, i.text) for i in items] == [
        ("meetings", "Southend LSCB: the meeting of 6 Feb 2019 was held but its attendance is not recorded")]
    body = board_body(demo, 1)
    with demo.edit("More") as ed:
        add_meeting(ed, body, dt.date(2019, 2, 20), status="planned")
        ed.update("subgroup", 1, {"tor_review_on": "2019-01-31"})
        seat = add_seat(ed, body, find_organisation(demo, "CAFCASS"))
        police = demo.scalar("SELECT id FROM seat WHERE label IS NULL AND organisation_id = ?",
                             (find_organisation(demo, "Essex Police"),))
        meetings = [r[0] for r in demo.query("SELECT id FROM meeting WHERE meets_on >= '2018-06-01' AND "
                                             "meets_on <= '2018-12-31' ORDER BY meets_on")]
        write_marks(ed, demo, [MarkEdit(police, m, "D") for m in meetings])
    texts = [i.text for i in membership_attention(demo, 1, today=dt.date(2019, 3, 1))]
    assert "Southend LSCB: the meeting planned for 20 Feb 2019 has passed: mark it held or cancelled" in texts
    assert "Executive: its terms of reference were due for review on 31 Jan 2019" in texts
    assert f"Southend LSCB: the Member seat of CAFCASS has no representative" in texts
    assert any(t.startswith("Southend LSCB: Essex Police: a deputy attended 3 meetings running") for t in texts)
    assert seat
