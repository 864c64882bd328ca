"""Search everywhere: every kind of record found as the user types, the index kept in step with each change."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sgdesk import registry, search
from sgdesk.money import format_money
from sgdesk.search import index_is_built, index_objects, index_sql
from sgdesk.store import open_board_file
from sgdesk.store.migrations import apply_migrations

FIXTURES = Path(__file__).parent / "fixtures"


def hits_for(bf, text: str, board_id: int = 1) -> list[search.SearchHit]:
    return search.search(bf, text, board_id, registry.load().searchables)


def titles(bf, text: str, board_id: int = 1) -> list[tuple[str, str]]:
    return [(hit.label, hit.title) for hit in hits_for(bf, text, board_id)]


def test_every_searchable_table_has_its_index_from_the_migrations():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn)
    searchables = registry.load().searchables
    assert {s.table for s in searchables} >= {
        "organisation", "subgroup", "person", "seat", "forward_item", "training_course", "training_session",
        "training_delegate", "ledger_entry", "assessment_response"}
    missing = [s.table for s in searchables if not index_is_built(conn, s)]
    assert not missing, (f"no search index (or not as sqlite-utils builds it) for {missing}: run "
                         "build_scripts/search_index_sql.py and put what it prints in a new migration")


def test_the_index_is_what_sqlite_utils_enable_fts_builds():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn)
    organisation = next(s for s in registry.load().searchables if s.table == "organisation")
    statements = index_sql(conn, organisation)
    assert statements[0].startswith('CREATE VIRTUAL TABLE "organisation_fts" USING FTS5')
    assert set(index_objects(conn, organisation)) == {"organisation_fts", "organisation_ai", "organisation_ad",
                                                      "organisation_au"}
    conn.execute("DROP TRIGGER organisation_au")      # an index that stops following updates is not built
    assert not index_is_built(conn, organisation)


@pytest.mark.parametrize("typed, label, title", [
    ("essex pol", "Organisation", "Essex Police"),
    ("case rev", "Sub-group", "Case Review Panel"),
    ("priya", "Person", "Priya Raman"),
    ("designated doc", "Seat", "Designated Doctor for Safeguarding: Designated Doctor"),
    ("zoe", "Delegate", "Zoë Adeyemi"),
    ("domestic abuse", "Course", "Domestic abuse and its impact on children"),
    ("beecroft", "Training session", None),
    ("professional fees", "Ledger entry", "Professional Fees: Essex CC"),
    ("corporate parenting", "Forward plan item", "Corporate Parenting Interim Report"),
    ("annual report by", "Self-assessment comment", None),
    ("performance dashboard", "Action", "B-2017-002: Bring a proposal for a performance dashboard to the Board"),
    ("chairs quarterly", "Risk", None),
    ("shared understanding", "Business plan objective", None),
    ("free school meals", "Indicator", "Primary pupils eligible for free school meals (state-funded)"),
])
def test_each_kind_of_record_is_found(demo, typed, label, title):
    found = titles(demo, typed)
    assert any(kind == label and (title is None or name == title) for kind, name in found), found


def test_each_word_is_the_start_of_a_word_and_accents_do_not_matter(demo):
    assert ("Delegate", "Siân Pryce") in titles(demo, "sia pry")
    assert ("Person", "Dr Łukasz Nowak") in titles(demo, "nowak dr")
    assert titles(demo, "pryce sian zzz") == []


def test_records_named_by_every_word_come_first(demo):
    assert titles(demo, "police")[0] == ("Organisation", "Essex Police")
    named = ["police" in hit.title.lower() for hit in hits_for(demo, "police")]
    assert True in named and False in named
    assert named == sorted(named, reverse=True), "a record found by another column came before one named so"


def test_a_hit_names_the_view_and_record_that_open_it(demo):
    hit = next(h for h in hits_for(demo, "professional fees") if h.label == "Ledger entry")
    assert (hit.view, hit.table) == ("finance", "ledger_entry")
    assert demo.scalar("SELECT description FROM ledger_entry WHERE id = ?", (hit.record_id,)) == hit.title
    amount = demo.scalar("SELECT amount_pence FROM ledger_entry WHERE id = ?", (hit.record_id,))
    assert hit.detail == f"Essex County Council, {format_money(amount)}, 2018/19"


def test_dates_in_details_read_as_the_business_unit_writes_them(demo):
    import datetime as dt

    from sgdesk.dates import format_date

    hit = next(h for h in hits_for(demo, "corporate parenting") if h.label == "Forward plan item")
    meets_on = demo.scalar("SELECT m.meets_on FROM forward_item f JOIN meeting m ON m.id = f.meeting_id "
                           "WHERE f.id = ?", (hit.record_id,))
    assert hit.detail == f"Southend LSCB, {format_date(dt.date.fromisoformat(meets_on))}"


def test_the_index_follows_each_change_its_undo_and_a_deletion(demo):
    with demo.edit("Rename Essex Police") as ed:
        ed.update("organisation", 3, {"name": "Essex Constabulary"})
    assert ("Organisation", "Essex Constabulary") in titles(demo, "constab")
    assert ("Organisation", "Essex Police") not in titles(demo, "essex pol")
    demo.editor.undo()
    assert ("Organisation", "Essex Police") in titles(demo, "essex pol")
    assert ("Organisation", "Essex Constabulary") not in titles(demo, "constab")
    with demo.edit("Add and remove a course") as ed:
        course = ed.insert("training_course", {"board_id": 1, "title": "Zebra crossings", "level": 1,
                                                    "length": "half", "default_capacity": 20})
    assert ("Course", "Zebra crossings") in titles(demo, "zebra")
    with demo.edit("Remove the course") as ed:
        ed.delete("training_course", course)
    assert titles(demo, "zebra") == []


def test_another_boards_records_are_not_found_but_shared_ones_are(demo):
    from sgdesk.boards import add_board

    with demo.edit("Add the adults' board") as ed:
        adults = add_board(ed, "Southend Safeguarding Adults Board", kind="adults")
        ed.insert("subgroup", {"board_id": adults, "name": "Quokka Review Group"})
    assert titles(demo, "quokka", board_id=1) == []
    assert titles(demo, "quokka", board_id=adults) == [("Sub-group", "Quokka Review Group")]
    assert ("Organisation", "Essex Police") in titles(demo, "essex pol", board_id=adults)


@pytest.mark.parametrize("typed", ['"', "*", "-", ":", "essex:", "(", "^", "'", "+", "{", "NEAR(", "OR NOT"])
def test_what_fts5_reads_as_operators_is_searched_as_words(demo, typed):
    hits_for(demo, typed)      # no FTS5 syntax error
    if not typed[0].isalpha():
        assert ("Organisation", "Essex Police") in titles(demo, f"{typed}police")
    assert ("Organisation", "Essex Police and Crime Commissioner") in titles(demo, "police AND crime")


def test_nothing_to_search_for_finds_nothing(demo):
    assert titles(demo, "") == titles(demo, "   ") == titles(demo, '""') == []


def test_a_kind_with_very_many_matches_gives_its_latest_records(demo, monkeypatch):
    monkeypatch.setattr(search, "RANKED_AT_MOST", 3)
    monkeypatch.setattr(search, "LATEST_OF_MANY", 4)
    delegates = [hit for hit in hits_for(demo, "example") if hit.label == "Delegate"]
    newest = [row[0] for row in demo.query("SELECT id FROM training_delegate WHERE board_id = 1 "
                                           "ORDER BY id DESC LIMIT 4")]
    assert [hit.record_id for hit in delegates] == newest


def test_an_older_board_file_is_indexed_when_it_is_migrated(tmp_path):
    path = tmp_path / "old.sgdesk"
    shutil.copy(FIXTURES / "board-v1.sgdesk", path)
    with open_board_file(path) as bf:
        name = bf.scalar("SELECT name FROM organisation ORDER BY id LIMIT 1")
        assert ("Organisation", name) in titles(bf, name)


def test_anonymised_delegates_leave_nothing_of_their_details_in_the_index(demo):
    """FTS5 keeps a removed word in its pages until they merge: anonymising rebuilds the index, so it holds
    exactly what indexing the anonymised rows afresh would."""
    import datetime as dt

    from sgdesk.training.retention import anonymise

    assert ("Delegate", "Siân Pryce") in titles(demo, "sian pryce")
    result = anonymise(demo, 1, today=dt.date(2040, 1, 1))
    assert result.delegates > 0
    assert titles(demo, "sian pryce") == [("Person", "Siân Pryce")]    # the board member, not the delegate
    pages = [tuple(row) for row in demo.query("SELECT id, block FROM training_delegate_fts_data ORDER BY id")]
    demo.conn.execute("INSERT INTO training_delegate_fts (training_delegate_fts) VALUES ('rebuild')")
    assert [tuple(row) for row in demo.query("SELECT id, block FROM training_delegate_fts_data ORDER BY id")] == pages


def test_every_index_agrees_with_its_table_after_the_demo_is_built_and_changed(demo):
    """FTS5's integrity check compares an external-content index with its table, row by row."""
    with demo.edit("Rename and remove") as ed:
        ed.update("organisation", 3, {"short_name": "Police"})
        ed.delete("forward_item", demo.scalar("SELECT min(id) FROM forward_item"))
    demo.editor.undo()
    for searchable in registry.load().searchables:
        fts = searchable.fts_table
        demo.conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
