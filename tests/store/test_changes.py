"""The one write path: transactions, the audit log, undo and redo."""

from __future__ import annotations

import json

import pytest

from sgdesk.errors import SGDeskError


def _org(bf, name):
    return bf.query_one("SELECT * FROM organisation WHERE name = ?", (name,))


def test_undo_restores_the_previous_state_and_the_audit_log_shows_both(demo):
    police = _org(demo, "Essex Police")
    with demo.edit("Rename Essex Police") as ed:
        ed.update("organisation", police["id"], {"name": "Essex Police Service", "short_name": "EPS"})
    assert _org(demo, "Essex Police Service")["short_name"] == "EPS"

    changes = demo.editor.undo()

    assert changes.description == "Undo: Rename Essex Police"
    assert changes.touches("organisation")
    restored = _org(demo, "Essex Police")
    assert dict(restored) == dict(police)
    actions = demo.query("SELECT id, description, kind, os_user FROM audit_action ORDER BY id DESC LIMIT 2")
    assert [(a["description"], a["kind"]) for a in actions] == [
        ("Undo: Rename Essex Police", "undo"), ("Rename Essex Police", "do")]
    assert all(a["os_user"] for a in actions)
    logged = demo.query("SELECT before, after FROM audit_change WHERE action_id IN (?, ?) ORDER BY id",
                        (actions[1]["id"], actions[0]["id"]))
    assert json.loads(logged[0]["after"])["name"] == "Essex Police Service"
    assert json.loads(logged[1]["after"])["name"] == "Essex Police"


def test_redo_reapplies_and_undo_of_a_delete_brings_the_row_back(demo):
    with demo.edit("Add the Youth Offending Service") as ed:
        ed.insert("organisation", {"name": "Youth Offending Service", "short_name": "YOS", "org_type": "council"})
    yos = _org(demo, "Youth Offending Service")
    with demo.edit("Remove the Youth Offending Service") as ed:
        ed.delete("organisation", yos["id"])
    assert _org(demo, "Youth Offending Service") is None
    demo.editor.undo()
    assert dict(_org(demo, "Youth Offending Service")) == dict(yos)
    assert demo.editor.redo_description == "Remove the Youth Offending Service"
    demo.editor.redo()
    assert _org(demo, "Youth Offending Service") is None
    assert demo.editor.undo_description == "Remove the Youth Offending Service"


def test_a_new_action_clears_redo(demo):
    with demo.edit("Add Youth Offending Service") as ed:
        ed.insert("organisation", {"name": "Youth Offending Service"})
    demo.editor.undo()
    with demo.edit("Add Public Health") as ed:
        ed.insert("organisation", {"name": "Public Health"})
    assert demo.editor.redo_description is None
    assert demo.editor.redo() is None


def test_undo_removes_children_before_parents_and_redo_puts_parents_back_first(empty_board):
    bf = empty_board
    board_id = bf.scalar("SELECT id FROM board")
    with bf.edit("Add a sub-group and its first meeting") as ed:
        subgroup_id = ed.insert("subgroup", {"board_id": board_id, "name": "Audit & QA"})
        ed.insert("meeting", {"board_id": board_id, "subgroup_id": subgroup_id, "meets_on": "2019-01-10"})
    bf.editor.undo()       # the meeting points at the sub-group: it must go first
    assert (bf.scalar("SELECT count(*) FROM subgroup"), bf.scalar("SELECT count(*) FROM meeting")) == (0, 0)
    bf.editor.redo()       # and come back second
    assert bf.scalar("SELECT subgroup_id FROM meeting") == subgroup_id


def test_an_error_inside_an_action_writes_nothing(demo):
    before = demo.scalar("SELECT count(*) FROM organisation")
    actions = demo.scalar("SELECT count(*) FROM audit_action")
    with pytest.raises(ValueError):
        with demo.edit("Add two organisations") as ed:
            ed.insert("organisation", {"name": "Organisation One"})
            raise ValueError("stop")
    assert demo.scalar("SELECT count(*) FROM organisation") == before
    assert demo.scalar("SELECT count(*) FROM audit_action") == actions
    assert demo.editor.undo_description is None


