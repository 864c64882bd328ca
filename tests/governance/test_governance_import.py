"""Import kinds actions, risks and business-plan: a messy action log read, every bad row named and nothing
written; a re-import that moves a due date keeps the old one; score totals that do not add up reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sgdesk import registry
from sgdesk.governance.actions import action_history, find_action, get_action, list_actions
from sgdesk.governance.plans import list_objectives, list_plans
from sgdesk.governance.risks import find_risk, get_risk
from sgdesk.importing.framework import ImportProblems, run_import

MESSY_LOG = """\
Ref,Group,Date of meeting,Action required,Lead,By when,Status,Date completed,Progress update,Last updated
,Board,21-Sep-17,Send the annual report to the Health and Wellbeing Board,SBC (Siân Pryce),Nov 2017,Completed,16/11/2017,Sent by email,16/11/17
,,5th June 2018,Circulate the neglect toolkit,Essex Police - Zoë Adeyemi,Next meeting,In progress,,Toolkit being printed,20/06/2018
LOG-7,Executive,25/09/2018,Map the exploitation hotspots,Southend CCG,TBC,on track,,,
,Board,14/03/2018,Report on private fostering,SBC Children's Services,30/06/2018,Open,,,
,Board,05/06/2018,Write to schools,Essex Polise,30/06/2018,Open,,,
,Board,05/06/2018,Review the escalation policy,SBC,31/07/2018,Done,,,
,Board,05/06/2018,Report the MARAC waiting times,SBC,01/05/2018,Open,,,
LOG-7,Board,05/06/2018,Update the website,Southend LSCB,30/09/2018,Open,,,
,Board,05/06/2018,Train the trainers,Southend LSCB,31/09/2018,Finished-ish,,,
,Sub group X,05/06/2018,Audit the audits,Southend LSCB,30/09/2018,Open,,,
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def kind(name: str):
    return registry.load().import_kinds[name]


def test_a_messy_action_log_names_every_bad_row_and_imports_nothing(demo, tmp_path):
    before = demo.scalar("SELECT count(*) FROM board_action")
    with pytest.raises(ImportProblems) as raised:
        run_import(demo, kind("actions"), write(tmp_path, "actions.csv", MESSY_LOG), 1)
    assert raised.value.report().splitlines() == [
        "actions.csv row 4, column 'Date of meeting': '25 Sep 2018' is not the date of a meeting of the Executive; "
        "correct the date, add the meeting in Meetings first, or say in Source which case review, audit or "
        "inspection it answers",
        "actions.csv row 5, column 'Date of meeting': '14 Mar 2018' is not the date of a meeting of the Southend "
        "LSCB; correct the date, add the meeting in Meetings first, or say in Source which case review, audit or "
        "inspection it answers",
        "actions.csv row 6, column 'Lead': 'Essex Polise' is not an organisation in this file; did you mean "
        "'Essex Police'? check the spelling, or import it first with the organisations kind",
        "actions.csv row 7, column 'Status': 'Done' has no date done; fill in the Date done column for this row",
        "actions.csv row 8, column 'By when': '1 May 2018' is before the meeting date; give a due date on or after the "
        "date the action was agreed",
        "actions.csv row 9, column 'Ref': 'LOG-7' is listed twice (also row 4); give each action its own "
        "reference",
        "actions.csv row 10, column 'By when': '31/09/2018' is not a due date; write a date (30/06/2018), a month "
        "(June 2018), Next meeting, or Ongoing",
        "actions.csv row 10, column 'Status': 'Finished-ish' is not an action status; write Open, Done, Dropped or "
        "Superseded",
        "actions.csv row 11, column 'Group': 'Sub group X' is not the board or one of its sub-groups; use one of: "
        "Southend LSCB; Executive; Monitoring; L&D; Community; CSE & Missing; Case Review; Child Death Review",
    ]
    assert demo.scalar("SELECT count(*) FROM board_action") == before


def test_the_good_rows_of_the_messy_log_import_with_their_dates_read(demo, tmp_path):
    before = {a.id for a in list_actions(demo, 1)}
    last_2018 = max(int(a.reference[-3:]) for a in list_actions(demo, 1) if "-2018-" in a.reference)
    good = "\n".join(MESSY_LOG.splitlines()[:4]).replace(",Executive,25/09/2018", ",Board,25/09/2018") + "\n"
    summary = run_import(demo, kind("actions"), write(tmp_path, "actions.csv", good), 1)
    assert summary.created == {"actions": 3, "progress updates": 2}
    sent, toolkit, hotspots = sorted((a for a in list_actions(demo, 1) if a.id not in before), key=lambda a: a.raised_on)
    assert (sent.due_on, sent.status, sent.closed_on, sent.owner, sent.latest_update) == \
        (dt.date(2017, 11, 30), "done", dt.date(2017, 11, 16), "SBC (Siân Pryce)", "Sent by email")
    assert (toolkit.due_on, toolkit.owner, toolkit.latest_update, toolkit.latest_update_on) == \
        (dt.date(2018, 9, 25), "Essex Police (Zoë Adeyemi)", "Toolkit being printed", dt.date(2018, 6, 20))
    assert (hotspots.reference, hotspots.due_on, hotspots.status) == ("LOG-7", None, "open")
    assert toolkit.reference == f"B-2018-{last_2018 + 1:03d}"      # the next of the board's 2018 sequence


