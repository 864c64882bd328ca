"""A second user: the lock file, the read-only offer, stale and abandoned locks, read-only files and folders."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from sgdesk import cli
from sgdesk.errors import BoardFileError
from sgdesk.store import create_board_file, lockfile, open_board_file
from sgdesk.store.lockfile import FileInUse, lock_path, read_lock

HOLDER = ("import sys; from sgdesk.store import open_board_file; bf = open_board_file(sys.argv[1]); "
          "print('open', flush=True); sys.stdin.readline(); bf.close()")


@contextmanager
def open_elsewhere(path: Path):
    """Another SG Desk process with ``path`` open for editing, until the block ends."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "open"
        yield process
    finally:
        process.stdin.write("\n")
        process.stdin.flush()
        process.wait(timeout=30)


def write_lock(path: Path, *, user: str = "jsmith", machine: str = "COUNCIL-PC-17", pid: int = 4242,
               age: dt.timedelta = dt.timedelta(0)) -> Path:
    """A lock as another copy of SG Desk writes it, last touched ``age`` ago."""
    when = dt.datetime.now(dt.timezone.utc) - age
    lock = lock_path(path)
    lock.write_text(json.dumps({"user": user, "machine": machine, "pid": pid, "opened_at": when.isoformat(),
                                "token": "theirs"}), encoding="utf-8")
    os.utime(lock, (when.timestamp(), when.timestamp()))
    return lock


def answer(dialog_name: str, button: str, qtbot) -> list[str]:
    """Click ``button`` of the dialog ``dialog_name`` as soon as it shows; returns what the dialog said."""
    said: list[str] = []

    def attempt() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == dialog_name and widget.isVisible():
                from PySide6.QtWidgets import QLabel

                said.extend(label.text() for label in widget.findChildren(QLabel))
                qtbot.mouseClick(getattr(widget, button), Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)
    return said


@pytest.fixture
def bare_window(qtbot, settings):
    from sgdesk.gui.shell.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    return window


# -- the lock file --------------------------------------------------------------------------------------
def test_opening_for_editing_writes_a_lock_with_user_machine_and_time_and_closing_removes_it(demo_path):
    with open_board_file(demo_path):
        info = read_lock(demo_path)
        assert info is not None
        assert info.machine == lockfile.machine_name() and info.pid == os.getpid()
        assert info.user and abs(dt.datetime.now(dt.timezone.utc) - info.opened_at) < dt.timedelta(minutes=1)
    assert not lock_path(demo_path).exists()


def test_reading_only_takes_no_lock(demo_path):
    with open_board_file(demo_path, read_only=True):
        assert not lock_path(demo_path).exists()


def test_one_process_opening_a_file_twice_shares_one_lock(demo_path):
    first = open_board_file(demo_path)
    second = open_board_file(demo_path)
    first.close()
    assert lock_path(demo_path).exists(), "the second opening still holds the file"
    second.close()
    assert not lock_path(demo_path).exists()


def test_a_second_process_is_refused_editing_and_told_who_has_the_file(demo_path, capsys, tmp_path):
    source = tmp_path / "agencies.csv"
    source.write_text("Organisation\nNew Agency\n", encoding="utf-8")
    with open_elsewhere(demo_path):
        with pytest.raises(FileInUse, match=r"demo.sgdesk is open for editing by .* on .* since .*: open it "
                                            r"read-only, or ask them to close it"):
            open_board_file(demo_path)
        assert cli.main(["import", str(demo_path), "organisations", str(source)]) == 1
        assert "is open for editing by" in capsys.readouterr().err
        with open_board_file(demo_path, read_only=True) as bf:    # reading is still fine
            assert bf.read_only and "has it open for editing" in bf.read_only_reason
    with open_board_file(demo_path, read_only=True) as bf:
        assert bf.scalar("SELECT count(*) FROM organisation WHERE name = 'New Agency'") == 0


