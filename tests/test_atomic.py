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
