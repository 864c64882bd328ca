"""Branding: a board's names, logo, accent, footer and marking, stored undoably and used by every document."""

from __future__ import annotations

import base64
import datetime as dt

import pypdf
import pytest

from sgdesk.branding import (
    Branding,
    document_spec,
    load_branding,
    read_logo,
    save_branding,
)
from sgdesk.cli import main
from sgdesk.errors import InputError, SGDeskError

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwPCfAQAL+wP9"
                       "2x0mHwAAAABJRU5ErkJggg==")
BRANDED = Branding(full_name="Southend-on-Sea Safeguarding Children Partnership", short_name="Southend SCP",
                   accent="#7a1f5c", footer_text="  Working together   to keep children safe ", marking="OFFICIAL",
                   logo=PNG)


def test_a_new_board_has_its_names_and_the_house_style(empty_board):
    branding = load_branding(empty_board, 1)
    assert branding == Branding("Test Safeguarding Children Partnership", "Test SCP")
    spec = document_spec(empty_board, 1, "Ledger 2018/19")
    assert (spec.board_name, spec.accent, spec.marking, spec.footer_text) == (
        "Test Safeguarding Children Partnership", "#1F4E79", None, None)


def test_branding_is_saved_tidied_and_undone_in_one_step(empty_board):
    with empty_board.edit("Change the board's branding") as ed:
        save_branding(ed, empty_board, 1, BRANDED)
    saved = load_branding(empty_board, 1)
    assert saved == Branding("Southend-on-Sea Safeguarding Children Partnership", "Southend SCP", "#7A1F5C",
                             "Working together to keep children safe", "OFFICIAL", PNG)
    assert empty_board.scalar("SELECT name FROM board WHERE id = 1") == saved.full_name
    empty_board.editor.undo()
    assert load_branding(empty_board, 1) == Branding("Test Safeguarding Children Partnership", "Test SCP")


def test_saving_the_same_branding_again_changes_nothing(empty_board):
    with empty_board.edit("Brand") as ed:
        save_branding(ed, empty_board, 1, BRANDED)
    before = empty_board.scalar("SELECT count(*) FROM audit_change")
    with empty_board.edit("Brand again") as ed:
        save_branding(ed, empty_board, 1, load_branding(empty_board, 1))
    assert empty_board.scalar("SELECT count(*) FROM audit_change") == before


@pytest.mark.parametrize(("changes", "message"), [
    ({"accent": "navy"}, "'navy' is not a colour: write it as # and six hex digits, e.g. #1F4E79"),
    ({"full_name": "  "}, "The board's full name is empty: type the name printed on the board's documents"),
    ({"footer_text": "x" * 130}, "The footer text is 130 characters long: keep it to 120 characters"),
    ({"logo": b"GIF89a"}, "The logo is not a PNG or JPEG image: save the logo as PNG or JPEG and choose that"),
    ({"logo": b"\x89PNG\r\n\x1a\n" + b"0" * (3 * 1024 * 1024)},
     "The logo (3,072 KB) is too large: save a copy under 2 MB and choose that"),
])
def test_unusable_branding_says_what_to_fix_and_writes_nothing(empty_board, changes, message):
    from dataclasses import replace

    with pytest.raises(InputError) as error, empty_board.edit("Brand") as ed:
        save_branding(ed, empty_board, 1, replace(BRANDED, **changes))
    assert str(error.value) == message
    assert load_branding(empty_board, 1).marking is None


def test_another_boards_name_cannot_be_taken(empty_board):
    from sgdesk.boards import add_board

    with empty_board.edit("Add the adults' board") as ed:
        add_board(ed, "Southend Safeguarding Adults Board", kind="adults")
    with pytest.raises(InputError) as error, empty_board.edit("Brand") as ed:
        save_branding(ed, empty_board, 1, Branding("southend safeguarding adults board"))
    assert str(error.value) == ("'southend safeguarding adults board' is already the name of another board in this "
                                "file: give this board a different full name")


