"""The audit trail in plain English: names instead of ids, dates, money and yes/no as a business unit writes them."""

from __future__ import annotations

from sgdesk.safety import audit
from sgdesk.safety.audit_words import AuditWording


def latest_sentences(bf, count: int = 1) -> list[str]:
    words = AuditWording(bf)
    return [words.sentence(entry) for entry in audit.entries(bf, limit=count)]


def seat_of(bf, organisation: str) -> int:
    return bf.scalar("SELECT s.id FROM seat s JOIN organisation o ON o.id = s.organisation_id "
                     "WHERE o.name = ? AND s.subgroup_id IS NULL", (organisation,))


def test_a_change_reads_as_a_sentence_naming_the_record(demo):
    with demo.edit("Change the short name of Essex Police") as ed:
        ed.update("organisation", 3, {"short_name": "Police"})
    assert latest_sentences(demo) == ["Changed the short name of Essex Police from 'Essex Police' to 'Police'"]


def test_several_columns_changed_at_once_are_listed_in_one_sentence(demo):
    with demo.edit("Change Essex Police") as ed:
        ed.update("organisation", 3, {"org_type": "council", "statutory": 0, "active_to": "2019-03-31"})
    assert latest_sentences(demo) == [("Changed the type of Essex Police from 'police' to 'council', the statutory "
                                      "partner flag from yes to no and the partner-to date from blank to 31 Mar 2019")]


def test_ids_read_as_the_names_of_what_they_point_at(demo):
    seat = seat_of(demo, "Essex Police")
    with demo.edit("Move the seat") as ed:
        ed.update("seat", seat, {"organisation_id": 1})
    assert latest_sentences(demo) == [("Changed the organisation of the Member seat of Essex Police (Southend LSCB) "
                                      "from Essex Police to Southend Borough Council")]


def test_money_reads_in_pounds_and_attendance_marks_say_what_they_mean(demo):
    entry = demo.scalar("SELECT id FROM ledger_entry WHERE description = 'Salaries'")
    mark = demo.query_one("SELECT a.id, m.meets_on FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
                          "WHERE a.seat_id = ? AND a.mark = 'Y' ORDER BY m.meets_on LIMIT 1",
                          (seat_of(demo, "Essex Police"),))
    with demo.edit("Two changes") as ed:
        ed.update("ledger_entry", entry, {"amount_pence": 123456})
        ed.update("attendance", mark[0], {"mark": "A"})
    ledger, attendance = latest_sentences(demo, 2)   # in the order the action made them
    assert ledger.startswith("Changed the amount of Salaries from £") and ledger.endswith(" to £1,234.56")
    assert attendance == ("Changed the mark of the attendance of the Member seat of Essex Police (Southend LSCB) at "
                          f"the Southend LSCB meeting of {_day(mark[1])} from Y (attended) to A (sent apologies)")


def test_additions_and_deletions_name_what_was_added_or_deleted(demo):
    with demo.edit("Add a sub-group") as ed:
        subgroup = ed.insert("subgroup", {"board_id": 1, "name": "Neglect Strategy Group"})
    with demo.edit("Remove it") as ed:
        ed.delete("subgroup", subgroup)
    assert latest_sentences(demo, 2) == ["Deleted the sub-group Neglect Strategy Group",
                                         "Added the sub-group Neglect Strategy Group"]


def test_a_record_deleted_since_is_named_from_the_audit_trail(demo):
    with demo.edit("Add a sub-group") as ed:
        subgroup = ed.insert("subgroup", {"board_id": 1, "name": "Neglect Strategy Group"})
        seat = ed.insert("seat", {"board_id": 1, "subgroup_id": subgroup, "organisation_id": 3, "role": "Chair"})
    with demo.edit("Change the seat") as ed:
        ed.update("seat", seat, {"role": "Vice Chair"})
    with demo.edit("Remove both") as ed:
        ed.delete("seat", seat)
        ed.delete("subgroup", subgroup)
    change = next(entry for entry in audit.entries(demo, limit=5) if entry.op == "update")
    assert AuditWording(demo).sentence(change) == ("Changed the role of the Chair seat of Essex Police (Neglect "
                                                   "Strategy Group) from 'Chair' to 'Vice Chair'")


def test_a_new_registers_table_reads_by_its_column_names(demo_path, extra_migration):
    from sgdesk.store import open_board_file

    extra_migration("CREATE TABLE risk_register_item (id INTEGER PRIMARY KEY, title TEXT NOT NULL, "
                    "risk_owner_id INTEGER REFERENCES person(id), review_on TEXT);")
    with open_board_file(demo_path) as demo, demo.edit("Add a risk") as ed:
        risk = ed.insert("risk_register_item", {"title": "Partner funding falls", "risk_owner_id": 1})
        ed.update("risk_register_item", risk, {"review_on": "2019-06-30", "risk_owner_id": 3})
    with open_board_file(demo_path, read_only=True) as demo:
        sentences = latest_sentences(demo, 2)
    assert sentences == [
        "Added the risk register item Partner funding falls",
        ("Changed the risk owner of Partner funding falls from Priya Raman to Gareth Pugh and the review on from "
        "blank to 30 Jun 2019")]


def test_the_csv_export_has_the_sentence_beside_the_raw_values(demo, tmp_path):
    import csv

    with demo.edit("Change the short name of Essex Police") as ed:
        ed.update("organisation", 3, {"short_name": "Police"})
    path = tmp_path / "trail.csv"
    audit.write_csv(demo, audit.AuditFilter(), path)
    with path.open(encoding="utf-8-sig") as handle:
        first = next(csv.DictReader(handle))
    assert first["What changed"] == "Changed the short name of Essex Police from 'Essex Police' to 'Police'"
    assert first["Details"] == "short_name: 'Essex Police' → 'Police'"


def _day(iso: str) -> str:
    import datetime as dt

    from sgdesk.dates import format_date

    return format_date(dt.date.fromisoformat(iso))
