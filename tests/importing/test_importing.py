"""The import framework, through the `organisations` kind: validate everything, write all or nothing."""

from __future__ import annotations

import pytest

from sgdesk import registry
from sgdesk.errors import InputError
from sgdesk.importing import ImportProblems, read_table, run_import


def _kind():
    return registry.load().import_kinds["organisations"]


def _count(bf):
    return bf.scalar("SELECT count(*) FROM organisation")


def _write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding, newline="")
    return path


def test_one_bad_row_among_many_writes_nothing_and_names_the_row(demo, tmp_path):
    rows = [f"Partner agency {n},PA{n},voluntary,No" for n in range(1, 41)]
    rows[26] = "Partner agency 27,PA27,charity,No"   # file row 28 (heading is row 1)
    source = _write(tmp_path / "agencies.csv", "Organisation,Short name,Type,Statutory partner\n" + "\n".join(rows))
    before = _count(demo)
    actions = demo.scalar("SELECT count(*) FROM audit_action")

    with pytest.raises(ImportProblems) as caught:
        run_import(demo, _kind(), source, 1)

    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.column, problem.value) == ("agencies.csv", 28, "Type", "charity")
    assert "is not a type of organisation" in str(problem) and "use one of" in str(problem)
    assert len(caught.value.problems) == 1
    assert _count(demo) == before
    assert demo.scalar("SELECT count(*) FROM audit_action") == actions


def test_every_problem_is_reported_together(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv",
                    "Organisation,Type,Statutory partner\n,police,Yes\nFire,brigade,Yes\nSchools,education,perhaps\n"
                    "Schools,education,No\n")
    with pytest.raises(ImportProblems) as caught:
        run_import(demo, _kind(), source, 1)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(2, "Organisation"), (3, "Type"), (4, "Statutory partner")]
    report = caught.value.report()
    assert "row 2, column 'Organisation': is empty; fill in the organisation's full name" in report
    assert "'perhaps' is not yes or no; write Yes or No" in report


