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
