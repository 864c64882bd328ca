"""Every PDF the demo board can produce, and the ten-year stress board's pack, pass the PDF/UA checker."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import subprocess
from collections import Counter

import pdfplumber
import pikepdf
import pytest

from sgdesk import registry
from sgdesk.branding import Branding, load_branding, save_branding
from sgdesk.cli import main
from sgdesk.pdf.accessibility import check_pdf

PDF_EXPORTS = sorted(name for name, export in registry.load().exports.items() if "pdf" in export.formats)
SESSION = ["--session", "12"]
YEAR = ["--year", "2018/19"]
MEETING = ["--meeting", "06/02/2019"]
OPTIONS = {"register": SESSION, "certificates": SESSION, "meeting-pack": MEETING}
VARIANTS = {
    "appendix2 plain": ["appendix2", *YEAR, "--set", "style=plain"],
    "pack draft": ["pack", *YEAR, "--draft"],
    "pack without a financial year": ["pack", "--from", "01/05/2018", "--to", "30/06/2018"],
    "training, all years": ["training"],
    "data matrix, every year": ["data-matrix"],
}
LOGO = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwPCfAQAL+wP9"
                        "2x0mHwAAAABJRU5ErkJggg==")


def export(path, arguments: list[str], out, capsys) -> None:
    name, *options = arguments
    assert main(["export", str(path), name, *options, "--out", str(out)]) == 0, capsys.readouterr().err


def printed_words(out) -> list[str]:
    """The words on the pages in the order they are printed, leaving out the artifacts."""
    words: list[str] = []
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            content = page.filter(lambda obj: obj.get("object_type") != "char" or obj.get("tag") != "Artifact")
            words += content.extract_text().split()
    return words


def read_words(structure_text, out) -> list[str]:
    """The words a screen reader reads, in structure order."""
    return " ".join(text for _path, text in structure_text(out)).split()


def tagged(out) -> bool:
    """What pdfinfo (poppler) says: ``Tagged: yes``. Without poppler-utils the test is skipped here, so ask
    it after the test's other checks."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed: build_scripts/run_tests.sh installs it")
    info = subprocess.run([pdfinfo, str(out)], capture_output=True, text=True, check=True)
    return "Tagged:          yes" in info.stdout


def test_the_list_of_pdfs_is_every_pdf_export() -> None:
    assert {"appendix1", "appendix2", "appendix3", "training", "register", "certificates", "pack", "ledger",
            "meeting-pack", "data-matrix", "risks", "actions", "business-plan"} <= set(PDF_EXPORTS)


@pytest.mark.parametrize("name", PDF_EXPORTS)
def test_every_pdf_export_of_the_demo_board_is_accessible(demo_template, tmp_path, capsys, structure_text,
                                                          name: str) -> None:
    out = tmp_path / f"{name}.pdf"
    export(demo_template, [name, *OPTIONS.get(name, YEAR)], out, capsys)
    assert [str(problem) for problem in check_pdf(out)] == []
    # every printed word is read once: nothing left out, nothing (such as a repeated header) read twice
    assert Counter(read_words(structure_text, out)) == Counter(printed_words(out))
    assert tagged(out)


def test_appendix_2_reads_in_the_order_it_is_printed(demo_template, tmp_path, capsys, structure_text) -> None:
    out = tmp_path / "appendix2.pdf"
    export(demo_template, ["appendix2", *YEAR], out, capsys)
    read = structure_text(out)
    assert read[0] == ("Document/Sect/H1", "Appendix 2: Southend LSCB finance 2018/19")
    assert read_words(structure_text, out) == printed_words(out)  # its cells never wrap, so line by line
    rows = [text for path, text in read if path.endswith("TBody/TR/TH")]
    assert rows[:4] == ["Expenditure", "Salaries", "", "Salary Recharge"]  # a row's category and description


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_other_choices_stay_accessible(demo_template, tmp_path, capsys, variant: str) -> None:
    out = tmp_path / "variant.pdf"
    export(demo_template, VARIANTS[variant], out, capsys)
    assert [str(problem) for problem in check_pdf(out)] == []


def test_a_branded_pack_with_a_logo_and_marking_is_accessible(demo_path, tmp_path, capsys) -> None:
    from sgdesk.store import open_board_file

    with open_board_file(demo_path) as bf, bf.edit("Brand") as ed:
        save_branding(ed, bf, 1, Branding(full_name=load_branding(bf, 1).full_name, logo=LOGO, marking="OFFICIAL"))
    out = tmp_path / "pack.pdf"
    export(demo_path, ["pack", *YEAR], out, capsys)
    assert [str(problem) for problem in check_pdf(out)] == []
    with pikepdf.open(out) as pdf:
        figures = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"]
    assert [str(figure.Alt) for figure in figures][0] == "Logo of Southend-on-Sea Local Safeguarding Children Board"


def test_the_stress_boards_pack_is_accessible(tmp_path_factory, capsys) -> None:
    from sgdesk.fyear import FinancialYear

    folder = tmp_path_factory.mktemp("large")
    board = folder / "large.sgdesk"
    assert main(["demo", str(board), "--scale", "large"]) == 0
    last_complete = FinancialYear.containing(dt.date.today()).start.year - 1
    out = folder / "pack.pdf"
    export(board, ["pack", "--year", f"{last_complete}/{(last_complete + 1) % 100:02d}", "--board",
                   "Marshford Safeguarding Children Partnership"], out, capsys)
    assert "(" in capsys.readouterr().out
    assert [str(problem) for problem in check_pdf(out)] == []
    assert tagged(out)


@pytest.mark.parametrize("arguments", [["pack", *YEAR], ["data-matrix"], ["meeting-pack", *MEETING]],
                         ids=lambda arguments: arguments[0])
def test_tagging_does_not_change_how_a_page_looks(demo_template, tmp_path, capsys, monkeypatch, arguments) -> None:
    import functools

    import pypdfium2 as pdfium

    import sgdesk.pdf

    def pages(path) -> list[bytes]:
        document = pdfium.PdfDocument(path)
        try:
            return [document[number].render(scale=60 / 72).to_pil().tobytes() for number in range(len(document))]
        finally:
            document.close()

    export(demo_template, arguments, tmp_path / "tagged.pdf", capsys)
    monkeypatch.setattr(sgdesk.pdf, "build_pdf", functools.partial(sgdesk.pdf.build_pdf, tagged=False))
    export(demo_template, arguments, tmp_path / "untagged.pdf", capsys)
    tagged_pages, untagged_pages = pages(tmp_path / "tagged.pdf"), pages(tmp_path / "untagged.pdf")
    assert len(tagged_pages) == len(untagged_pages) > 1
    assert [number for number, (a, b) in enumerate(zip(tagged_pages, untagged_pages), 1) if a != b] == []
    assert tagged(tmp_path / "tagged.pdf") and not tagged(tmp_path / "untagged.pdf")
