"""The annual-report appendix pack: the figures of the reports, contents, bookmarks, clean pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import docx
from docx.oxml.ns import qn
import pdfplumber
import pypdf
import pypdfium2 as pdfium
import pytest

from sgdesk.cli import main
from sgdesk.errors import InputError
from sgdesk.exporting import ExportRequest
from sgdesk.fyear import Period
from sgdesk.pack.export import export_pack
from sgdesk.pdf.page import MARGIN
from sgdesk.store import open_board_file

DAY = dt.date(2026, 11, 23)
YEAR = "2018/19"
TITLES = ["Appendix 1: Board membership and attendance", "Appendix 2: Southend LSCB finance 2018/19",
          "Appendix 3: Self-Assessment Tool", "Appendix 4: Multi-agency training 2018/19",
          "Appendix 5: Business plan progress 2018/19", "Appendix 6: Local Authority Data Matrix"]


def build(board: Path, out: Path, **options: str) -> object:
    draft = options.pop("draft", "") == "yes"
    with open_board_file(board, read_only=True) as bf:
        return export_pack(bf, ExportRequest(1, out, Period.for_year(YEAR), draft, options, DAY))


@pytest.fixture(scope="module")
def pack(demo_template, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "pack.pdf"
    build(demo_template, out)
    return out


@pytest.fixture(scope="module")
def pages(pack) -> list[str]:
    with pdfplumber.open(pack) as pdf:
        return [page.extract_text() for page in pdf.pages]


def outline(path: Path) -> list[tuple[str, int]]:
    reader = pypdf.PdfReader(path)
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline
            if not isinstance(item, list)]


def appendix_text(pack: Path, pages: list[str], number: int) -> str:
    """The text of one appendix's pages, from its bookmark to the next."""
    starts = [page for _title, page in outline(pack)] + [len(pages) + 1]
    return "\n".join(pages[starts[number - 1] - 1:starts[number] - 1])


def report_csv(board: Path, name: str, capsys) -> list[list[dict[str, str]]]:
    assert main(["report", str(board), name, "--year", YEAR, "--format", "csv"]) == 0
    parts = capsys.readouterr().out.split("\n\n")
    return [list(csv.DictReader(io.StringIO(part))) for part in parts if part.strip()]


def money(text: str) -> str:
    """A CSV amount as the appendices print it: 87819.53 -> 87,819.53, -62921 -> −62,921.00."""
    return f"{Decimal(text):,.2f}".replace("-", "\u2212")


def test_appendix_1_holds_the_attendance_report_figures(demo_template, pack, pages, capsys):
    text = appendix_text(pack, pages, 1)
    lines = text.splitlines()
    seats = report_csv(demo_template, "attendance", capsys)[0]
    assert len(seats) == 12
    for seat in seats:
        start = f"{seat['Organisation']} {seat['Representative']} "
        line = next(line for line in lines if line.startswith(start))
        assert line.endswith(f" {seat['Percent']}%" if seat["Percent"] else " n/a"), line


def test_appendix_2_holds_the_ledger_and_contributions_figures(demo_template, pack, pages, capsys):
    text = appendix_text(pack, pages, 2)
    ledger = report_csv(demo_template, "ledger", capsys)[0]
    by_line: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for entry in ledger:
        if not entry["In kind"]:
            by_line[entry["Section"], entry["Description"]] += Decimal(entry["Amount"])
    totals = defaultdict(Decimal)
    for (section, description), amount in by_line.items():
        printed = amount if section == "Expenditure" else -amount  # the council ledger prints income negative
        totals[section] += printed
        assert f"{description} {money(str(printed))}" in text
    assert f"Total Expenditure {money(str(totals['Expenditure']))}" in text
    assert f"Total Income {money(str(totals['Income']))}" in text
    assert f"Outcome {money(str(totals['Expenditure'] + totals['Income']))}" in text
    assert "Outcome −2,328.59" in text  # the seed report's own figure

    contributions = report_csv(demo_template, "contributions", capsys)[0]
    for line in contributions:
        assert re.search(rf"{re.escape(line['Partner'])} .*{re.escape(money(line['Amount']))}", text), line


