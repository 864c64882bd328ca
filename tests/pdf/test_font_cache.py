"""The house faces kept between processes: read once, loaded as reportlab reads them, never trusted blindly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from sgdesk.cache import CACHE_DIR_VARIABLE, cache_dir
from sgdesk.paths import resource_path
from sgdesk.pdf import font_cache

REGULAR = resource_path("fonts", "DejaVuSans.ttf")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and a count of the faces reportlab reads from their font files."""
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    reads = []

    class Reading(TTFont):
        def __init__(self, name, filename):
            reads.append(name)
            super().__init__(name, filename)

    monkeypatch.setattr(font_cache, "TTFont", Reading)
    return reads


def _comparable(font):
    face = {**vars(font.face), **{name: getattr(font.face, name) for name in font_cache.TABLES}}
    face.pop("kept_tables", None)
    scale = face.pop("_pdfScale")
    return ({k: v for k, v in vars(font).items() if k not in ("face", "state", "encoding")},
            {k: (type(v), v) for k, v in face.items()},
            [scale(units) for units in (0, 1, 1229, 2048, -483)], type(font.encoding), dict(font.state))


def test_a_face_is_read_from_its_font_once_then_loaded_as_reportlab_reads_it(cache):
    first = font_cache.load_font("SGSans", REGULAR)
    again = font_cache.load_font("SGSans", REGULAR)
    assert cache == ["SGSans"]
    assert _comparable(again) == _comparable(TTFont("SGSans", str(REGULAR)))
    assert _comparable(again) == _comparable(first)
    assert again.face.table["hmtx"] is next(t for t in again.face.tables if t["tag"] == "hmtx")
    assert again.stringWidth("Siân, Zoë, Łukasz – £1,250", 10) == first.stringWidth("Siân, Zoë, Łukasz – £1,250", 10)


def test_a_kept_faces_tables_of_glyphs_are_loaded_only_as_they_are_used(cache):
    font_cache.load_font("SGSans", REGULAR)
    font = font_cache.load_font("SGSans", REGULAR)
    face = font.face
    assert not set(font_cache.TABLES) & vars(face).keys()   # a face no text is set in loads none of them
    assert font.stringWidth("Siân", 10) == TTFont("SGSans", str(REGULAR)).stringWidth("Siân", 10)
    assert face.charWidths[ord("â")] == 612.79296875
    assert {"charWidths"} == set(font_cache.TABLES) & vars(face).keys()
    assert face.charWidths is face.charWidths   # loaded once, then the face's own
    assert face.glyphToChar[face.charToGlyph[ord("â")]] == [ord("â")]


@pytest.mark.parametrize("damage", [b"", b"not a kept face", b"\xe9" * 40])
def test_a_damaged_kept_face_is_read_from_the_font_again_and_kept_anew(cache, damage):
    font_cache.load_font("SGSans", REGULAR)
    kept = cache_dir() / "fonts" / "DejaVuSans.face"
    kept.write_bytes(damage)
    font = font_cache.load_font("SGSans", REGULAR)
    assert cache == ["SGSans", "SGSans"]
    assert font.face.name == b"DejaVuSans"
    assert kept.stat().st_size > 100_000
    font_cache.load_font("SGSans", REGULAR)
    assert len(cache) == 2


def test_a_kept_face_of_another_font_file_is_not_used(cache, tmp_path):
    changed = tmp_path / "DejaVuSans.ttf"  # the same name, another file: another face
    shutil.copyfile(resource_path("fonts", "DejaVuSans-Bold.ttf"), changed)
    font_cache.load_font("SGSans", REGULAR)
    font = font_cache.load_font("SGSans", changed)
    assert cache == ["SGSans", "SGSans"]
    assert font.face.name == b"DejaVuSans-Bold"


def test_a_cache_folder_that_cannot_be_written_only_means_reading_the_font_each_time(cache, tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocked))
    for _ in range(2):
        assert font_cache.load_font("SGSans", REGULAR).face.name == b"DejaVuSans"
    assert cache == ["SGSans", "SGSans"]


def test_a_pdf_made_with_kept_faces_is_the_pdf_made_with_faces_read_from_their_fonts(demo_template, tmp_path):
    env = {**os.environ, CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    made = []
    for run in ("read", "kept"):
        out = tmp_path / f"{run}.pdf"
        subprocess.run([sys.executable, "-m", "sgdesk", "export", str(demo_template), "pack", "--year", "2018/19",
                        "--out", str(out)], env=env, check=True, capture_output=True)
        made.append(out.read_bytes())
    assert len(list((tmp_path / "cache" / "fonts").glob("*.face"))) == 4
    assert made[0] == made[1]
