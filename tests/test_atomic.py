"""Every output is written beside its target and swapped in whole (sgdesk.atomic)."""

from __future__ import annotations

import errno
import os

import pytest

from sgdesk.atomic import OutputError, atomic_open, atomic_path


def test_a_finished_write_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")
    with atomic_open(target) as handle:
        handle.write(b"new and whole")
    assert target.read_bytes() == b"new and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


def test_a_write_that_fails_keeps_the_old_file_and_says_which_file_and_why(tmp_path):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"%PDF good old pack %%EOF")
    with pytest.raises(OutputError) as raised:
        with atomic_open(target) as handle:
            handle.write(b"%PDF half")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_bytes() == b"%PDF good old pack %%EOF"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]
    message = str(raised.value)
    assert message.startswith("pack.pdf could not be written (No space left on device)")
    assert "the existing pack.pdf is unchanged" in message and "free some space" in message


def test_a_new_file_that_fails_leaves_nothing_and_says_nothing_was_saved(tmp_path):
    target = tmp_path / "register.pdf"
    with pytest.raises(OutputError, match=r"register.pdf could not be written .*nothing was saved"):
        with atomic_path(target) as temporary:
            temporary.write_bytes(b"part")
            raise OSError(errno.EIO, os.strerror(errno.EIO))
    assert list(tmp_path.iterdir()) == []


def test_errors_that_are_not_about_the_file_pass_through_unchanged(tmp_path):
    with pytest.raises(ValueError, match="nothing to print"):
        with atomic_path(tmp_path / "x.pdf"):
            raise ValueError("nothing to print")
    assert list(tmp_path.iterdir()) == []


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "audit.csv"
    target.write_text("old")
    target.chmod(0o600)
    with atomic_open(target, "w", encoding="utf-8") as handle:
        handle.write("new")
    assert target.stat().st_mode & 0o777 == 0o600


# -- every writer, on a drive that fills up while it writes -------------------------------------------
EXPORTS = [
    ("appendix1", "pdf", []),
    ("pack", "pdf", ["--year", "2018/19"]),
    ("pack", "docx", ["--year", "2018/19"]),
    ("attendance", "xlsx", ["--year", "2018/19"]),
    ("attendance", "csv", ["--year", "2018/19"]),
    ("register", "pdf", ["--session", "1"]),
    ("certificates", "pdf", ["--session", "1"]),
    ("assessment-form", "xlsx", ["--set", "respondent=Essex Police"]),
]


class _FileOnAFullDrive:
    """A file in the folder of :func:`full_drive`: writes fail once the drive's room is used up."""

    def __init__(self, handle, drive: dict) -> None:
        self._handle, self._drive = handle, drive

    def write(self, data):
        if self._drive["room"] < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._drive["room"] -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()

    def __iter__(self):
        return iter(self._handle)


@pytest.fixture
def full_drive(monkeypatch):
    """``full_drive(folder, room)``: from now on, files written in ``folder`` may hold ``room`` bytes in all."""
    import builtins
    import io

    real_open = builtins.open

    def make(folder, room: int) -> None:
        drive = {"room": room}
        folder = os.fspath(folder)

        def open_on_the_drive(file, mode="r", *args, **kwargs):
            handle = real_open(file, mode, *args, **kwargs)
            on_drive = isinstance(file, (str, os.PathLike)) and os.path.dirname(os.path.abspath(file)) == folder
            return _FileOnAFullDrive(handle, drive) if on_drive and set(mode) & set("wax+") else handle

        monkeypatch.setattr(builtins, "open", open_on_the_drive)
        monkeypatch.setattr(io, "open", open_on_the_drive)

    return make


@pytest.mark.parametrize(("export", "fmt", "options"), EXPORTS, ids=[f"{e}.{f}" for e, f, _ in EXPORTS])
def test_an_export_that_runs_out_of_room_keeps_the_good_file_it_would_have_replaced(demo_path, full_drive, capsys,
                                                                                    export, fmt, options):
    from sgdesk import cli

    out = demo_path.with_name(f"{export}.{fmt}")
    assert cli.main(["export", str(demo_path), export, "--out", str(out), *options]) == 0
    good = out.read_bytes()
    capsys.readouterr()

    full_drive(out.parent, len(good) // 2)
    assert cli.main(["export", str(demo_path), export, "--out", str(out), *options]) == 1
    assert out.read_bytes() == good
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")] == []
    message = capsys.readouterr().err.strip()
    assert message.count("\n") == 0
    assert message.startswith(f"sgdesk: {out.name} could not be written (No space left on device)")
    assert f"the existing {out.name} is unchanged: free some space" in message


def test_a_backup_to_a_file_that_runs_out_of_room_leaves_no_half_copy(demo_path, sgdesk_with_files_up_to):
    out = demo_path.with_name("copy.sgdesk")
    done = sgdesk_with_files_up_to(200_000, "backup", str(demo_path), str(out))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("sgdesk: copy.sgdesk could not be written (")
    assert sorted(p.name for p in demo_path.parent.iterdir()) == ["demo.sgdesk"]


def test_the_audit_trail_export_keeps_the_old_csv_when_the_write_fails(demo, monkeypatch):
    from sgdesk.safety import audit

    out = demo.path.with_name("audit.csv")
    audit.write_csv(demo, audit.AuditFilter(), out)
    good = out.read_bytes()

    def failing(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(audit, "iter_entries", lambda bf, flt: failing())
    with pytest.raises(OutputError, match="audit.csv could not be written .Input/output error.; the existing"):
        audit.write_csv(demo, audit.AuditFilter(), out)
    assert out.read_bytes() == good