def test_a_duplicate_is_explained_not_shown_as_a_database_error(demo):
    with pytest.raises(SGDeskError, match="would create a duplicate .*organisation.name"):
        with demo.edit("Add Essex Police again") as ed:
            ed.insert("organisation", {"name": "essex police"})


def test_listeners_hear_what_changed(demo):
    heard = []
    demo.editor.listeners.append(heard.append)
    with demo.edit("Add Public Health") as ed:
        org_id = ed.insert("organisation", {"name": "Public Health"})
    assert heard[0].rows == {"organisation": frozenset({org_id})}


def test_an_update_that_changes_nothing_is_not_logged(demo):
    police = _org(demo, "Essex Police")
    with demo.edit("Save Essex Police unchanged") as ed:
        assert ed.update("organisation", police["id"], {"name": "Essex Police"}) is False
    assert demo.scalar("SELECT count(*) FROM audit_change WHERE action_id = "
                       "(SELECT max(id) FROM audit_action)") == 0


# -- bulk mode and redaction ------------------------------------------------------------------------
def test_a_bulk_action_is_one_audited_action_that_cannot_be_undone(empty_board):
    bf = empty_board
    heard = []
    bf.editor.listeners.append(heard.append)
    with bf.edit("Add Public Health") as ed:
        ed.insert("organisation", {"name": "Public Health"})
    with bf.editor.bulk("Generate") as ed:
        first = ed.insert("organisation", {"name": "Organisation 1"})
        assert ed.insert_rows("organisation", ({"name": f"Organisation {n}"} for n in range(2, 1001))) == 999
        assert ed.insert_rows("organisation_alias", [(first, "Org 1"), (first, "O1")],
                              ("organisation_id", "alias")) == 2
        ed.describe(f"Generate {ed.counts['organisation']} organisations")
    assert bf.scalar("SELECT count(*) FROM organisation") == 1001
    action = bf.query_one("SELECT id, description, kind FROM audit_action ORDER BY id DESC LIMIT 1")
    assert (action["description"], action["kind"]) == ("Generate 1000 organisations", "do")
    assert bf.scalar("SELECT count(*) FROM audit_change WHERE action_id = ?", (action["id"],)) == 0
    assert heard[-1].description == "Generate 1000 organisations"
    assert heard[-1].touches("organisation", "organisation_alias")
    assert bf.editor.undo_description is None          # neither it nor what came before can be undone
    assert bf.editor.undo() is None and bf.scalar("SELECT count(*) FROM organisation") == 1001


def test_a_failed_bulk_action_writes_nothing(empty_board):
    bf = empty_board
    actions = bf.scalar("SELECT count(*) FROM audit_action")
    with pytest.raises(SGDeskError, match="would create a duplicate"):
        with bf.editor.bulk("Generate") as ed:
            ed.insert_rows("organisation", [{"name": "One"}, {"name": "Two"}])
            ed.insert_rows("organisation", [{"name": "One"}])
    assert bf.scalar("SELECT count(*) FROM organisation") == 0
    assert bf.scalar("SELECT count(*) FROM audit_action") == actions


def test_redact_blanks_recorded_values_of_one_row_and_names_in_descriptions(demo):
    police = _org(demo, "Essex Police")
    cafcass = _org(demo, "CAFCASS")
    with demo.edit("Rename Essex Police to Essex Constabulary") as ed:
        ed.update("organisation", police["id"], {"name": "Essex Constabulary", "short_name": "EC"})
        ed.update("organisation", cafcass["id"], {"short_name": "Cafcass"})
    with demo.edit("Forget the old name") as ed:
        ed.redact("organisation", police["id"], {"name": "Partner 3", "short_name": None},
                  text=("Essex Police", "Partner 3"))
    recorded = demo.query("SELECT table_name, row_id, before, after FROM audit_change WHERE table_name = 'organisation'")
    police_rows = [r for r in recorded if r["row_id"] == police["id"]]
    assert police_rows and all(json.loads(r[column])["name"] == "Partner 3" and
                               json.loads(r[column])["short_name"] is None
                               for r in police_rows for column in ("before", "after") if r[column])
    other = next(r for r in recorded if r["row_id"] == cafcass["id"])
    assert json.loads(other["after"])["name"] == "CAFCASS"         # another row keeps its values
    assert demo.scalar("SELECT count(*) FROM audit_action WHERE instr(description, 'Essex Police') > 0") == 0
    assert demo.scalar("SELECT count(*) FROM audit_action WHERE description = "
                       "'Rename Partner 3 to Essex Constabulary'") == 1


