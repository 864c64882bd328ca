"""The meeting pack, read back from its PDF: bookmarks, the agenda from the forward plan, the last meeting's
attendance, the action log with RAG on the meeting's date, the heat map's figures against the risk table,
business plan progress when the forward plan lists it, the next pack carrying things forward, and Word."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pytest

from sgdesk.cli import main
from sgdesk.dates import parse_date
from sgdesk.exporting import ExportRequest
from sgdesk.governance.actions import AMBER_DAYS, find_action, set_status
from sgdesk.governance.meeting_pack import export_meeting_pack
from sgdesk.governance.papers import meeting_papers
from sgdesk.governance.risks import Bands, find_risk, review_risk
from sgdesk.membership.bodies import find_body
from sgdesk.membership.meetings import add_meeting, list_forward_items, meetings_on
from sgdesk.store import open_board_file

FEB = dt.date(2019, 2, 6)
DAY = dt.date(2026, 11, 23)
ARROWS = {"\u2191": "rising", "\u2193": "falling", "\u2192": "unchanged"}


def board_meeting(bf, day: dt.date) -> int:
    return meetings_on(bf, find_body(bf, 1, None), day)[0]


def export(bf, day: dt.date, out: Path) -> Path:
    export_meeting_pack(bf, ExportRequest(1, out, options={"meeting": str(board_meeting(bf, day))}, generated_on=DAY))
    return out


@pytest.fixture(scope="module")
def february(demo_template, tmp_path_factory) -> Path:
    with open_board_file(demo_template, read_only=True) as bf:
        return export(bf, FEB, tmp_path_factory.mktemp("papers") / "papers.pdf")


def outline(path: Path) -> list[tuple[str, int, int]]:
    """(title, page, depth) of each bookmark."""
    reader = pypdf.PdfReader(path)
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1, depth))

    walk(reader.outline, 0)
    return found


def section(path: Path, title_start: str) -> tuple[str, list[list[str]]]:
    """The text and table rows (cells with their lines joined) of the section whose bookmark starts so."""
    marks = outline(path)
    index = next(i for i, m in enumerate(marks) if m[0].startswith(title_start))
    first = marks[index][1]
    last = next((m[1] for m in marks[index + 1:] if m[2] == 0), len(pypdf.PdfReader(path).pages) + 1) - 1
    text, rows = [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[first - 1:max(first, last)]:
            text.append(page.extract_text())
            for table in page.extract_tables():
                rows += [[" ".join((cell or "").split()) for cell in row] for row in table]
    return "\n".join(text), rows


def test_the_bookmarks_are_the_numbered_sections_each_on_its_own_page(february, demo_template):
    with open_board_file(demo_template, read_only=True) as bf:
        papers = meeting_papers(bf, board_meeting(bf, FEB))
    top = [(title, page) for title, page, depth in outline(february) if depth == 0]
    assert [title.split(":")[0] for title, _page in top] == \
        [f"{n}. {name}" for n, name in enumerate(papers.sections(), start=1)]
    assert len({page for _title, page in top}) == len(top)
    with pdfplumber.open(february) as pdf:
        for title, page in top:
            assert title in " ".join(pdf.pages[page - 1].extract_text().split())
        cover = pdf.pages[0].extract_text()
    assert "Meeting papers" in cover and "Wednesday 6 February 2019 at 14:00" in cover
    assert "Civic Centre, Victoria Avenue, Southend" in cover


def test_the_agenda_is_built_from_the_forward_plan_with_lead_and_paper(february, demo_template):
    _text, rows = section(february, "1. Agenda")
    assert rows[0] == ["No.", "Item", "Lead", "Paper"]
    with open_board_file(demo_template, read_only=True) as bf:
        items = list_forward_items(bf, [board_meeting(bf, FEB)])
    listed = {row[1]: row for row in rows[1:]}
    for item in items:
        paper = "Section 5 of this pack" if "business plan" in item.title.casefold() else "Paper due 30 Jan 2019"
        assert listed[item.title][2:] == [item.lead, paper]
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, len(rows))]
    assert listed["Action log"][3] == "Section 3 of this pack" and listed["Risk register"][3] == "Section 4 of this pack"


def test_the_attendance_of_the_last_meeting_comes_from_its_marks(february, demo_template):
    text, rows = section(february, "2. Attendance at the last meeting")
    with open_board_file(demo_template, read_only=True) as bf:
        marks = Counter(row[0] for row in bf.query("SELECT mark FROM attendance WHERE meeting_id = ?",
                                                   (board_meeting(bf, dt.date(2018, 12, 11)),)) if row[0] != "-")
    shown = Counter(row[2] for row in rows[1:])
    assert shown == +Counter({"Present": marks["Y"], "Present (deputy)": marks["D"], "Apologies": marks["A"],
                              "Absent": marks["N"]})
    assert (f"{sum(marks.values())} seats were expected: {marks['Y'] + marks['D']} present, {marks['A']} sent "
            f"apologies, {marks['N']} absent without apologies.") in " ".join(text.split())


def test_the_action_log_rates_each_open_action_on_the_meeting_date(february, demo_template):
    text, rows = section(february, "3. Action log")
    header = rows.index(["Ref", "Action", "Owner", "Due", "RAG", "Latest update"])
    closed = rows.index(["Ref", "Action", "Owner", "Closed", "Latest update"])
    open_rows, closed_rows = rows[header + 1:closed], rows[closed + 1:]
    for row in open_rows:
        due = parse_date(row[3].split(" (")[0])
        days = (due - FEB).days
        expected = "Red" if days < 0 else "Amber" if days <= AMBER_DAYS else "Green"
        assert row[4] == expected or "RAG set to" in row[1], row
    with open_board_file(demo_template, read_only=True) as bf:
        later_carry = {r[0]: r[1] for r in bf.query(       # the body an action left on or after the meeting day
            "SELECT action_id, body_from FROM action_event WHERE kind = 'carried' AND made_on >= ? "
            "ORDER BY made_on DESC", (FEB.isoformat(),))}
        expected_open = {r[1] for r in bf.query(
            "SELECT id, reference, subgroup_id FROM board_action WHERE raised_on < ? AND (closed_on IS NULL OR "
            "closed_on >= ?)", (FEB.isoformat(), FEB.isoformat())) if later_carry.get(r[0], r[2]) is None}
        closed_since = {r[0] for r in bf.query(
            "SELECT reference FROM board_action WHERE closed_on >= '2018-12-11' AND closed_on < ? AND "
            "subgroup_id IS NULL", (FEB.isoformat(),))}
        moved = {r[0]: r[1] for r in bf.query(
            "SELECT a.reference, min(e.due_from) FROM action_event e JOIN board_action a ON a.id = e.action_id "
            "WHERE e.kind = 'due' AND e.made_on < ? GROUP BY a.id", (FEB.isoformat(),))}
    assert {row[0] for row in open_rows} == expected_open
    assert {row[0] for row in closed_rows} == closed_since
    for row in open_rows:
        if row[0] in moved:
            assert f"(first due {parse_date(moved[row[0]]):%-d %b %Y})" in row[3]
    counts = Counter(row[4].lower() for row in open_rows)
    assert (f"{len(open_rows)} open actions ({counts['red']} red, {counts['amber']} amber, {counts['green']} green); "
            f"{len(closed_rows)} closed since the meeting of 11 Dec 2018.") in " ".join(text.split())


def heat_map_counts(path: Path) -> dict[tuple[int, int], int]:
    """The numbers in the heat map's squares, placed by the axis labels under and beside the grid."""
    page_number = next(page for title, page, _d in outline(path) if title.startswith("4. Risk register"))
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[page_number - 1].extract_words(extra_attrs=["fontname", "size"])
    likelihood_label = next(w for w in words if w["text"] == "Likelihood")
    axis = [w for w in words if w["text"] in "12345" and round(w["size"]) == 8]
    across = {int(w["text"]): (w["x0"] + w["x1"]) / 2 for w in axis if w["top"] < likelihood_label["top"]
              and likelihood_label["top"] - w["top"] < 20}
    up = {int(w["text"]): (w["top"] + w["bottom"]) / 2 for w in axis if int(w["text"]) not in across
          or w["x1"] < min(across.values()) - 5}
    counts = {}
    for word in words:
        if "Bold" in word["fontname"] and word["size"] == 11 and word["text"].isdigit():
            x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
            likelihood = min(across, key=lambda n: abs(across[n] - x))
            impact = min(up, key=lambda n: abs(up[n] - y))
            counts[(likelihood, impact)] = int(word["text"])
    return counts