def test_a_stale_lock_from_a_process_that_is_gone_is_cleared(demo_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    write_lock(demo_path, machine=lockfile.machine_name(), pid=gone.pid)
    assert read_lock(demo_path).is_stale
    with open_board_file(demo_path) as bf:
        assert not bf.read_only
        assert read_lock(demo_path).pid == os.getpid()


@pytest.mark.parametrize("content", [b"", b'{"user": "jsmith", "mach', b"\xff\xfe\x00garbage", b"[1, 2, 3]"],
                         ids=["empty", "half-written", "not-utf8", "not-sg-desk"])
def test_a_lock_sg_desk_cannot_read_is_someone_unknowns_and_is_never_cleared_without_asking(demo_path, monkeypatch,
                                                                                         content):
    monkeypatch.setattr(lockfile, "UNREADABLE_GRACE", 0.05)
    lock = lock_path(demo_path)
    lock.write_bytes(content)
    with pytest.raises(FileInUse) as refused:
        open_board_file(demo_path)
    assert str(refused.value).startswith("demo.sgdesk may be open for editing by someone else (its lock file "
                                         "demo.sgdesk.lock cannot be read")
    assert "open it read-only" in str(refused.value)
    assert lock.read_bytes() == content
    with open_board_file(demo_path, read_only=True) as bf:
        assert bf.read_only and "its lock file cannot be read" in bf.read_only_reason
    old = (dt.datetime.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(lock, (old, old))   # untouched for hours: abandoned, so it may be taken over
    with pytest.raises(FileInUse, match="looks abandoned"):
        open_board_file(demo_path)
    with open_board_file(demo_path, take_over_lock=True) as bf:
        assert not bf.read_only


@pytest.mark.parametrize("command", [["report", "{file}", "attendance"], ["check", "{file}"], ["backup", "{file}"]])
def test_reading_commands_work_beside_a_lock_that_is_not_text(demo_path, monkeypatch, capsys, command):
    monkeypatch.setattr(lockfile, "UNREADABLE_GRACE", 0.05)
    lock_path(demo_path).write_bytes(b"\xff\xfe\x00\x81 not a lock SG Desk wrote")
    assert cli.main([part.format(file=demo_path) for part in command]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_an_import_beside_a_lock_that_is_not_text_is_refused_in_one_line(demo_path, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(lockfile, "UNREADABLE_GRACE", 0.05)
    lock_path(demo_path).write_bytes(b"\xff\xfe\x00\x81")
    source = tmp_path / "orgs.csv"
    source.write_text("Organisation,Short name,Type,Statutory partner\nNew Agency,NA,other,No\n", encoding="utf-8")
    assert cli.main(["import", str(demo_path), "organisations", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sgdesk: demo.sgdesk may be open for editing by someone else")


RACER = """
import json, sys, time
from sgdesk.store import lockfile, open_board_file
from sgdesk.errors import BoardFileError
real = lockfile.read_lock
def slow_read_lock(path):   # every opener has looked at the stale lock before any acts on it
    info = real(path)
    time.sleep(0.4)
    return info
lockfile.read_lock = slow_read_lock
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
try:
    bf = open_board_file(sys.argv[1])
except BoardFileError:
    print("refused", flush=True)
    sys.exit(0)
print("editing" if not bf.read_only else "read-only", flush=True)
time.sleep(2.5)   # still editing while the others decide
print(json.dumps(bf.lock.token), flush=True)
bf.close()
"""


def test_of_several_openers_who_find_the_same_stale_lock_exactly_one_takes_it(demo_path):
    import time

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    write_lock(demo_path, machine=lockfile.machine_name(), pid=gone.pid)
    start = time.time() + 1.5
    openers = [subprocess.Popen([sys.executable, "-c", RACER, str(demo_path), str(start)], stdout=subprocess.PIPE,
                                text=True) for _ in range(3)]
    said = [opener.communicate(timeout=60)[0].split() for opener in openers]
    assert sorted(words[0] for words in said) == ["editing", "refused", "refused"]
    assert not lock_path(demo_path).exists()


def test_a_lock_whose_flush_fails_is_not_left_behind_and_the_file_opens_read_only(demo_path, monkeypatch):
    import errno

    real_fsync = os.fsync

    def failing_fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with open_board_file(demo_path) as bf:
        assert bf.read_only
        assert bf.read_only_reason == ("SG Desk cannot write in the folder this file is in (Input/output error), so "
                                       "it cannot save changes there")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert sorted(p.name for p in demo_path.parent.iterdir()) == ["demo.sgdesk"]
    with open_board_file(demo_path) as bf:   # a second computer, a moment later
        assert not bf.read_only


def test_in_a_full_folder_the_file_opens_read_only_and_no_empty_lock_is_left(demo_path, sgdesk_with_files_up_to,
                                                                          tmp_path):
    source = tmp_path / "orgs.csv"
    source.write_text("Organisation,Short name,Type,Statutory partner\nNew Agency,NA,other,No\n", encoding="utf-8")
    done = sgdesk_with_files_up_to(0, "import", str(demo_path), "organisations", str(source))
    assert done.returncode == 1
    assert done.stderr.startswith("sgdesk: ") and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "demo.sgdesk" in done.stderr and "read-only" in done.stderr
    assert not lock_path(demo_path).exists()
    assert cli.main(["report", str(demo_path), "organisations"]) == 0


def test_a_lock_from_another_computer_is_respected_until_it_is_abandoned(demo_path):
    write_lock(demo_path, age=dt.timedelta(minutes=10))
    with pytest.raises(FileInUse) as refused:
        open_board_file(demo_path)
    assert not refused.value.info.is_abandoned()
    write_lock(demo_path, age=dt.timedelta(hours=3))
    with pytest.raises(FileInUse, match="it looks abandoned .* delete demo.sgdesk.lock"):
        open_board_file(demo_path)
    with open_board_file(demo_path, take_over_lock=True) as bf:
        assert not bf.read_only and read_lock(demo_path).token == bf.lock.token


def test_replacing_a_file_someone_has_open_is_refused(demo_path):
    write_lock(demo_path)
    with pytest.raises(FileInUse):
        create_board_file(demo_path, overwrite=True)
    assert open_board_file(demo_path, read_only=True).scalar("SELECT count(*) FROM board") == 1


def test_the_heartbeat_notices_when_someone_takes_the_lock_over(demo_path):
    with open_board_file(demo_path) as bf:
        assert bf.lock.refresh()
        write_lock(demo_path)
        assert not bf.lock.refresh()
    assert read_lock(demo_path).user == "jsmith", "closing must not remove the other user's lock"


def test_the_heartbeat_puts_back_a_lock_file_that_was_deleted_and_rides_out_a_drive_blip(demo_path, monkeypatch):
    with open_board_file(demo_path) as bf:
        lock_path(demo_path).unlink()
        assert bf.lock.refresh()
        assert read_lock(demo_path).token == bf.lock.token
        real_read_text = Path.read_text

        def drive_away(self, *args, **kwargs):
            if self.name.endswith(".lock"):
                raise OSError(112, "The network name is no longer available")
            return real_read_text(self, *args, **kwargs)

        monkeypatch.setattr(Path, "read_text", drive_away)
        assert bf.lock.refresh(), "a moment without the drive is not someone taking over"


# -- the app ----------------------------------------------------------------------------------------------
def test_the_app_offers_read_only_when_another_process_has_the_file(bare_window, demo_path, qtbot):
    with open_elsewhere(demo_path):
        said = answer("lockOfferDialog", "read_only_button", qtbot)
        assert bare_window.open_path(demo_path)
        assert any("is open for editing by" in text for text in said)
        context = bare_window.context
        assert context.read_only
        banner = bare_window.read_only_banner
        assert banner.isVisible() and "has it open for editing" in banner.text()
        assert "changes are switched off" in banner.text()
        assert "read-only" in bare_window.windowTitle()
        assert not bare_window.undo_action.isEnabled()
        with pytest.raises(BoardFileError, match="open read-only"):
            context.edit("Rename an agency")
        for key in ("overview", "reports"):
            view = bare_window.view(key)
            assert all(table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
                       for table in view.findChildren(QAbstractItemView))
        bare_window.close()


def test_cancelling_the_offer_leaves_the_file_closed(bare_window, demo_path, qtbot):
    with open_elsewhere(demo_path):
        said = []

        def cancel() -> None:
            for widget in QApplication.topLevelWidgets():
                if widget.objectName() == "lockOfferDialog" and widget.isVisible():
                    said.append(widget.windowTitle())
                    qtbot.keyClick(widget, Qt.Key.Key_Escape)
                    return
            QTimer.singleShot(20, cancel)

        QTimer.singleShot(0, cancel)
        assert not bare_window.open_path(demo_path)
        assert said == ["This board file is in use"]
        assert bare_window.context is None


def test_the_app_can_take_over_an_abandoned_lock(bare_window, demo_path, qtbot):
    write_lock(demo_path, age=dt.timedelta(hours=5))
    said = answer("lockOfferDialog", "take_over_button", qtbot)
    assert bare_window.open_path(demo_path)
    assert any("Nothing has been heard from that copy of SG Desk" in text for text in said)
    assert not bare_window.context.read_only and bare_window.read_only_banner is None
    assert read_lock(demo_path).pid == os.getpid()
    bare_window.close()
    assert not lock_path(demo_path).exists()


def test_when_another_user_takes_over_the_app_carries_on_read_only(window, demo_path):
    window.show_view("reports")
    write_lock(demo_path, user="akhan", machine="COUNCIL-PC-03")
    window.keep_lock()
    assert window.context.read_only
    assert "akhan on COUNCIL-PC-03" in window.read_only_banner.text()
    assert "another user took over" in window.statusBar().currentMessage().lower()


def test_a_file_the_user_cannot_change_opens_read_only_with_a_banner(bare_window, demo_path, monkeypatch):
    real_access = os.access
    # the tests run as root, who may write anything: let the OS say "no" as it would to a user
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK and Path(p) == demo_path
                        else real_access(p, mode))
    assert bare_window.open_path(demo_path)
    assert "you do not have permission to change this file" in bare_window.read_only_banner.text()
    assert not lock_path(demo_path).exists()
    with pytest.raises(BoardFileError):
        bare_window.context.edit("Change")


def test_a_file_in_a_read_only_folder_opens_read_only_with_a_banner(bare_window, demo_path, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK and Path(p) == demo_path.parent
                        else real_access(p, mode))
    assert bare_window.open_path(demo_path)
    assert "the folder this file is in is read-only" in bare_window.read_only_banner.text()


def test_a_folder_where_no_lock_can_be_written_opens_read_only(demo_path, monkeypatch):
    real_open = os.open

    def refuse_locks(path, flags, mode=0o777):
        if ".lock" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse_locks)
    with open_board_file(demo_path) as bf:
        assert bf.read_only and "cannot write in the folder" in bf.read_only_reason


def test_the_app_says_a_lock_it_cannot_read_may_be_someone_elses_and_opens_read_only_leaving_it(bare_window, demo_path,
                                                                                               qtbot):
    lock = lock_path(demo_path)
    lock.write_bytes(b"\xff\xfe\x00garbage")
    said = answer("lockOfferDialog", "read_only_button", qtbot)
    assert bare_window.open_path(demo_path)
    text = " ".join(said)
    assert ("demo.sgdesk</b> may be open for editing by someone else: its lock file demo.sgdesk.lock cannot be "
            "read, so SG Desk cannot tell who.") in text
    assert "If you are sure nobody has it open, cancel, delete demo.sgdesk.lock beside it, and open the file again" in text
    assert "someone unknown" not in text and "unknown computer" not in text
    assert bare_window.context.read_only
    assert "someone may have it open for editing (its lock file cannot be read" in bare_window.read_only_banner.text()
    bare_window.close()
    assert lock.read_bytes() == b"\xff\xfe\x00garbage"