# -- every way out of an action leaves the file ready for the next one -------------------------------------
def _add(bf, name):
    from sgdesk.organisations import add_organisation

    with bf.edit(f"Add {name}") as ed:
        add_organisation(ed, name)


def _names(bf, like):
    return [row[0] for row in bf.query("SELECT name FROM organisation WHERE name LIKE ? ORDER BY name", (like,))]


def test_a_journal_that_cannot_be_made_refuses_the_change_and_the_next_change_works(demo):
    journal = demo.path.with_name(demo.path.name + "-journal")
    journal.mkdir()   # SQLite cannot make its journal there, as in a folder turned read-only
    with pytest.raises(SGDeskError, match="^demo.sgdesk: your change was not saved: .*try again$"):
        _add(demo, "Refused Agency")
    journal.rmdir()
    _add(demo, "Accepted Agency")
    assert _names(demo, "%ed Agency") == ["Accepted Agency"]
    assert demo.editor.undo_description == "Add Accepted Agency"


def test_a_drive_that_fills_up_part_way_through_an_action_writes_none_of_it_and_the_next_works(demo):
    from sgdesk.organisations import add_organisation

    demo.conn.execute("PRAGMA cache_size = 5")   # so SQLite writes into the file before the commit
    demo.conn.execute(f"PRAGMA max_page_count = {demo.scalar('PRAGMA page_count') + 2}")   # the drive is full
    with pytest.raises(SGDeskError) as refused:
        with demo.edit("Add many agencies") as ed:
            for n in range(3000):
                add_organisation(ed, f"Full Agency {n:04d}")
    assert str(refused.value) == ("demo.sgdesk: your change was not saved: the drive is full (database or disk is "
                                  "full): free some space on it, then try again")
    assert not demo.conn.in_transaction
    demo.conn.execute("PRAGMA max_page_count = 1073741823")   # space freed
    _add(demo, "After Agency")
    assert _names(demo, "Full Agency%") == []
    assert demo.query("PRAGMA integrity_check")[0][0] == "ok"
    assert demo.editor.undo_description == "Add After Agency"