def test_the_heat_map_agrees_with_the_risk_table_sorted_by_residual_score(february, demo_template):
    _text, rows = section(february, "4. Risk register")
    header = ["Ref", "Risk", "Owner", "Inherent", "Residual", "RAG", "Trend", "Mitigating actions", "Last reviewed"]
    risks = rows[rows.index(header) + 1:]          # (the heat map's squares come first, read as a table)
    risks = [row for row in risks if row != header]
    scores = []
    placed: Counter[tuple[int, int]] = Counter()
    for row in risks:
        likelihood, impact, score = map(int, re.fullmatch(r"(\d) × (\d) = (\d+)", row[4]).groups())
        assert likelihood * impact == score
        assert row[5] == Bands().rag(score).capitalize()
        placed[(likelihood, impact)] += 1
        scores.append(score)
    assert scores == sorted(scores, reverse=True)
    assert heat_map_counts(february) == dict(placed)
    with open_board_file(demo_template, read_only=True) as bf:
        for row in risks:
            before = [r[0] * r[1] for r in bf.query(
                "SELECT v.likelihood, v.impact FROM risk_review v JOIN risk r ON r.id = v.risk_id WHERE "
                "r.reference = ? AND v.reviewed_on < ? ORDER BY v.reviewed_on", (row[0], FEB.isoformat()))]
            arrow = row[6].split()[0]
            expected = "\u2191" if before[-1] > before[-2] else "\u2193" if before[-1] < before[-2] else "\u2192"
            assert (arrow, row[6]) == (expected, f"{expected} {ARROWS[expected]}")
        open_risks = bf.scalar("SELECT count(*) FROM risk WHERE identified_on < ? AND (closed_on IS NULL OR "
                               "closed_on >= ?) AND subgroup_id IS NULL", (FEB.isoformat(), FEB.isoformat()))
    assert len(risks) == open_risks


