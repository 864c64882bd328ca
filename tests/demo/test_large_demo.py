"""The stress board (`sgdesk demo FILE --scale large`), built here at a tenth of its size: whole,
consistent with every feature's rules, deterministic; and the fixes its benchmarks led to.

No timings here: speed is measured by benchmarks/run.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import weakref
from collections import defaultdict
from pathlib import Path

import pytest

from sgdesk import registry
from sgdesk.checks import run_checks
from sgdesk.cli import main
from sgdesk.demo.large import AUDIT_DESCRIPTION, build_large
from sgdesk.finance.budgets import budget_against_actual
from sgdesk.finance.contributions import WHOLE, contribution_years, year_allocation
from sgdesk.finance.ledger import finance_years
from sgdesk.importing import run_import
from sgdesk.store import open_board_file
from sgdesk.training.delegates import DelegateDetails, add_delegate
from sgdesk.training.model import PLACES_SQL
from sgdesk.training.retention import due_delegates, retention_cutoff

TODAY = dt.date(2026, 11, 23)      # the day the stress board is built as of (tests/conftest.py build_stress)


def count(bf, sql: str, params: tuple = ()) -> int:
    return bf.scalar(f"SELECT count(*) FROM {sql}", params)


def test_the_partnership_and_its_ten_years_in_the_proportions_asked_for(stress):
    assert [row[0] for row in stress.query("SELECT kind FROM board ORDER BY id")] == ["children", "adults", "all-age"]
    assert (count(stress, "subgroup"), count(stress, "organisation"), count(stress, "person")) == (10, 120, 400)
    assert count(stress, "organisation WHERE statutory = 1") == 3
    assert stress.query("SELECT min(year_start), max(year_start), count(DISTINCT year_start) FROM ledger_entry")[0][:] \
        == (2017, 2026, 10)
    assert 690 <= count(stress, "meeting") <= 730
    assert count(stress, "attendance") > 10 * count(stress, "meeting WHERE status = 'held' AND subgroup_id IS NULL")
    # a tenth of the training and the ledger: 400 sessions, exactly 10,000 bookings
    assert (count(stress, "training_session"), count(stress, "training_booking")) == (400, 10_000)
    assert count(stress, "ledger_entry") >= 800
    assert count(stress, "assessment_round") == 10
    assert count(stress, "assessment_statement") == 40
    assert {row[0] for row in stress.query("SELECT count(*) FROM assessment_respondent GROUP BY round_id")} == {30}


def test_the_action_logs_and_risk_registers_at_scale(stress):
    assert count(stress, "board_action") == 200        # a tenth of 2,000; the 60 risks stay whole
    assert count(stress, "risk") == 60
    assert {row[0] for row in stress.query("SELECT count(*) FROM risk GROUP BY board_id")} == {20}
    assert count(stress, "risk_review") > 10 * 60
    assert 0 < count(stress, "board_action WHERE status = 'open' AND due_on < ?", (TODAY.isoformat(),)) < 20
    assert count(stress, "action_event WHERE kind = 'carried'") > 0
    assert count(stress, "board_action a WHERE status != 'open' AND NOT EXISTS (SELECT 1 FROM action_event e "
                 "WHERE e.action_id = a.id AND e.kind = 'status')") == 0


def test_ten_years_of_sixty_indicators_for_eleven_areas(stress):
    from sgdesk.indicators.matrix import build_matrix

    assert (count(stress, "indicator"), count(stress, "indicator_area")) == (60, 11)
    assert count(stress, "indicator_value") == 60 * 11 * 10
    assert stress.query("SELECT count(DISTINCT period), min(period), max(period) FROM indicator_value")[0][:] == (
        10, "2017", "2026")
    assert count(stress, "indicator_value WHERE note IS NOT NULL AND value_units IS NULL") == count(
        stress, "indicator_value WHERE value_units IS NULL")
    matrix = build_matrix(stress, 1)
    assert len(matrix.rows()) == 60 and {row.judgement.label for row in matrix.rows()} >= {"Green", "Amber", "Red"}


def test_sgdesk_check_finds_no_problem_and_no_warning(stress):
    findings = run_checks(stress, registry.load().checks)
    assert [str(f) for f in findings if f.level != "ok"] == []


def test_it_is_one_generated_action_with_nothing_to_undo(stress_path):
    with open_board_file(stress_path) as bf:
        actions = bf.query("SELECT description, kind FROM audit_action")
        assert len(actions) == 1 and actions[0]["kind"] == "do"
        assert actions[0]["description"].startswith(f"{AUDIT_DESCRIPTION} (2017/18 to 2026/27: 3 boards")
        assert bf.editor.undo_description is None


def test_bookings_follow_the_booking_rules(stress):
    sessions = stress.query(f"""
        SELECT s.id, s.session_date, s.status, s.capacity,
               (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status IN {PLACES_SQL}),
               (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status = 'waitlisted'),
               (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status IN ('attended', 'dna')),
               (SELECT count(*) FROM training_booking b WHERE b.session_id = s.id AND b.status = 'confirmed')
        FROM training_session s""")
    for _id, day, status, capacity, places, waiting, marked, unmarked in sessions:
        assert places <= capacity
        assert not (waiting and places < capacity)            # a free place always goes to the waiting list
        if status == "cancelled":
            assert places == waiting == 0
        elif day > TODAY.isoformat():
            assert marked == 0                                 # no register before the day
        else:
            assert unmarked == 0                               # every register taken
    last_event = stress.query("SELECT b.status, e.status FROM training_booking b JOIN training_booking_event e "
                              "ON e.id = (SELECT max(id) FROM training_booking_event WHERE booking_id = b.id)")
    assert len(last_event) == 10_000 and all(booking == event for booking, event in last_event)
    assert count(stress, "training_evaluation v JOIN training_booking b ON b.id = v.booking_id "
                         "WHERE b.status != 'attended'") == 0
    assert count(stress, "training_booking b JOIN training_booking o ON o.id = b.substitute_for "
                         "WHERE o.status != 'substituted' OR o.session_id != b.session_id") == 0
    assert count(stress, "training_booking WHERE booked_on > ? OR cancelled_on > ?", (TODAY.isoformat(),) * 2) == 0


def test_shares_add_up_and_every_outturn_is_carried_forward_exactly(stress):
    for board_id in (1, 2, 3):
        for year in contribution_years(stress, board_id):
            allocation = year_allocation(stress, board_id, year)
            assert allocation.warnings == [] and allocation.shares_ppm == WHOLE
            assert sum(allocation.amounts[i] for i, line in enumerate(allocation.lines)
                       if not line.in_kind) == allocation.total
        years = finance_years(stress, board_id)
        for year in years[:-1]:
            assert budget_against_actual(stress, board_id, year).carry_forward_current, (board_id, year.label)


def test_delegates_past_the_retention_period_are_anonymised_and_due_counts_the_rest(stress):
    assert count(stress, "training_delegate WHERE anonymised_on IS NOT NULL AND (email IS NOT NULL OR "
                         "manager_name IS NOT NULL OR name NOT LIKE 'Anonymised delegate %')") == 0
    run_on = stress.scalar("SELECT max(done_on) FROM training_anonymisation")
    assert due_delegates(stress, 1, retention_cutoff(dt.date.fromisoformat(run_on), 6)) == []
    # the Overview's check, against a plain reading of the rule: last booked session before the cutoff
    cutoff = retention_cutoff(TODAY, 6)
    last: dict[int, str] = defaultdict(str)
    for delegate_id, day in stress.query(
            "SELECT d.id, s.session_date FROM training_delegate d JOIN training_booking b ON b.delegate_id = d.id "
            "JOIN training_session s ON s.id = b.session_id WHERE d.board_id = 1 AND d.anonymised_on IS NULL"):
        last[delegate_id] = max(last[delegate_id], day)
    expected = sorted(d for d, day in last.items() if day < cutoff.isoformat())
    assert expected and [row[0] for row in due_delegates(stress, 1, cutoff)] == expected


def _content(path: Path) -> str:
    with open_board_file(path, read_only=True) as bf:
        digest = hashlib.sha256()
        for table in ("meeting", "attendance", "seat_holder", "ledger_entry", "contribution", "assessment_response",
                      "training_delegate", "training_booking", "training_booking_event", "training_evaluation"):
            for row in bf.query(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()


def test_the_same_day_gives_the_same_file(build_stress, stress_path, tmp_path):
    again = tmp_path / "again.sgdesk"
    build_stress(again).close()
    assert _content(again) == _content(stress_path)


def test_fewer_years_keep_the_same_volume_each_year(build_stress, tmp_path):
    path = tmp_path / "three.sgdesk"
    with build_stress(path, years=3) as bf:
        assert [y.label for y in finance_years(bf, 1)] == ["2024/25", "2025/26", "2026/27"]
        assert (count(bf, "training_booking"), count(bf, "assessment_round")) == (3_000, 3)
        assert [str(f) for f in run_checks(bf, registry.load().checks) if f.level != "ok"] == []


def test_the_command_writes_the_stress_board(tmp_path, monkeypatch, capsys):
    import sgdesk.demo.large as large

    monkeypatch.setattr(large, "build_large", lambda path, overwrite: build_large(path, scale=0.05, today=TODAY,
                                                                                  overwrite=overwrite))
    path = tmp_path / "stress.sgdesk"
    assert main(["demo", str(path), "--scale", "large"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote the ten-year stress board to {path}"
    assert main(["demo", str(path), "--scale", "large"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["demo", str(path), "--scale", "huge"]) == 2
    assert "invalid choice: 'huge'" in capsys.readouterr().err


def test_a_booking_with_an_email_finds_the_same_person_recorded_without_one(demo, tmp_path):
    """Importing matches a delegate recorded without an email by name at their organisation."""
    board_id = 1
    police = demo.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'")
    with demo.edit("Add a delegate without an email") as ed:
        known = add_delegate(ed, board_id, DelegateDetails("Ffion Haddad", police, "Police"))
    session = demo.query_one("SELECT c.title, s.session_date FROM training_session s JOIN training_course c "
                             "ON c.id = s.course_id WHERE s.status = 'scheduled' ORDER BY s.session_date DESC LIMIT 1")
    day = dt.date.fromisoformat(session[1]).strftime("%d/%m/%Y")
    source = tmp_path / "bookings.csv"
    source.write_text("Course,Session date,Delegate,Email,Organisation,Sector,Status,Booked on\n"
                      f"{session[0]},{day},Ffion Haddad,ffion.haddad@police.example,Essex Police,Police,Waitlisted,"
                      f"{day}\n"
                      f"{session[0]},{day},Ffion Haddad,f.haddad@nps.example,National Probation Service,"
                      f"Probation and youth justice,Waitlisted,{day}\n", encoding="utf-8")
    before = demo.scalar("SELECT count(*) FROM training_delegate")
    run_import(demo, registry.load().import_kinds["bookings"], source, board_id)
    booked = demo.query("SELECT d.id, o.name FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id "
                        "JOIN organisation o ON o.id = d.organisation_id WHERE d.name = 'Ffion Haddad' ORDER BY d.id")
    assert [tuple(row) for row in booked][0] == (known, "Essex Police")     # the police officer, known already
    assert booked[1][1] == "National Probation Service"                   # another person of the same name
    assert demo.scalar("SELECT count(*) FROM training_delegate") == before + 1


def test_opening_a_file_again_lets_go_of_the_views_of_the_one_before(window, demo_path, qtbot):
    """The views of a closed file are freed (they used to stay in memory, tens of MB a time at scale)."""
    from sgdesk.gui.shell.viewspecs import view_specs

    for spec in view_specs():
        window.show_view(spec.key)
    before = [weakref.ref(view) for view in window.views.values()]
    assert len(before) == len(view_specs())
    assert window.open_path(demo_path)
    qtbot.wait(10)          # the event loop deletes the old page
    gc.collect()
    assert [ref for ref in before if ref() is not None] == []
    assert window.show_view("training") is window.views["training"]