def test_appendix_3_holds_the_assessment_report_figures(demo_template, pack, pages, capsys):
    start, end = outline(pack)[2][1], outline(pack)[3][1]
    rows = []
    with pdfplumber.open(pack) as pdf:
        for page in pdf.pages[start - 1:end - 1]:
            for table in page.extract_tables():
                rows += [row for row in table if len(row) == 6 and row[2] is not None]
    printed = {" ".join(row[1 if row[1] else 0].split()): row[2:] for row in rows}
    statements = report_csv(demo_template, "assessment", capsys)[0]
    assert len(statements) > 20
    for statement in statements:
        assert printed[statement["Statement"]] == [statement["N"], statement["Mode"], statement["Mean"],
                                                   statement["Range"]]


def test_appendix_4_holds_the_training_report_figures(demo_template, pack, pages, capsys):
    text = " ".join(appendix_text(pack, pages, 4).split())
    figures = report_csv(demo_template, "training", capsys)[0]
    for figure in figures:
        assert f"{figure['Measure']} {figure['Value']}" in text


def test_cover_then_contents_with_the_page_of_each_appendix(pack, pages):
    cover = " ".join(pages[0].split())
    for text in ("Southend-on-Sea Local Safeguarding Children Board", "Annual report appendices",
                 "Financial year 2018/19", "Generated 23 Nov 2026 by SG Desk."):
        assert text in cover
    assert cover.startswith("Southend-on-Sea Local Safeguarding Children Board Annual report appendices Financial")
    assert "Page 1" not in cover and "Generated 23 Nov 2026 Page" not in cover  # no running header or footer
    listed = {}
    for line in pages[1].splitlines():
        match = re.fullmatch(r"(.+?)[ .]+ (\d+)", line)
        if match:
            listed[match[1].rstrip(" .")] = int(match[2])
    assert pages[1].splitlines()[1] == "Contents"
    bookmarks = outline(pack)
    assert [title for title, _page in bookmarks] == TITLES
    for title, page in bookmarks:
        assert listed[title] == page
        assert pages[page - 1].splitlines()[1] == title  # the appendix starts its page, under the header
    assert listed["Partner contributions 2018/19"] > listed[TITLES[1]]


def test_every_page_is_clean(pack, tmp_path):
    """Every character lies inside the page margins (no table overflows, no clipped text), every page
    but the cover carries the header and "Page X of N", and every page renders to a PNG with content on it."""
    with pdfplumber.open(pack) as pdf:
        total = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            outside = [c["text"] for c in page.chars
                       if c["x0"] < MARGIN - 0.5 or c["x1"] > page.width - MARGIN + 0.5
                       or c["top"] < 0 or c["bottom"] > page.height]
            assert outside == [], f"page {number}"
            text = page.extract_text()
            if number == 1:
                assert f"of {total}" not in text
                continue
            assert text.startswith("Southend-on-Sea Local Safeguarding Children Board Annual report appendices")
            assert text.rstrip().endswith(f"Page {number} of {total}")
    document = pdfium.PdfDocument(str(pack))
    for index in range(len(document)):
        image = document[index].render(scale=1).to_pil().convert("L")
        image.save(tmp_path / f"page-{index + 1:02d}.png")
        width, height = image.size
        body = image.crop((60, 60, width - 60, height - 60))
        assert body.getextrema()[0] < 128, f"page {index + 1} is blank"


def test_two_packs_are_byte_identical(demo_template, tmp_path):
    for suffix in ("pdf", "docx"):
        build(demo_template, tmp_path / f"a.{suffix}")
        build(demo_template, tmp_path / f"b.{suffix}")
        assert (tmp_path / f"a.{suffix}").read_bytes() == (tmp_path / f"b.{suffix}").read_bytes(), suffix


def test_choose_order_and_number_the_appendices(demo_template, tmp_path):
    out = tmp_path / "pack.pdf"
    build(demo_template, out, appendices="training,finance", numbering="C")
    assert [title for title, _page in outline(out)] == ["Appendix C: Multi-agency training 2018/19",
                                                        "Appendix D: Southend LSCB finance 2018/19"]
    build(demo_template, out, appendices="assessment", numbering="7")
    assert [title for title, _page in outline(out)] == ["Appendix 7: Self-Assessment Tool"]


def test_draft_and_marking_on_every_page(demo_template, tmp_path):
    out = tmp_path / "pack.pdf"
    build(demo_template, out, appendices="finance", draft="yes", marking="OFFICIAL-SENSITIVE")
    texts = [page.extract_text() for page in pypdf.PdfReader(out).pages]
    assert all("DRAFT" in text and text.count("OFFICIAL-SENSITIVE") >= 2 for text in texts)
    assert "Draft: not for publication." in texts[0]