def test_the_heat_map_is_a_figure_described_in_words(demo_template):
    from sgdesk.governance.meeting_pack import sections_story
    from reportlab.graphics.shapes import Drawing

    from sgdesk.pdf.figures import alt_text

    with open_board_file(demo_template, read_only=True) as bf:
        papers = meeting_papers(bf, board_meeting(bf, FEB))
        [text] = [alt_text(f) for f in sections_story(bf, papers) if isinstance(f, Drawing)]
    assert text.startswith(f"Risk heat map, 5 Feb 2019: {len(papers.risks)} risks on a 5 by 5 grid")
    for risk in papers.risks:
        assert f"{risk.reference} likelihood {risk.residual_likelihood}, impact {risk.residual_impact}" in text


def test_business_plan_progress_is_in_the_pack_only_when_the_forward_plan_lists_it(february, demo_path, tmp_path):
    text, rows = section(february, "5. Business plan progress")
    assert rows[0] == ["No.", "Objective", "Lead", "RAG", "Latest progress"]
    assert [row[0] for row in rows[1:] if row[0].isdigit()] == [str(n) for n in range(1, 13)]
    with open_board_file(demo_path, read_only=True) as bf:
        december = export(bf, dt.date(2018, 12, 11), tmp_path / "december.pdf")
    assert not any("Business plan" in title for title, _p, _d in outline(december))


