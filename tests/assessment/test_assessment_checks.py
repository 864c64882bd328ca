"""`sgdesk check` finds self-assessment answers that do not fit their round's tool."""

from __future__ import annotations

from sgdesk.assessment.checks import assessment_checks


def test_the_demo_answers_all_fit(demo):
    assert [f.level for f in assessment_checks(demo)] == ["ok"]


def test_a_score_off_the_scale_and_a_backwards_period_are_reported(demo):
    response = demo.query_one("SELECT a.id, r.title FROM assessment_response a JOIN assessment_respondent p "
                              "ON p.id = a.respondent_id JOIN assessment_round r ON r.id = p.round_id "
                              "WHERE a.score_halves IS NOT NULL LIMIT 1")
    round_id = demo.scalar("SELECT id FROM assessment_round WHERE title = ?", (response["title"],))
    with demo.edit("Corrupt an answer and a period") as ed:
        ed.update("assessment_response", response["id"], {"score_halves": 10})
        ed.update("assessment_round", round_id, {"period_start": "2030-01-01"})
    texts = [str(f) for f in assessment_checks(demo)]
    assert any(f"'{response['title']}': scores 5.0 are not on the tool's rating scale" in t for t in texts)
    assert any("ends (" in t and "before it starts (2030-01-01)" in t for t in texts)


def test_sgdesk_check_runs_it(demo_path, capsys):
    from sgdesk.cli import main

    assert main(["check", str(demo_path)]) == 0
    assert "[ok] self-assessment: every answer fits its round's tool and scale" in capsys.readouterr().out
