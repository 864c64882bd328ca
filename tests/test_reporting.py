"""Reports render for people (table) and machines (CSV, JSON) from the same typed values."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from sgdesk.reporting import ReportColumn, ReportTable, neutralise, render

TABLE = ReportTable(
    "Contributions 2016/17",
    [ReportColumn("partner", "Partner"), ReportColumn("amount", "Amount", "money"),
     ReportColumn("share", "Share", "percent"), ReportColumn("due", "Due", "date")],
    [{"partner": "Southend Borough Council", "amount": 4306500, "share": 50, "due": dt.date(2016, 4, 1)},
     {"partner": "=HYPERLINK(\"http://x\")", "amount": -62100, "share": None, "due": None}],
    notes=["Shares sum to 50%, not 100%"],
)


def test_table_format_is_for_people():
    text = render([TABLE], "table")
    assert "£43,065.00" in text and "−£621.00" in text
    assert "50%" in text and "n/a" in text
    assert "1 Apr 2016" in text
    assert "* Shares sum to 50%, not 100%" in text
    lines = text.splitlines()
    assert lines[2].startswith("------")
    assert lines[3].index("£43,065.00") + len("£43,065.00") == lines[4].index("−£621.00") + len("−£621.00")


def test_csv_carries_plain_numbers_and_neutralises_formulas():
    rows = list(csv.reader(io.StringIO(render([TABLE], "csv"))))
    assert rows[0] == ["Partner", "Amount", "Share", "Due"]
    assert rows[1] == ["Southend Borough Council", "43065.00", "50", "2016-04-01"]
    assert rows[2] == ["'=HYPERLINK(\"http://x\")", "-621.00", "", ""]


def test_json_has_numbers_and_nulls():
    data = json.loads(render([TABLE], "json"))["tables"][0]
    assert data["rows"][0] == {"partner": "Southend Borough Council", "amount": 43065.0, "share": 50,
                               "due": "2016-04-01"}
    assert data["rows"][1]["share"] is None
    assert data["notes"] == ["Shares sum to 50%, not 100%"]


def test_neutralise_leaves_numbers_and_plain_text_alone():
    assert neutralise("-12.50") == "-12.50"
    assert neutralise("+44 1702 000000") == "'+44 1702 000000"
    assert neutralise("@risk") == "'@risk"
    assert neutralise("\tindent") == "'\tindent"
    assert neutralise("Essex Police") == "Essex Police"
    assert neutralise(12) == 12