def test_the_board_marking_can_be_left_off_for_one_pack(demo_path, tmp_path):
    from sgdesk.boards import set_setting
    from sgdesk.branding import MARKING_KEY

    with open_board_file(demo_path) as bf, bf.edit("Mark the board's papers") as ed:
        set_setting(ed, bf, 1, MARKING_KEY, "OFFICIAL")
    out = tmp_path / "pack.pdf"
    build(demo_path, out, appendices="finance")
    assert all("OFFICIAL" in page.extract_text() for page in pypdf.PdfReader(out).pages)
    build(demo_path, out, appendices="finance", marking="none")
    assert not any("OFFICIAL" in page.extract_text() for page in pypdf.PdfReader(out).pages)


@pytest.mark.parametrize(("options", "message"), [
    ({"appendices": "finance,glossary"}, "'glossary' is not an appendix SG Desk can put in the pack: choose from "
                                         "membership, finance, assessment, training, plan-progress, risk-summary, "
                                         "data-matrix"),
    ({"appendices": "finance,finance"}, "'finance,finance' names an appendix twice: name each appendix once"),
    ({"numbering": "1a"}, "'1a' is not how appendices are numbered: give the first appendix's number or letter, "
                         "e.g. 1, 4 or A"),
    ({"numbering": "Y"}, "'Y' leaves too few letters for 6 appendices: start the lettering earlier, or number "
                         "them instead"),
])
def test_wrong_options_say_what_to_change(demo_template, tmp_path, options, message):
    with pytest.raises(InputError) as error:
        build(demo_template, tmp_path / "pack.pdf", **options)
    assert str(error.value) == message
    assert not (tmp_path / "pack.pdf").exists()


def test_the_command_line_needs_a_year_and_says_how_many_pages(demo_path, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["export", str(demo_path), "pack", "--out", str(out)]) == 1
    assert capsys.readouterr().err == ("sgdesk: The annual-report pack needs a period: choose a financial year, "
                                       "e.g. --year 2018/19\n")
    assert main(["export", str(demo_path), "pack", "--year", YEAR, "--out", str(out),
                 "--set", "appendices=membership"]) == 0
    pages = len(pypdf.PdfReader(out).pages)
    assert capsys.readouterr().out.startswith(f"Wrote {out} ({pages} pages)")


def test_an_appendix_that_cannot_be_made_says_why_in_its_place(empty_board, tmp_path):
    out = tmp_path / "pack.pdf"
    result = export_pack(empty_board, ExportRequest(1, out, Period.for_year(YEAR), generated_on=DAY))
    assert result.notes == ("Appendix 3 is not included: this board has no self-assessment round overlapping "
                            "2018/19: start one in Self-assessment first",
                            "Appendix 5 is not included: the board has no business plan for this period",
                            "Appendix 6 is not included: this board's data matrix has no figures up to 2018/19: "
                            "import the indicators' figures (File > Import) or type them in Performance first")
    texts = [page.extract_text() for page in pypdf.PdfReader(out).pages]
    page = dict(outline(out))["Appendix 3: Self-assessment"]
    assert "This appendix is not included for 2018/19. The board held no self-assessment round in 2018/19." \
        in texts[page - 1]  # what the reader needs, not what to click
    assert [title for title, _page in outline(out)][3] == "Appendix 4: Multi-agency training 2018/19"


def test_the_word_pack_has_the_same_appendices_titles_and_figures(demo_template, tmp_path, pages, capsys):
    out = tmp_path / "pack.docx"
    build(demo_template, out)
    document = docx.Document(out)
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Southend-on-Sea Local Safeguarding Children Board", "Annual report appendices",
                         "Financial year 2018/19"]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == TITLES
    entries = [p for p in document.paragraphs if p.style.name == "toc 1"]
    assert [p.text.rstrip("\t") for p in entries] == TITLES
    fields = [f.get(qn("w:instr")) for p in entries for f in p._p.iter(qn("w:fldSimple"))]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    marks = [h._p.find(qn("w:bookmarkStart")).get(qn("w:name")) for h in headings]
    assert fields == [f"PAGEREF {mark} \\h" for mark in marks]  # each entry shows its heading's page
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    for seat in report_csv(demo_template, "attendance", capsys)[0]:
        assert f"{seat['Percent']}%" in cells and seat["Representative"] in cells
    assert {"137,755.83", "−140,084.42", "−2,328.59"} <= cells
    image_parts = [part for part in document.part.package.parts if part.partname.endswith(".png")]
    trend_lines = [shape.get("descr") for shape in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        if shape.get("descr", "").startswith("Trend: ")]
    assert trend_lines   # the data matrix's, each with its words
    assert len(image_parts) == 1 + len(trend_lines)  # and the chart of delegates by sector, drawn as a picture


