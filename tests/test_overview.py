"""The Overview's first steps for a new board and its board at a glance, in the core."""

from __future__ import annotations

import datetime as dt

from sgdesk import registry
from sgdesk.organisations import add_organisation
from sgdesk.overview import first_steps, glances


def steps(bf) -> dict[str, bool]:
    return {state.step.button: state.done for state in first_steps(bf, 1, registry.load().first_steps)}


def at_a_glance(bf, today: dt.date) -> dict[str, tuple[str, ...] | str]:
    return {glance.heading: glance.lines or glance.empty for glance in glances(bf, 1, registry.load().glances, today)}


def test_a_new_board_has_every_first_step_to_do_in_order(empty_board):
    assert steps(empty_board) == {"Add an organisation…": False, "Import attendance…": False,
                                  "Set the charging policy…": False, "Start a self-assessment…": False,
                                  "Enter the budget…": False}


def test_a_step_ticks_itself_off_once_done(empty_board):
    with empty_board.edit("Add Essex Police") as ed:
        add_organisation(ed, "Essex Police")
    assert steps(empty_board)["Add an organisation…"] is True
    assert steps(empty_board)["Import attendance…"] is False


def test_a_new_board_at_a_glance_says_where_to_start(empty_board):
    found = at_a_glance(empty_board, dt.date(2026, 5, 1))
    assert found["Next meetings"].startswith("No meetings yet")
    assert found["Spend against budget"].startswith("No budget or ledger yet")


def test_the_demo_board_at_a_glance_in_september_2018(demo):
    found = at_a_glance(demo, dt.date(2018, 9, 1))
    assert found["Next meetings"][0] == "25 Sep 2018, 14:00: Board, Civic Centre, Victoria Avenue, Southend (6 papers due)"
    assert len(found["Next meetings"]) == 3
    sessions = found["Training sessions with places"]
    assert sessions[0] == "4 Sep 2018: Designated safeguarding lead refresher, 8 of 20 places left"
    assert found["Open self-assessment rounds"] == ("Board self-assessment 2019/20: 3 of 6 returned, "
                                                    "deadline 28 Feb 2020",)
    assert found["Spend against budget, 2018/19"] == ("Spent £137,755.83", "Received £140,084.42")


def test_a_full_session_is_not_offered_and_past_meetings_give_the_last_held(demo):
    from sgdesk.training.model import get_session

    first = demo.scalar("SELECT id FROM training_session WHERE session_date >= '2018-09-01' "
                        "ORDER BY session_date, start_time LIMIT 1")
    with demo.edit("Fill the session") as ed:
        ed.update("training_session", first, {"capacity": get_session(demo, first).places_taken})
    found = at_a_glance(demo, dt.date(2018, 9, 1))
    assert "Designated safeguarding lead refresher" not in found["Training sessions with places"][0]
    later = at_a_glance(demo, dt.date(2026, 1, 1))
    papers = demo.scalar("SELECT count(*) FROM forward_item f JOIN meeting m ON m.id = f.meeting_id "
                         "WHERE m.meets_on = '2019-02-06'")       # the meeting papers demo plans its agenda
    assert later["Next meetings"] == (f"Last held: 6 Feb 2019, 14:00: Board, Civic Centre, Victoria Avenue, Southend "
                                      f"({papers} papers due)",)


def test_the_years_spend_against_its_budget(demo):
    from sgdesk.finance.budgets import add_budget_line, budget_values
    from sgdesk.fyear import FinancialYear

    category, fund = demo.query_one("SELECT category_id, fund_id FROM ledger_entry WHERE year_start = 2018 "
                                    "AND section = 'expenditure' LIMIT 1")
    with demo.edit("Budget 2018/19") as ed:
        add_budget_line(ed, demo, 1, budget_values(year=FinancialYear(2018), section="expenditure",
                                                   category_id=category, fund_id=fund, description="Everything",
                                                   amount=20_000_000))
    found = at_a_glance(demo, dt.date(2026, 1, 1))
    assert found["Spend against budget, 2018/19"][0] == "Spent £137,755.83 of £200,000 budgeted (69%)"


def test_membership_at_a_glance_counts_seats_partners_and_vacancies(demo):
    today = dt.date(2026, 1, 1)
    seats, partners = demo.query_one("SELECT count(*), count(DISTINCT organisation_id) FROM seat WHERE board_id = 1 "
                                     "AND (ends_on IS NULL OR ends_on >= ?)", (today.isoformat(),))
    assert at_a_glance(demo, today)["Membership"] == (f"{seats} seats held by {partners} partner agencies",
                                                      "Every seat has a representative")
    holder = demo.scalar("SELECT id FROM seat_holder WHERE kind = 'representative' AND ends_on IS NULL LIMIT 1")
    with demo.edit("End a term") as ed:
        ed.update("seat_holder", holder, {"ends_on": "2025-12-31"})
    assert at_a_glance(demo, today)["Membership"][1] == "1 seat without a representative"
