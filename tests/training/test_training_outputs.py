"""The training demo, reports and PDFs (summary, register, certificates) as a user reads them."""

from __future__ import annotations

import json

import pdfplumber
import pytest

from sgdesk.cli import main
from sgdesk.fyear import Period
from sgdesk.training.charges import charges
from sgdesk.training.figures import period_figures

YEAR = "2018/19"


def pdf_pages(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def report_json(demo_path, capsys, kind: str) -> dict:
    assert main(["report", str(demo_path), kind, "--year", YEAR, "--format", "json"]) == 0
    return {table["title"]: table for table in json.loads(capsys.readouterr().out)["tables"]}


def test_the_demo_is_a_plausible_year(demo):
    board_id = demo.scalar("SELECT id FROM board")
    figures = period_figures(demo, board_id, Period.for_year(YEAR))
    assert figures.sessions_run + figures.sessions_cancelled == 40
    assert 550 <= demo.scalar("SELECT count(*) FROM training_booking") <= 700
    assert figures.dna > 20 and figures.late_cancellations > 10 and figures.substitutions > 5
    assert figures.still_waiting > 0                                        # a waiting list that never got in
    assert demo.scalar("SELECT count(*) FROM training_booking WHERE promoted_on IS NOT NULL") > 0
    assert 40 <= figures.fill_rate <= 60        # the seed report: about half of the places offered were taken up
    assert demo.scalar("SELECT count(*) FROM training_delegate WHERE name IN "
                       "('Siân Pryce', 'Zoë Adeyemi', 'Łukasz Nowak', 'Niamh O''Loughlin')") == 4
    assert demo.scalar("SELECT count(*) FROM training_delegate WHERE email NOT LIKE '%.example'") == 0


def test_the_training_report_gives_the_figures(demo, demo_path, capsys):
    board_id = demo.scalar("SELECT id FROM board")
    figures = period_figures(demo, board_id, Period.for_year(YEAR))
    tables = report_json(demo_path, capsys, "training")
    headline = {row["measure"]: row["value"] for row in tables[f"Training figures {YEAR}"]["rows"]}
    assert headline["Fill rate (attended / places offered)"] == f"{figures.fill_rate}%"
    assert headline["Attended"] == figures.attended
    sectors = tables["Delegates by sector"]["rows"]
    assert sum(row["attended"] for row in sectors) == figures.attended


def test_the_charges_report_totals_each_organisation_for_invoicing(demo, demo_path, capsys):
    board_id = demo.scalar("SELECT id FROM board")
    items = charges(demo, board_id, Period.for_year(YEAR))
    tables = report_json(demo_path, capsys, "charges")
    totals = tables[f"Charges by organisation {YEAR}"]["rows"]
    assert totals[-1]["organisation"] == "All organisations"
    assert totals[-1]["total"] == pytest.approx(sum(c.fee for c in items) / 100)
    assert sum(row["total"] for row in totals[:-1]) == pytest.approx(totals[-1]["total"])
    detail = tables["Chargeable bookings"]["rows"]
    assert len(detail) == len(items) and all(row["fee"] > 0 for row in detail)
    assert {row["reason"].split(" (")[0] for row in detail} == {"Attended", "Did not attend", "Late cancellation"}


def test_each_organisation_is_totalled_on_its_own_when_two_names_differ_only_by_an_accents_case(
        demo, demo_path, capsys):
    board_id = demo.scalar("SELECT id FROM board")
    first, second = list(dict.fromkeys(c.organisation_id for c in charges(demo, board_id, Period.for_year(YEAR))))[:2]
    with demo.edit("Two organisations named alike") as ed:      # the names fold alike: sorted as one, charged apart
        ed.update("organisation", first, {"name": "Élan Trust"})
        ed.update("organisation", second, {"name": "élan Trust"})
    tables = report_json(demo_path, capsys, "charges")
    totals = {row["organisation"]: row for row in tables[f"Charges by organisation {YEAR}"]["rows"]}
    detail = tables["Chargeable bookings"]["rows"]
    for name in ("Élan Trust", "élan Trust"):
        fees = [row["fee"] for row in detail if row["organisation"] == name]
        assert (totals[name]["bookings"], totals[name]["total"]) == (len(fees), pytest.approx(sum(fees)))
    alike = [i for i, row in enumerate(detail) if row["organisation"].casefold() == "élan trust"]
    dates = [detail[i]["date"] for i in alike]     # listed together, by session date
    assert alike == list(range(alike[0], alike[0] + len(alike))) and dates == sorted(dates)


def test_the_evaluations_report_summarises_each_course(demo_path, capsys):
    tables = report_json(demo_path, capsys, "evaluations")
    courses = tables[f"Evaluations by course {YEAR}"]["rows"]
    assert courses[-1]["title"] == "All courses"
    assert all(1 <= row["before"] <= 5 and 1 <= row["after"] <= 5 for row in courses)
    assert tables["Comments"]["rows"]


def test_the_summary_pdf_has_the_figures_tables_and_sector_chart(demo, demo_path, tmp_path):
    board_id = demo.scalar("SELECT id FROM board")
    figures = period_figures(demo, board_id, Period.for_year(YEAR))
    out = tmp_path / "training.pdf"
    assert main(["export", str(demo_path), "training", "--year", YEAR, "--out", str(out)]) == 0
    text = "\n".join(pdf_pages(out))
    assert f"Appendix 4: Multi-agency training {YEAR}" in text
    assert f"Fill rate (attended / places offered) {figures.fill_rate}%" in text
    assert "Delegates by sector" in text and "Places attended" in text        # the chart's axis title
    top = figures.by_sector[0]
    assert f"{top.name} {top.bookings} {top.attended} {top.dna} {top.delegates}" in text
    assert "Delegates by organisation" in text and "Evaluations" in text and "Charging policy" in text


def test_the_sector_chart_is_a_figure_whose_alternative_text_gives_every_bar(demo, demo_path, tmp_path):
    import doctest

    import pikepdf

    from sgdesk.training import figures as figures_module
    from sgdesk.training.figures import CHART_BARS, GroupCount, sector_chart_description

    by_sector = period_figures(demo, demo.scalar("SELECT id FROM board"), Period.for_year(YEAR)).by_sector
    out = tmp_path / "training.pdf"
    assert main(["export", str(demo_path), "training", "--year", YEAR, "--out", str(out)]) == 0
    with pikepdf.open(out) as pdf:
        alts = [str(obj.Alt) for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"]
    bars = ", ".join(f"{group.name} {group.attended}" for group in by_sector)  # the demo has fewer than 12 sectors
    assert alts == [f"Bar chart: delegates by sector, places attended, {YEAR}. {bars}."] == [
        sector_chart_description(by_sector, YEAR)]
    many = [GroupCount(f"Sector {n}", "", 10, n, 0, n) for n in range(1, CHART_BARS + 3)]
    assert sector_chart_description(many, YEAR).endswith("Sector 4 4, Sector 3 3; 2 smaller sectors not shown.")
    assert doctest.testmod(figures_module).failed == 0


def test_the_register_lists_everyone_with_a_place_and_a_signature_column(demo, demo_path, tmp_path):
    session_id = 12
    names = [row[0] for row in demo.query(
        "SELECT d.name FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id "
        "WHERE b.session_id = ? AND b.status IN ('confirmed', 'attended', 'dna')", (session_id,))]
    waiting_or_cancelled = [row[0] for row in demo.query(
        "SELECT d.name FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id "
        "WHERE b.session_id = ? AND b.status IN ('cancelled', 'waitlisted', 'substituted')", (session_id,))]
    out = tmp_path / "register.pdf"
    assert main(["export", str(demo_path), "register", "--session", str(session_id), "--out", str(out)]) == 0
    text = "\n".join(pdf_pages(out))
    assert "Attendance register" in text and "Signature" in text and "Trainer's signature" in text
    assert all(name in text for name in names)
    assert "P/X" in text
    assert "For the trainer: mark each row P (present) or X (did not attend) in the P/X column" in \
        " ".join(text.split())
    assert not any(name in text for name in waiting_or_cancelled if name not in names)


def test_certificates_are_one_page_per_attended_delegate(demo, demo_path, tmp_path):
    attended = [row[0] for row in demo.query(
        "SELECT d.name FROM training_booking b JOIN training_delegate d ON d.id = b.delegate_id "
        "WHERE b.session_id = 12 AND b.status = 'attended'")]
    out = tmp_path / "certificates.pdf"
    assert main(["export", str(demo_path), "certificates", "--session", "12", "--out", str(out)]) == 0
    pages = pdf_pages(out)
    assert len(pages) == len(attended) > 0
    assert all("Certificate of Attendance" in page for page in pages)
    assert sorted(name for name in attended if any(name in page for page in pages)) == sorted(attended)


def test_session_exports_say_which_session_to_give(demo_path, tmp_path, capsys):
    out = tmp_path / "register.pdf"
    assert main(["export", str(demo_path), "register", "--out", str(out)]) == 1
    assert "this output is for one training session: in the app, select the session in Training > Programme" in \
        capsys.readouterr().err
    assert main(["export", str(demo_path), "register", "--session", "999", "--out", str(out)]) == 1
    assert "there is no training session 999" in capsys.readouterr().err
    assert not out.exists()


def test_a_cancelled_session_has_no_register_and_no_certificates(demo, demo_path, tmp_path, capsys):
    session_id = demo.scalar("SELECT id FROM training_session WHERE status = 'cancelled'")
    for what in ("register", "certificates"):
        assert main(["export", str(demo_path), what, "--session", str(session_id),
                     "--out", str(tmp_path / f"{what}.pdf")]) == 1
    err = capsys.readouterr().err
    assert "was cancelled, so it has no register" in err and "take the register first" in err


def test_check_finds_nothing_wrong_with_the_demo(demo_path, capsys):
    main(["check", str(demo_path)])
    assert ("[ok] training: no session over capacity, no open booking on a cancelled session, every session's tally "
            "the count of its bookings") in capsys.readouterr().out


def test_summary_of_a_year_without_training(demo_path, tmp_path):
    out = tmp_path / "empty.pdf"
    assert main(["export", str(demo_path), "training", "--year", "2010/11", "--out", str(out)]) == 0
    assert "No training session ran in this period." in pdf_pages(out)[0]


def test_the_register_prints_marks_already_recorded_in_the_p_x_column(demo, demo_path, tmp_path):
    marked = dict(demo.query("SELECT d.name, b.status FROM training_booking b JOIN training_delegate d "
                             "ON d.id = b.delegate_id WHERE b.session_id = 12 AND b.status IN ('attended', 'dna')"))
    out = tmp_path / "register.pdf"
    assert main(["export", str(demo_path), "register", "--session", "12", "--out", str(out)]) == 0
    lines = [line.split() for page in pdf_pages(out) for line in page.splitlines()]
    letters = {status: {"attended": "P", "dna": "X"}[status] for status in marked.values()}
    for name, status in marked.items():
        line = next(words for words in lines if " ".join(words[1:3]) == name or name in " ".join(words))
        assert line[-1] == letters[status], (name, line)
