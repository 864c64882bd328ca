"""`sgdesk check` and Help > Check file: integrity, references, schema, and every feature's domain checks."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from sgdesk import cli, registry
from sgdesk.checks import Finding, run_checks

FIXTURES = Path(__file__).parents[1] / "fixtures"
CHECKS = registry.load().checks


def _name(check) -> str:
    return getattr(check, "__name__", repr(check))


@pytest.mark.parametrize("check", CHECKS, ids=_name)
@pytest.mark.parametrize("board", ["demo", "empty_board"])
def test_every_domain_check_says_what_it_checked_when_all_is_well(check, board, request):
    findings = check(request.getfixturevalue(board))
    assert [f.level for f in findings] == ["ok"], f"{_name(check)}: {findings}"
    assert findings[0].text.strip()


#: what a crude edit in another tool can do to the demo board, one contradiction for each feature's check
CONTRADICTIONS = (
    "UPDATE seat SET starts_on = '2019-01-01' WHERE id = (SELECT seat_id FROM attendance ORDER BY id LIMIT 1)",
    "UPDATE ledger_entry SET entry_date = '2030-01-01' WHERE id = (SELECT min(id) FROM ledger_entry)",
    "UPDATE assessment_response SET score_halves = 99 WHERE id = (SELECT min(id) FROM assessment_response "
    "WHERE score_halves IS NOT NULL)",
    "UPDATE training_session SET status = 'cancelled' WHERE id = (SELECT session_id FROM training_booking "
    "WHERE status = 'attended' LIMIT 1)",
    "UPDATE board_action SET due_on = '2000-01-01' WHERE id = (SELECT min(id) FROM board_action)",
    "UPDATE regional_comparison SET this_partnership = 'Nowhere' WHERE id = (SELECT min(id) FROM "
    "regional_comparison)",
)


def test_every_domain_check_finds_its_contradiction_and_says_where_and_how_to_fix(demo_path):
    from sgdesk.store import open_board_file

    conn = sqlite3.connect(demo_path)
    for statement in CONTRADICTIONS:
        assert conn.execute(statement).rowcount == 1, statement
    conn.commit()
    conn.close()
    with open_board_file(demo_path, read_only=True) as bf:
        for check in CHECKS:
            found = [f for f in check(bf) if f.level != "ok"]
            assert found, f"{_name(check)} found nothing wrong"
            for finding in found:
                assert isinstance(finding, Finding) and finding.level in ("warning", "problem")
                assert finding.fix.strip(), f"{_name(check)}: '{finding.text}' does not say how to fix it"


def test_the_demo_board_passes_every_check(demo_path, capsys):
    assert cli.main(["check", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "[ok] database integrity check passed" in out
    assert "demo.sgdesk: 0 problem(s)" in out


def test_a_check_that_fails_to_run_is_reported_without_hiding_the_others(demo):
    def broken_check(bf):
        raise KeyError("Siân Pryce")

    findings = run_checks(demo, [broken_check, *CHECKS])
    broken = [f for f in findings if "broken_check could not run" in f.text]
    assert len(broken) == 1 and broken[0].level == "problem" and "support" in broken[0].fix
    assert "Siân" not in broken[0].text
    assert sum(f.text.startswith("database integrity") for f in findings) == 1


def _damage(path: Path) -> None:
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    size = len(data) // pages
    data[size * (pages // 2): size * (pages // 2 + 1)] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_reported_with_how_to_fix_it(demo_path, capsys):
    _damage(demo_path)
    assert cli.main(["check", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert "[PROBLEM] database integrity check failed" in out
    assert "restore the latest good backup (sgdesk restore)" in out
    assert "1 problem(s)" in out


def test_records_pointing_at_nothing_are_reported_in_the_app(window, demo_path, qtbot):
    conn = sqlite3.connect(demo_path)   # what a crude edit in another tool does: foreign keys off
    conn.execute("INSERT INTO subgroup (board_id, name) VALUES (99, 'Orphan group')")
    conn.commit()
    conn.close()
    window.check_action.trigger()
    qtbot.waitUntil(lambda: hasattr(window, "findings_dialog"), timeout=10000)
    shown = window.findings_dialog.findChild(QPlainTextEdit).toPlainText()
    assert "[PROBLEM] 1 rows point at missing records (in subgroup)" in shown
    assert "restore the latest good backup" in shown


def test_an_older_file_is_a_warning_not_a_problem(tmp_path, capsys):
    path = tmp_path / "old.sgdesk"
    shutil.copy(FIXTURES / "board-v1.sgdesk", path)
    assert cli.main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "[warning] schema version 1" in out and "open the file in SG Desk to upgrade it" in out
    assert path.read_bytes() == (FIXTURES / "board-v1.sgdesk").read_bytes(), "checking never changes the file"