def test_a_duplicated_row_is_reported(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv", "Organisation\nYouth Offending Service\nyouth offending service\n")
    with pytest.raises(ImportProblems, match="row 3.*is listed twice .also row 2."):
        run_import(demo, _kind(), source, 1)


def test_headers_match_ignoring_case_spaces_punctuation_and_aliases(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv",
                    " AGENCY ,short-name,organisation_type,STATUTORY\nYouth Offending Service,YOS,council,no\n")
    summary = run_import(demo, _kind(), source, 1)
    assert summary.created == {"organisations": 1}
    row = demo.query_one("SELECT short_name, org_type, statutory FROM organisation WHERE name = ?",
                         ("Youth Offending Service",))
    assert tuple(row) == ("YOS", "council", 0)


def test_existing_organisations_are_updated_or_skipped(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv", "Organisation,Short name\nEssex Police,Police\nCAFCASS,CAFCASS\n")
    summary = run_import(demo, _kind(), source, 1)
    assert summary.updated == {"organisations": 1}
    assert summary.skipped == 1
    assert "1 organisations updated" in "\n".join(summary.lines())


def test_a_dry_run_counts_but_writes_nothing_and_leaves_no_undo_step(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv", "Organisation\nYouth Offending Service\nPublic Health\n")
    before = _count(demo)
    summary = run_import(demo, _kind(), source, 1, dry_run=True)
    assert summary.created == {"organisations": 2}
    assert summary.lines()[0].endswith("(dry run: nothing was written)")
    assert _count(demo) == before
    assert demo.editor.undo_description is None


def test_an_import_is_one_undo_step(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv", "Organisation\nYouth Offending Service\nPublic Health\n")
    before = _count(demo)
    run_import(demo, _kind(), source, 1)
    assert demo.editor.undo_description == "Import agencies.csv (organisations)"
    demo.editor.undo()
    assert _count(demo) == before


@pytest.mark.parametrize("header, why", [
    ("Organisation,Organisation", "appears twice in the header row"),
    ("Organisation,Agency", "is another name for 'Organisation'"),
    ("Organisation,Budget code", "is not a column SG Desk reads for organisations"),
    ("Short name", "is missing from the header row"),
])
def test_header_problems_are_explained(demo, tmp_path, header, why):
    source = _write(tmp_path / "agencies.csv", header + "\nA,B\n")
    with pytest.raises(ImportProblems, match=why):
        run_import(demo, _kind(), source, 1)


def test_xlsx_sources_are_read(demo, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Organisation", "Statutory partner"])
    sheet.append([None, None])
    sheet.append(["Public Health", "Yes"])
    book.save(tmp_path / "agencies.xlsx")
    summary = run_import(demo, _kind(), tmp_path / "agencies.xlsx", 1)
    assert summary.created == {"organisations": 1}
    assert demo.scalar("SELECT statutory FROM organisation WHERE name = 'Public Health'") == 1


def test_formula_text_is_refused_on_any_row_even_after_spaces_and_an_equals_sign_inside_text_is_not(tmp_path):
    rows = [f"Partner agency {n},PA{n}" for n in range(1, 200)]
    fine = read_table(_write(tmp_path / "fine.csv", "Organisation,Short name\n" + "\n".join(
        [*rows, "Agency a=b,A=B", "Agency =,="])))
    assert fine.rows[-2].cells == ("Agency a=b", "A=B") and fine.rows[-1].cells == ("Agency =", "=")
    rows[150] = "Partner agency 151,  =HYPERLINK(\"http://x\")"    # file row 152
    with pytest.raises(InputError, match=r"agencies.csv row 152, column 'Short name'.*holds a spreadsheet formula"):
        read_table(_write(tmp_path / "agencies.csv", "Organisation,Short name\n" + "\n".join(rows)))
    with pytest.raises(InputError, match=r"heads.csv row 1, column '=1\+1' holds a spreadsheet formula"):
        read_table(_write(tmp_path / "heads.csv", "Organisation,=1+1\nPolice,P\n"))


def test_windows_1252_and_utf8_bom_csv_are_read(tmp_path):
    _write(tmp_path / "a.csv", "Organisation\nSiân's Café £\n", encoding="cp1252")
    _write(tmp_path / "b.csv", "\ufeffOrganisation\nZoë Łukasz\n", encoding="utf-8")
    assert read_table(tmp_path / "a.csv").rows[0].cells == ("Siân's Café £",)
    assert read_table(tmp_path / "b.csv").headers == ("Organisation",)


@pytest.mark.parametrize("name, content, why", [
    ("empty.csv", b"", "is empty"),
    ("blank.csv", b"\n ,\n,,\n", "is empty"),
    ("garbage.csv", bytes(range(256)) * 4, "is not a text .CSV. file"),
    ("garbage.xlsx", b"PK\x03\x04 not really a zip", "is not a real Excel"),
    ("notes.docx", b"x", "import a .csv or .xlsx file"),
])
def test_unreadable_sources_say_why(tmp_path, name, content, why):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError, match=why):
        read_table(tmp_path / name)


def test_headings_without_rows_are_a_problem(demo, tmp_path):
    source = _write(tmp_path / "agencies.csv", "Organisation,Type\n")
    with pytest.raises(ImportProblems, match="has headings but no rows"):
        run_import(demo, _kind(), source, 1)


def test_the_import_reference_and_templates_are_up_to_date():
    from pathlib import Path

    from sgdesk.importing.docs import reference, template_csv

    root = Path(__file__).resolve().parents[2]
    kinds = registry.load().import_kinds
    assert (root / "docs" / "import-formats.md").read_text(encoding="utf-8") == reference(kinds), \
        "run: python build_scripts/make_import_docs.py"
    for name, kind in kinds.items():
        template = root / "resources" / "templates" / f"{name}.csv"
        assert template.read_bytes().decode("utf-8-sig") == template_csv(kind), name