def test_other_options_go_to_the_appendices_but_the_pack_keeps_the_titles(demo_template, tmp_path):
    out = tmp_path / "pack.pdf"
    build(demo_template, out, appendices="finance,assessment", style="plain", title="Money")
    assert [title for title, _page in outline(out)] == ["Appendix 1: Southend LSCB finance 2018/19",
                                                        "Appendix 2: Self-Assessment Tool"]
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Surplus £2,328.59 for 2018/19." in text and "Outcome -2,328.59" not in text  # the plain style


def pack_text(board: Path, out: Path, *args: str) -> tuple[str, str]:
    """(the pack's text, what the command said) for ``sgdesk export ... pack ARGS``."""
    assert main(["export", str(board), "pack", "--out", str(out), *args]) == 0
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages), ""


def test_the_seed_reports_pack_covers_its_period_with_the_ledger_of_its_last_year(demo_template, tmp_path, capsys):
    """Seed 000 covers Sep 2017 - Mar 2019: attendance over the whole period, the 2018/19 ledger."""
    text, _ = pack_text(demo_template, tmp_path / "pack.pdf", "--from", "01/09/2017", "--to", "31/03/2019")
    out = capsys.readouterr().out
    assert "1 Sep 2017 to 31 Mar 2019" in text.split("Contents")[0]  # the cover states the pack's period
    assert "Membership and attendance, September 2017 – March 2019" in text
    assert "Appendix 2: Southend LSCB finance 2018/19" in text and "Total Expenditure 137,755.83" in text
    assert "Appendix 4: Multi-agency training 1 Sep 2017 to 31 Mar 2019" in text
    assert "not included" not in text and "note:" not in out


def test_an_appendix_takes_a_period_of_its_own_from_the_command_line(demo_template, tmp_path):
    text, _ = pack_text(demo_template, tmp_path / "pack.pdf", "--year", YEAR, "--set", "appendix1.from=01/09/2017")
    assert "Membership and attendance, September 2017 – March 2019" in text  # its own period
    assert "Appendix 4: Multi-agency training 2018/19" in text  # the pack's
    text, _ = pack_text(demo_template, tmp_path / "pack.pdf", "--year", YEAR, "--set", "membership.year=2017/18",
                        "--set", "training.from=01/01/2019")
    assert "Membership and attendance, April 2017 – March 2018" in text
    assert "Appendix 4: Multi-agency training 1 Jan 2019 to 31 Mar 2019" in text


def test_a_period_for_an_appendix_not_in_the_pack_is_refused(demo_template, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["export", str(demo_template), "pack", "--year", YEAR, "--out", str(out),
                 "--set", "appendices=finance,training", "--set", "appendix3.from=01/09/2017"]) == 1
    assert "'appendix3.from' names no appendix in this pack" in capsys.readouterr().err
    assert main(["export", str(demo_template), "pack", "--year", YEAR, "--out", str(out),
                 "--set", "appendix1.year=2017/18", "--set", "appendix1.to=31/03/2019"]) == 1
    assert "is given both as a year and as dates" in capsys.readouterr().err


def test_a_pack_page_tells_the_reader_why_an_appendix_is_missing_in_words_not_commands(demo_template, tmp_path,
                                                                                       capsys):
    text, _ = pack_text(demo_template, tmp_path / "pack.pdf", "--from", "01/09/2017", "--to", "30/06/2018")
    assert ("This appendix is not included for 1 Sep 2017 to 30 Jun 2018. No financial year falls wholly inside "
            "1 Sep 2017 to 30 Jun 2018, and this appendix covers a financial year.") in text
    assert "--" not in text and "e.g." not in text  # no command-line wording on a document page
    assert "note: Appendix 2 is not included: no financial year falls wholly inside" in capsys.readouterr().out
