"""The cache folder: a value kept in a file, read back; anything unreadable reads as nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgdesk.cache import CACHE_DIR_VARIABLE, cache_dir, keep, kept


def test_the_cache_folder_is_the_one_the_environment_names(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(CACHE_DIR_VARIABLE)
    from platformdirs import user_cache_dir

    assert cache_dir() == Path(user_cache_dir("SG Desk", appauthor=False))  # %LOCALAPPDATA%\SG Desk\Cache


def test_a_value_kept_is_read_back_and_its_folder_made(tmp_path):
    place = tmp_path / "new folder" / "faces.face"
    keep(place, (1, "5.1.0", {"charWidths": {32: 317.87}, "tables": [{"tag": "hmtx"}]}))
    assert kept(place) == (1, "5.1.0", {"charWidths": {32: 317.87}, "tables": [{"tag": "hmtx"}]})
    assert [p.name for p in place.parent.iterdir()] == ["faces.face"]  # no partial file left beside it


@pytest.mark.parametrize("content", [b"", b"\x00\x01 not marshal", b"not a kept value"])
def test_a_file_that_cannot_be_read_as_a_value_reads_as_nothing(tmp_path, content):
    place = tmp_path / "kept"
    place.write_bytes(content)
    assert kept(place) is None
    assert kept(tmp_path / "missing") is None


def test_what_cannot_be_kept_is_not_kept_and_nothing_is_raised(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    keep(blocked / "kept", {"a": 1})
    keep(tmp_path / "kept", {"a": object()})  # marshal cannot write it
    assert kept(tmp_path / "kept") is None
    assert not (tmp_path / "kept").exists()