@pytest.fixture
def colleague_reading(demo):
    """Another connection in the middle of a long read of the demo board (it holds SQLite's shared lock)."""
    import sqlite3

    reader = sqlite3.connect(demo.path, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM organisation").fetchone()
    demo.conn.execute("PRAGMA busy_timeout = 50")
    yield reader
    reader.close()


def test_a_commit_held_up_by_a_colleague_reading_is_refused_clearly_and_nothing_stays_open(
        demo, colleague_reading, monkeypatch):
    from sgdesk.store import changes, open_board_file

    monkeypatch.setattr(changes, "COMMIT_RETRY_PAUSES", (0.05, 0.05), raising=False)
    with pytest.raises(SGDeskError, match="^a colleague is reading demo.sgdesk; your change was not saved; try again"):
        _add(demo, "Held Agency")
    assert not demo.conn.in_transaction
    with open_board_file(demo.path, read_only=True) as another:   # a second colleague's report still opens
        assert _names(another, "Held Agency") == []
    colleague_reading.rollback()
    assert demo.editor.undo_description is None
    _add(demo, "Later Agency")
    assert _names(demo, "%Agency") and _names(demo, "Held Agency") == []
    assert demo.editor.undo_description == "Add Later Agency"


def test_a_commit_is_tried_again_while_a_colleague_finishes_reading(demo, colleague_reading, monkeypatch):
    import threading

    from sgdesk.store import changes

    monkeypatch.setattr(changes, "COMMIT_RETRY_PAUSES", (0.4,), raising=False)
    finishes = threading.Timer(0.2, colleague_reading.rollback)
    finishes.start()
    _add(demo, "Patient Agency")
    finishes.join()
    assert _names(demo, "Patient Agency") == ["Patient Agency"]
    assert demo.editor.undo_description == "Add Patient Agency"


def _found(bf, word):
    return [row[0] for row in bf.query("SELECT rowid FROM person_fts WHERE person_fts MATCH ? ORDER BY rowid",
                                       (word,))]


def _check_index_matches_table(bf):
    """FTS5 compares its index with the table's rows, and fails as a damaged file if they differ."""
    bf.query("INSERT INTO person_fts (person_fts, rank) VALUES ('integrity-check', 1)")


def test_a_big_batch_insert_is_searchable_and_undo_and_redo_keep_the_search_index_right(demo):
    from sgdesk.store.changes import BULK_INDEX_ROWS

    people = [{"name": f"Zebedee Quarrington {n}", "email": f"zq{n}@example.org"} for n in range(BULK_INDEX_ROWS)]
    with demo.edit("Import delegates") as ed:
        ids = ed.insert_many("person", people)
    assert _found(demo, "quarrington") == ids
    _check_index_matches_table(demo)
    demo.editor.undo()
    assert _found(demo, "quarrington") == []
    _check_index_matches_table(demo)
    demo.editor.redo()
    assert _found(demo, "quarrington") == ids
    with demo.edit("Add one more") as ed:          # the per-row index trigger is back
        one = ed.insert("person", {"name": "Ottoline Quarrington"})
    assert _found(demo, "ottoline") == [one]
    _check_index_matches_table(demo)


def test_a_batch_insert_that_fails_part_way_leaves_the_search_index_as_it_was(demo):
    from sgdesk.store.changes import BULK_INDEX_ROWS

    before = demo.scalar("SELECT count(*) FROM person")
    people = [{"name": f"Zebedee Quarrington {n}", "email": None} for n in range(BULK_INDEX_ROWS)]
    people[-1] = {"name": None, "email": None}      # a person must have a name
    with pytest.raises(SGDeskError), demo.edit("Import delegates") as ed:
        ed.insert_many("person", people)
    assert _found(demo, "quarrington") == []
    assert demo.scalar("SELECT count(*) FROM person") == before
    _check_index_matches_table(demo)
    with demo.edit("Add one") as ed:
        one = ed.insert("person", {"name": "Ottoline Quarrington"})
    assert _found(demo, "ottoline") == [one]


def test_a_batch_insert_audits_each_row_in_the_very_text_that_inserting_it_alone_does(demo):
    names = ['Siân "Sunny" O\'Brien', "back\\slash", "tab\there\nnew line\x01\x1f\x7f", "Zoë – “quoted” 😀\u2028",
             "", "</script>"]
    people = [{"name": name, "job_title": None if n % 2 else "Lead", "email": f"p{n}@example.org", "phone": "0"}
              for n, name in enumerate(names)]

    def audited(action_id):
        return demo.query("SELECT seq, table_name, row_id, op, before, after FROM audit_change WHERE action_id = ? "
                          "ORDER BY seq", (action_id,))

    with demo.edit("One by one") as ed:
        alone = [ed.insert("person", person) for person in people]
    one_by_one = [tuple(row) for row in audited(ed.action_id)]
    demo.editor.undo()
    with demo.edit("In one go") as ed:
        together = ed.insert_many("person", people)
    assert together == alone
    assert [tuple(row) for row in audited(ed.action_id)] == one_by_one


def test_a_batch_holding_a_fraction_is_audited_as_python_writes_it():
    import sqlite3

    from sgdesk.store.changes import Action

    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE audit_change (id INTEGER PRIMARY KEY, action_id, seq, table_name, row_id, op, "
                 "before, after)")
    conn.execute("CREATE TABLE reading (id INTEGER PRIMARY KEY, value INTEGER, note TEXT)")
    ids = Action(conn, 1).insert_many("reading", [{"value": 1 / 3, "note": "a third"}, {"value": 2, "note": None}])
    after = [row[0] for row in conn.execute("SELECT after FROM audit_change ORDER BY seq")]
    assert after == [f'{{"id": {ids[0]}, "value": {1 / 3!r}, "note": "a third"}}',
                     f'{{"id": {ids[1]}, "value": 2, "note": null}}']
