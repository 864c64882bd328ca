"""Privacy: no network connection ever, no personal data in logs, private files for data and backups."""

from __future__ import annotations

import logging
import socket
import sys

import pytest

from sgdesk import cli, registry
from sgdesk.backups import list_backups
from sgdesk.gui.shell.viewspecs import view_specs
from sgdesk.organisations import add_organisation

SENTINEL = "Siân Pryce-Adeyemi"   # an invented person, who must never reach a log


@pytest.fixture
def no_network(monkeypatch) -> list[str]:
    """Every attempt to reach the network (or look a name up) is recorded and refused."""
    attempts: list[str] = []

    def refuse(what: str):
        def refused(*args, **kwargs):
            attempts.append(f"{what}{args[1:2] or args[:1]}")
            raise OSError("the network is off limits to SG Desk")
        return refused

    real_connect = socket.socket.connect

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return refuse("connect")(self, address)
        return real_connect(self, address)  # local (AF_UNIX) sockets are not the network

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: connect(self, address) or 0)
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def _exports_to_try() -> list[tuple[str, str]]:
    """Every export in its first format, and each other format once (on the organisations export)."""
    exports = registry.load().exports
    pairs = [(name, export.formats[0]) for name, export in sorted(exports.items())]
    pairs += [("organisations", fmt) for fmt in exports["organisations"].formats[1:]]
    return pairs


def test_no_command_opens_a_network_connection(no_network, tmp_path, capsys):
    board = tmp_path / "demo.sgdesk"
    assert cli.main(["demo", str(board)]) == 0
    assert cli.main(["new", str(tmp_path / "new.sgdesk"), "--board", "Test Safeguarding Adults Board",
                     "--kind", "adults"]) == 0
    source = tmp_path / "agencies.csv"
    source.write_text("Organisation,Type\nSouthend Carers,voluntary\n", encoding="utf-8")
    assert cli.main(["import", str(board), "organisations", str(source)]) == 0
    for report in registry.load().reports:
        assert cli.main(["report", str(board), report, "--year", "2018/19", "--format", "csv"]) in (0, 1)
    for name, fmt in _exports_to_try():
        cli.main(["export", str(board), name, "--year", "2018/19", "--out", str(tmp_path / f"{name}.{fmt}")])
    assert cli.main(["check", str(board)]) in (0, 1)
    assert cli.main(["backup", str(board)]) == 0
    assert cli.main(["restore", str(board), "latest"]) == 0
    capsys.readouterr()
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_the_app_opens_no_network_connection(no_network, window, qtbot, message_boxes):
    for spec in view_specs():
        window.show_view(spec.key)
    with window.context.edit("Add Southend Carers") as ed:
        add_organisation(ed, "Southend Carers")
    window.check_action.trigger()
    qtbot.waitUntil(lambda: hasattr(window, "findings_dialog"), timeout=10000)
    window.show_audit_trail()
    window.audit_dialog.close()
    from sgdesk.gui.safety.restore import RestoreDialog

    dialog = RestoreDialog(window.context.bf.path, window.settings, window)
    dialog.show()
    dialog.reject()
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_unexpected_errors_are_logged_without_the_values_in_them(window, caplog, message_boxes):
    from sgdesk.gui.widgets.dialogs import show_error

    caplog.set_level(logging.DEBUG)
    try:
        {"Essex Police": 1}[SENTINEL]
    except KeyError as error:
        show_error(window, error)
    logging.getLogger("sgdesk").warning("could not read %s", SENTINEL)
    assert "KeyError" in caplog.text and "its text is withheld" in caplog.text
    assert SENTINEL not in caplog.text
    assert all(SENTINEL not in record.getMessage() for record in caplog.records)
    assert SENTINEL not in message_boxes[0], "the message box does not show the value either"


def test_importing_checking_and_restoring_log_nothing_personal(demo_path, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    source = tmp_path / "agencies.csv"
    source.write_text(f"Organisation,Type\n{SENTINEL},not a type\n", encoding="utf-8")
    assert cli.main(["import", str(demo_path), "organisations", str(source)]) == 1
    source.write_text(f"Organisation\n{SENTINEL}\n", encoding="utf-8")
    assert cli.main(["import", str(demo_path), "organisations", str(source)]) == 0
    assert cli.main(["check", str(demo_path)]) == 0
    assert cli.main(["restore", str(demo_path), "latest"]) == 0
    assert SENTINEL not in caplog.text


def test_board_files_backups_and_audit_exports_are_readable_by_their_owner_only(demo_path, tmp_path):
    from sgdesk.safety import audit
    from sgdesk.store import create_board_file, open_board_file

    create_board_file(tmp_path / "new.sgdesk").close()
    assert (tmp_path / "new.sgdesk").stat().st_mode & 0o077 == 0
    assert cli.main(["backup", str(demo_path)]) == 0
    backup, = list_backups(demo_path)
    assert backup.path.stat().st_mode & 0o077 == 0
    with open_board_file(demo_path, read_only=True) as bf:
        audit.write_csv(bf, audit.AuditFilter(), tmp_path / "trail.csv")
    assert (tmp_path / "trail.csv").stat().st_mode & 0o077 == 0


def test_the_lock_file_says_who_and_where_but_nothing_from_the_board(demo_path):
    import json

    from sgdesk.store import open_board_file
    from sgdesk.store.lockfile import lock_path

    with open_board_file(demo_path):
        content = json.loads(lock_path(demo_path).read_text(encoding="utf-8"))
    assert set(content) == {"user", "machine", "pid", "opened_at", "app", "token"}