def test_a_re_import_moves_the_due_date_keeping_the_old_one_and_closes_the_action(demo, tmp_path):
    header = "Reference,Meeting date,Action,Owner,Due,Status,Date done,Update,Update date\n"
    first = header + "B-2019-099,06/02/2019,Refresh the escalation policy,SBC,31/03/2019,Open,,,\n"
    run_import(demo, kind("actions"), write(tmp_path, "log.csv", first), 1)
    again = header + ("B-2019-099,06/02/2019,Refresh the escalation policy,SBC,30/06/2019,Open,,Consultation "
                      "extended,12/03/2019\n")
    summary = run_import(demo, kind("actions"), write(tmp_path, "log.csv", again), 1)
    assert summary.updated == {"actions": 1} and summary.created == {"progress updates": 1}
    action_id = find_action(demo, 1, "B-2019-099")
    assert [e.describe({}) for e in action_history(demo, action_id)] == [
        "Due 31 Mar 2019, moved to 30 Jun 2019", "Consultation extended"]
    done = header + "B-2019-099,06/02/2019,Refresh the escalation policy,SBC,30/06/2019,Complete,20/06/2019,,\n"
    run_import(demo, kind("actions"), write(tmp_path, "log.csv", done), 1)
    action = get_action(demo, action_id)
    assert (action.status, action.closed_on, action.due_on) == ("done", dt.date(2019, 6, 20), dt.date(2019, 6, 30))
    unchanged = run_import(demo, kind("actions"), write(tmp_path, "log.csv", done), 1)
    assert unchanged.skipped == 1 and not unchanged.updated


def test_a_rag_column_is_checked_not_stored(demo, tmp_path):
    text = ("Meeting date,Action,Owner,Due,RAG\n"
            "06/02/2019,Check the RAG,SBC,07/02/2019,Green\n")
    summary = run_import(demo, kind("actions"), write(tmp_path, "rag.csv", text), 1, dry_run=True)
    assert any("the file rates it Green" in note for note in summary.notes)
    assert any("the RAG column was checked, not stored" in note for note in summary.notes)


RISKS = """\
Risk ref,Risk,Risk owner,Category,Gross likelihood,Gross impact,Likelihood,Impact,Risk score,RAG,Actions,Date added,Reviewed
R20,Website goes down during a campaign,Southend LSCB,Communications,3,3,2,3,6,Amber,B-2019-001,01/04/2019,01/05/2019
R21,Chair's term ends without a successor,Southend LSCB,Governance,4,4,3,4,16,Red,,01/04/2019,
R22,Data returns arrive late,Southend LSCB,Performance,Likely,Moderate,possible,minor,6,,B-2099-001,01/04/2019,
"""


def test_risk_scores_that_do_not_add_up_and_unknown_actions_are_reported(demo, tmp_path):
    with pytest.raises(ImportProblems) as raised:
        run_import(demo, kind("risks"), write(tmp_path, "risks.csv", RISKS), 1)
    assert raised.value.report().splitlines() == [
        "risks.csv row 3, column 'Risk score': '16' is not likelihood 3 x impact 4 = 12; correct the score or the "
        "likelihood and impact",
        "risks.csv row 4, column 'Actions': 'B-2099-001' is not an action in the action log; check the reference, "
        "or import the actions first",
    ]
    assert find_risk(demo, 1, "R20") is None


def test_a_risk_register_imports_with_its_reviews_and_links(demo, tmp_path):
    fixed = RISKS.replace(",3,4,16,Red,", ",3,4,12,Red,").replace(",B-2099-001,", ",,")
    summary = run_import(demo, kind("risks"), write(tmp_path, "risks.csv", fixed), 1)
    assert summary.created == {"risks": 3, "links to mitigating actions": 1}
    assert any("row 3: the file rates it Red" in note and "its score 12 is Amber" in note for note in summary.notes)
    website = get_risk(demo, find_risk(demo, 1, "R20"))
    assert [(r.reviewed_on, r.score) for r in website.reviews] == [(dt.date(2019, 4, 1), 6), (dt.date(2019, 5, 1), 6)]
    assert website.action_ids == (find_action(demo, 1, "B-2019-001"),)
    returns = get_risk(demo, find_risk(demo, 1, "R22"))
    assert (returns.inherent_score, returns.residual_score) == (4 * 3, 3 * 2)


PLAN = """\
No.,Objective,Projected Outcome/Impact Measurement,Lead,Plan
1,Keep children safe online,Fewer children report online harm,Community Sub Group,2019-22
2,Hear from children,The annual report evidences children's views,Southend LSCB,2019-22
3,Train the workforce,Evaluations show confidence improved,The Training Team,2019-22
"""


def test_a_business_plan_import_starts_a_plan_and_names_an_unknown_lead(demo, tmp_path):
    with pytest.raises(ImportProblems, match="row 4, column 'Lead': 'The Training Team' is not a sub-group or an "
                                             "organisation in this file"):
        run_import(demo, kind("business-plan"), write(tmp_path, "plan.csv", PLAN), 1)
    fixed = PLAN.replace("The Training Team", "L&D")
    summary = run_import(demo, kind("business-plan"), write(tmp_path, "plan.csv", fixed), 1)
    assert summary.created == {"business plans": 1, "objectives": 3}
    plan = list_plans(demo, 1)[0]
    assert (plan.title, plan.period.start, plan.period.end) == ("Business Plan 2019-22", dt.date(2019, 4, 1),
                                                                dt.date(2022, 3, 31))
    assert [(o.number, o.lead) for o in list_objectives(demo, plan.id)] == [("1", "Community"),
                                                                         ("2", "Southend LSCB"), ("3", "L&D")]
    again = run_import(demo, kind("business-plan"), write(tmp_path, "plan.csv", fixed.replace("Fewer", "Far fewer")),
                       1)
    assert again.updated == {"objectives": 1} and again.skipped == 2