def test_the_next_pack_carries_forward_what_the_meeting_did(demo_path, tmp_path):
    with open_board_file(demo_path) as bf:
        meeting = board_meeting(bf, FEB)
        action = find_action(bf, 1, "B-2018-016")
        risk = find_risk(bf, 1, "R04")
        with bf.edit("After the meeting") as ed:
            set_status(ed, bf, action, "done", on=FEB, meeting_id=meeting)
            review_risk(ed, bf, risk, 3, 4, reviewed_on=FEB, meeting_id=meeting)
            add_meeting(ed, find_body(bf, 1, None), dt.date(2019, 3, 12), starts_at="14:00", status="planned")
        march = export(bf, dt.date(2019, 3, 12), tmp_path / "march.pdf")
    _text, actions = section(march, "3. Action log")
    closed = actions[actions.index(["Ref", "Action", "Owner", "Closed", "Latest update"]) + 1:]
    assert any(row[0] == "B-2018-016" and row[3] == "Done 6 Feb 2019" for row in closed)
    assert any(row[0] == "B-2019-001" for row in actions)           # raised at the February meeting
    _text, risks = section(march, "4. Risk register")
    [r04] = [row for row in risks if row[0] == "R04"]
    assert (r04[4], r04[6], r04[8]) == ("3 × 4 = 12", "\u2193 falling", "6 Feb 2019")
    assert any(title == "2. Attendance at the last meeting: 6 Feb 2019" for title, _p, _d in outline(march))


def test_the_word_papers_have_the_same_sections_tables_and_a_described_heat_map(demo_template, tmp_path):
    out = tmp_path / "papers.docx"
    with open_board_file(demo_template, read_only=True) as bf:
        export(bf, FEB, out)
        papers = meeting_papers(bf, board_meeting(bf, FEB))
    document = docx.Document(out)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(":")[0] for h in headings] == [f"{n}. {s}" for n, s in enumerate(papers.sections(), start=1)]
    agenda = document.tables[0]
    assert [cell.text for cell in agenda.rows[0].cells] == ["No.", "Item", "Lead", "Paper"]
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert any(text and text.startswith("Risk heat map, 5 Feb 2019") for text in descriptions)


def test_the_command_line_writes_the_papers_and_names_a_wrong_meeting(demo_path, tmp_path, capsys):
    out = tmp_path / "papers.pdf"
    with open_board_file(demo_path, read_only=True) as bf:
        meeting = board_meeting(bf, FEB)
    assert main(["export", str(demo_path), "meeting-pack", "--meeting", str(meeting), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out} ({len(pypdf.PdfReader(out).pages)} pages)")
    assert main(["export", str(demo_path), "meeting-pack", "--meeting", "07/02/2019", "--out", str(out)]) == 1
    assert capsys.readouterr().err == ("sgdesk: '07/02/2019' is not the date of a meeting of the Southend LSCB: give "
                                       "the meeting's id or its date, e.g. --meeting 06/02/2019 (add --set body=NAME "
                                       "for a sub-group's)\n")
    assert main(["export", str(demo_path), "meeting-pack", "--out", str(out)]) == 1
    assert "The meeting is not given" in capsys.readouterr().err


def test_a_standing_item_the_forward_plan_also_lists_is_on_the_agenda_once_with_its_lead(demo_path):
    from sgdesk.membership.meetings import add_forward_item
    from sgdesk.organisations import find_organisation

    with open_board_file(demo_path) as bf:
        meeting = board_meeting(bf, FEB)
        with bf.edit("Plan") as ed:
            add_forward_item(ed, bf, meeting, "Risk register", lead_organisation_id=find_organisation(bf, "SBC"))
        agenda = meeting_papers(bf, meeting).agenda()
    assert [(i.title, i.lead, i.paper) for i in agenda if i.title.casefold() == "risk register"] == \
        [("Risk register", "SBC", "Section 4 of this pack")]