def test_a_logo_is_read_from_a_file_and_kept_in_the_board_file(tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(PNG)
    assert read_logo(path) == PNG
    with pytest.raises(SGDeskError) as error:
        read_logo(tmp_path / "missing.png")
    assert str(error.value) == "the logo missing.png cannot be read (No such file or directory): choose another file"


def test_the_document_spec_carries_the_branding_and_takes_overrides(empty_board):
    with empty_board.edit("Brand") as ed:
        save_branding(ed, empty_board, 1, BRANDED)
    spec = document_spec(empty_board, 1, "Appendix 2", draft=True, generated_on=dt.date(2026, 11, 23))
    assert (spec.board_name, spec.accent, spec.footer_text, spec.marking, spec.draft) == (
        "Southend-on-Sea Safeguarding Children Partnership", "#7A1F5C", "Working together to keep children safe",
        "OFFICIAL", True)
    assert document_spec(empty_board, 1, "Appendix 2", marking=None).marking is None


@pytest.mark.parametrize(("export", "extra"), [
    ("appendix1", []), ("appendix2", []), ("appendix3", []), ("training", []), ("pack", []), ("ledger", []),
    ("register", ["--session", "1"]),
])
def test_every_pdf_carries_the_board_branding(demo_path, tmp_path, capsys, export, extra):
    from sgdesk.store import open_board_file

    with open_board_file(demo_path) as bf, bf.edit("Brand") as ed:
        save_branding(ed, bf, 1, BRANDED)
    out = tmp_path / f"{export}.pdf"
    assert main(["export", str(demo_path), export, "--year", "2018/19", "--out", str(out), *extra]) == 0, \
        capsys.readouterr().err
    for number, page in enumerate(pypdf.PdfReader(out).pages, start=1):
        text = page.extract_text()
        assert text.count("OFFICIAL") >= 2  # the marking, top and bottom
        if export == "pack" and number == 1:
            assert "Southend-on-Sea Safeguarding Children Partnership" in " ".join(text.split())
            continue  # the cover has no running header or footer
        assert text.startswith("Southend-on-Sea Safeguarding Children Partnership")
        assert "Working together to keep children safe" in text


@pytest.mark.parametrize(("accent", "ratio", "nearby"), [
    ("#7FB3D5", "2.2:1", "#377BA8 (4.6:1)"), ("#FFFF00", "1.0:1", "#7A7A00 (4.5:1)"),
    ("#00a0b0", "3.1:1", "#00828F (4.5:1)"),
])
def test_an_accent_too_light_for_white_text_and_headings_is_refused_with_one_that_passes(empty_board, accent, ratio,
                                                                                           nearby):
    from sgdesk.branding import accent_contrast

    with pytest.raises(InputError) as refused, empty_board.edit("Brand") as ed:
        save_branding(ed, empty_board, 1, Branding(full_name="Test SCP", accent=accent))
    assert str(refused.value) == (
        f"The accent colour {accent.upper()} has a contrast of {ratio} with white, and headings and table headers "
        f"need at least 4.5:1 to be readable: choose a darker colour, such as {nearby}")
    suggested = nearby.split()[0]
    assert accent_contrast(suggested) >= 4.5
    with empty_board.edit("Brand") as ed:
        save_branding(ed, empty_board, 1, Branding(full_name="Test SCP", accent=suggested))
    assert load_branding(empty_board, 1).accent == suggested


def test_contrast_ratios_follow_wcag() -> None:
    import doctest

    from sgdesk import branding
    from sgdesk.branding import contrast_ratio, ratio_text

    assert doctest.testmod(branding).failed == 0
    assert ratio_text(contrast_ratio("#767676", "#FFFFFF")) == "4.5:1"  # the lightest grey that passes
    assert ratio_text(contrast_ratio("#777777", "#FFFFFF")) == "4.4:1"  # never rounded up to a pass
