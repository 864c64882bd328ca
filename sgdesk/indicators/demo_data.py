"""The demo board's performance data, as seed 002 (Southend Safeguarding Partnership annual report
2020/21) prints it: Appendix 1, the Local Authority Data Matrix (DfE/Ofsted derived), and the
regional comparison of partnerships' budget contributions (East of England unitary authorities, 2020).

Only figures that appear in the report. Where it gives England (or a rank) for the latest year only
("Latest England Ave", "Latest Rank"), so does the demo. A "-" in the report is stored as not
published. The report prints no statistical neighbours' figures beside these tables, so the demo has
none; its RAG colours did not survive into the text either, so the demo's ratings are SG Desk's own,
worked out from each indicator's rule.
"""

from __future__ import annotations

from dataclasses import dataclass

RELEASE = "As printed in the Southend Safeguarding Partnership annual report 2020/21, Appendix 1"
OWN_AREA = ("Southend-on-Sea", "E06000033", ("Southend", "Southend-on-Sea Borough Council", "882"))
REGION = "East of England"
#: Southend's statistical neighbours as the report lists them (DfE's children's services families)
NEIGHBOURS = ("Swindon", "Plymouth", "Medway", "Bournemouth, Christchurch and Poole", "Kent", "Sheffield",
              "Isle of Wight", "Telford and Wrekin", "East Sussex", "Torbay")


@dataclass(frozen=True)
class SeedRow:
    """One indicator's row: ``own`` and ``england`` are the printed cells, one per period (``england``
    may be one figure: the latest; ``_`` is a blank cell); ``ranks`` likewise, or ``latest_rank``.
    A ``code`` from the built-in catalogue takes its definition from there; others are defined here."""

    code: str
    own: str
    england: str = ""
    ranks: str = ""
    latest_rank: int | None = None
    name: str = ""
    unit: str = "percent"
    polarity: str = "higher"
    tolerance: str = "2"


@dataclass(frozen=True)
class SeedTable:
    """One section of the report's data matrix: its periods as printed, and its indicators' rows."""

    section: str
    periods: tuple[str, ...]
    rows: tuple[SeedRow, ...]


_CSC = ("2016", "2017", "2018", "2019", "2020")
_ACADEMIC = ("2014/15", "2015/16", "2016/17", "2017/18", "2018/19")

TABLES: tuple[SeedTable, ...] = (
    SeedTable("Social context", ("2021",), (
        SeedRow("fsm-primary", "23.2", "21.6", latest_rank=87, polarity="neither",
                name="Primary pupils eligible for free school meals (state-funded)"),
        SeedRow("fsm-secondary", "14.5", "18.9", latest_rank=38, polarity="neither",
                name="Secondary pupils eligible for free school meals (state-funded)"),
        SeedRow("eal-primary", "14.1", "20.9", latest_rank=67, polarity="neither",
                name="Primary pupils whose first language is other than English"),
        SeedRow("eal-secondary", "12.2", "17.2", latest_rank=74, polarity="neither",
                name="Secondary pupils whose first language is other than English"),
    )),
    SeedTable("Social context", ("2017", "2018", "2019", "2020"), (
        SeedRow("low-income", "15.2 16.3 16.0 15.8", "17.0 18.0 18.2 19.1"),
        SeedRow("uasc", "11 17 22 16", "4,700 4,560 5,140 5,000"),
    )),
    SeedTable("Social context", ("2017", "2018", "2019"), (
        SeedRow("population-0-17", "39,115 39,540 39,738", "11,866,960 11,954,620 12,023,568", unit="count",
                polarity="neither", name="Population estimate: children aged 0-17"),
    )),
    SeedTable("Early years", ("2018", "2019", "2020", "2021"), (
        SeedRow("ey-3-4yo-number", "4,200 4,208 4,206 3,990", unit="count", polarity="neither",
                name="3- and 4-year-olds benefitting from some free early education (number)"),
        SeedRow("ey-3-4yo", "92 93 92 88", "94 93 93 88"),
        SeedRow("ey-3-4yo-good", "95 94 98 97", "93 92 92 93",
                name="3- and 4-year-olds in funded early education with good or outstanding providers"),
    )),
    SeedTable("Early years", ("2014", "2018", "2019", "2020", "2021"), (
        SeedRow("ey-2yo-number", "390 446 513 459 404", unit="count", polarity="neither",
                name="2-year-olds benefitting from funded early education (number)"),
        SeedRow("ey-2yo", "- 62 64 60 56", "- 72 68 69 62"),
        SeedRow("ey-2yo-good", "58 94 98 100 97", "71 95 95 97 97",
                name="2-year-olds in funded early education with good or outstanding providers"),
    )),
    SeedTable("Health", ("2018", "2019", "2020"), (
        SeedRow("hpv", "89.3 91.5 88.7", "86.9 88.0 59.2", latest_rank=22,
                name="HPV vaccination coverage, females aged 12-13"),
        SeedRow("injury-admissions", "78.3 77.1 66.3", "96.4 96.1 91.2", latest_rank=21, unit="rate10k",
                polarity="lower", tolerance="5",
                name="Emergency hospital admissions for injuries to children aged 0-14, rate per 10,000"),
        SeedRow("overweight-reception", "22.41 22.54 22.65", "22.38 22.59 22.96", latest_rank=66, polarity="lower",
                tolerance="1", name="Overweight or obese children in Reception"),
        SeedRow("overweight-year6", "32.11 33.03 33.17", "34.32 34.29 35.19", latest_rank=46, polarity="lower",
                tolerance="1", name="Overweight or obese children in Year 6"),
        SeedRow("cdr-modifiable", "- 5 -", "1,015 965 862", unit="count", polarity="neither",
                name="Child death reviews completed with modifiable factors"),
    )),
    SeedTable("Health", ("2017", "2018", "2019"), (
        SeedRow("chlamydia", "2,303.4 1,649.7 1,699.8", "1,929.0 1,999.3 2,043.4", unit="rate100k",
                polarity="neither", name="Chlamydia diagnosis rate, aged 15-24, per 100,000"),
    )),
    SeedTable("Health", ("2017", "2018", "2019", "2020"), (
        SeedRow("mh-admissions", "28.4 38.3 37.9 113.2", "81.5 84.7 88.3 89.5", unit="rate100k", polarity="neither",
                name="Inpatient admissions for mental health disorders, aged 0-17, rate per 100,000"),
    )),
    SeedTable("Health", ("2016", "2017", "2018"), (
        SeedRow("u18-conceptions", "27.1 24.3 21.4", "18.8 17.8 16.7", latest_rank=111, unit="rate1k",
                polarity="lower", tolerance="2", name="Under-18 conceptions, rate per 1,000 girls"),
    )),
    SeedTable("Health", ("2015/16-17/18", "2016/17-18/19", "2017/18-19/20"), (
        SeedRow("u18-alcohol", "- 17.03 12.67", "32.86 31.55 30.65", latest_rank=14, unit="rate100k",
                polarity="lower", tolerance="5", name="Alcohol-specific hospital admissions, under-18s, "
                                                       "rate per 100,000"),
    )),
    SeedTable("Education", ("2015", "2016", "2017", "2018", "2019"), (
        SeedRow("eyfs-gld", "68.5 71.1 74.1 73.9 74.0", "71.8", ranks="40 44 28 36 38",
                name="Early Years Foundation Stage: good level of development"),
        SeedRow("phonics", "77 80 82 82 83", "82", ranks="62 83 51 75 45",
                name="Key stage 1 phonics: meeting the expected standard in decoding"),
        SeedRow("ks2-rwm", "- 56 66 69 68", "65", ranks="- 50 28 32 36",
                name="Key stage 2: reading, writing and maths at the expected standard"),
    )),
    SeedTable("Education", ("2016", "2017", "2018", "2019", "2020"), (
        SeedRow("attainment8", "53.50 50.4 52.0 53.0 54.50", "48", ranks="14 16 13 12 14", unit="score",
                tolerance="1", name="Average Attainment 8 score per pupil"),
        SeedRow("gcse-em-4", "- 70.90 71.50 74.40 75.50", "65.9", ranks="- 19 19 12 26",
                name="Pupils achieving a 9-4 pass in English and maths"),
    )),
    SeedTable("Education", ("2015", "2016", "2017", "2018", "2019"), (
        SeedRow("neet-16-17", "- 1.7 1.7 2.6 1.9", "2.7", latest_rank=38, polarity="lower", tolerance="0.5",
                name="16-17-year-olds not in education, employment or training"),
        SeedRow("not-known-16-17", "- 7.3 5.6 2.3 1.9", "2.8", latest_rank=79, polarity="lower", tolerance="0.5",
                name="16-17-year-olds whose current activity is not known"),
    )),
    SeedTable("Education", _ACADEMIC, (
        SeedRow("absence-primary", "3.8 3.8 3.9 4.1 4.2", "4.0", ranks="22 26 35 47 101", polarity="lower",
                tolerance="0.3", name="Overall absence, state-funded primary schools"),
        SeedRow("absence-secondary", "4.8 4.8 4.7 4.7 4.6", "5.5", ranks="16 23 13 9 5", polarity="lower",
                tolerance="0.3", name="Overall absence, state-funded secondary schools"),
        SeedRow("persistent-primary", "_ 7.7 7.6 8.7 9.2", "8.2", ranks="_ 52 45 76 115", polarity="lower",
                tolerance="1", name="Persistent absence, state-funded primary schools"),
        SeedRow("persistent-secondary", "_ 10.6 10.8 10.6 11.3", "13.7", ranks="_ 15 18 12 23", polarity="lower",
                tolerance="1", name="Persistent absence, state-funded secondary schools"),
        SeedRow("exclusions-permanent", "0.02 0.03 0.07 0.05 0.02", "0.10", ranks="15 20 47 29 7", polarity="lower",
                tolerance="0.02", name="Permanent exclusions, all schools"),
        SeedRow("exclusions-fixed", "3.48 5.54 5.34 4.24 3.81", "5.36", ranks="72 133 109 57 40", polarity="lower",
                tolerance="0.5", name="Fixed-term exclusions, all schools"),
    )),
    SeedTable("Youth justice", ("2015", "2016", "2017", "2018", "2019"), (
        SeedRow("fte-rate", "420.6 309.8 270.4 191.6 224.0", "407.0 362.8 325.2 280.4 223.7"),
    )),
    SeedTable("Youth justice", ("2014", "2015", "2016", "2017", "2018"), (
        SeedRow("reoffending-15-17", "37.7 30.7 34.8 29.6 22.7", polarity="lower",
                name="Proven re-offending by 15-17-year-olds (12 months ending December)"),
    )),
    SeedTable("Youth justice", ("2016", "2017", "2018", "2019"), (
        SeedRow("cautioned-sentenced", "- - 51.30 40.00", "- - 51.10 40.70", unit="rate10k", polarity="lower",
                tolerance="3", name="Children cautioned or sentenced, aged 10-17, rate per 10,000"),
    )),
    SeedTable("Children's social care", _CSC, (
        SeedRow("caseload", "30.4 20.0 15.3 16.3 15.6", "16.3", latest_rank=65),
        SeedRow("sw-vacancy", "13.3 14.9 16.7 15.0 9.2", "16.1", latest_rank=41, polarity="lower",
                name="Children's social worker vacancy rate"),
        SeedRow("sw-turnover", "17.1 14.0 18.0 13.0 19.6", "13.5", latest_rank=130, polarity="lower",
                name="Children's social worker turnover rate"),
        SeedRow("sw-agency", "20.6 18.7 12.3 12.4 9.2", "15.4", latest_rank=46, polarity="lower",
                name="Agency children's social worker rate"),
        SeedRow("cin-rate", "250.9 357.6 338.2 359.1 319.8", "323.7"),
        SeedRow("referrals", "1,499 2,229 2,325 2,772 2,721", "642,980", unit="count", polarity="neither",
                name="Referrals to children's social care (number)"),
        SeedRow("referrals-rate", "390.1 574.8 594.4 701.1 684.7", "534.8"),
        SeedRow("s47-rate", "153.0 177.7 127.1 190.2 172.1", "167.2"),
        SeedRow("icpc-15", "47.7 45.5 66.0 77.6 76.5", "77.6", latest_rank=92),
        SeedRow("assessments-45", "96.4 63.8 71.6 90.5 95.7", "83.8", latest_rank=14),
        SeedRow("re-referrals", "19.9 16.3 23.7 24.4 30.2", "22.6", latest_rank=139),
        SeedRow("cpp-rate", "49.2 56.7 29.7 43.2 40.3", "42.8"),
        SeedRow("cpp-2-years", "3.1 6.0 7.0 8.4 4.5", "3.6", latest_rank=77),
        SeedRow("cpp-repeat", "18.9 29.3 15.5 20.6 23.4", "21.9", latest_rank=94),
        SeedRow("cpp-reviewed", "97.9 98.2 98.9 99.0 100.0", "91.5", latest_rank=1),
    )),
    SeedTable("Looked-after children and care leavers", _CSC, (
        SeedRow("cla-rate", "68 73 74 77 79", "67"),
        SeedRow("cla-started", "133 152 121 115 115", "30,970", unit="count", polarity="neither",
                name="Children who started to be looked after in the year to 31 March"),
        SeedRow("cla-ceased", "107 134 115 99 108", "29,590", unit="count", polarity="neither",
                name="Children who ceased to be looked after in the year to 31 March"),
        SeedRow("cla-3-placements", "10.0 10.0 12.0 12.0 13.0", "11.0", latest_rank=116),
        SeedRow("cla-stability", "- - 65.0 66.0 58.0", "68.0", latest_rank=142, tolerance="3",
                name="Looked-after children in the same placement for at least 2 years"),
        SeedRow("cla-20-miles", "16.0 13.0 15.0 14.0 17.0", "16.0", latest_rank=68, polarity="lower",
                name="Looked-after children placed more than 20 miles from home, outside the LA"),
        SeedRow("cla-missing", "9.0 13.0 12.0 16.0 14.0", "11.0"),
        SeedRow("leavers-accommodation", "80.0 86.0 75.0 80.0 88.0", "85.0", latest_rank=55),
        SeedRow("leavers-eet", "60.0 52.0 41.0 43.0 58.0", "53.0", latest_rank=41),
    )),
    SeedTable("Looked-after children and care leavers", ("2015", "2016", "2017", "2018", "2019"), (
        SeedRow("adopted", "19.0 21.0 20.0 25.0 25.0", "13.0", latest_rank=3,
                name="Children adopted from care (3-year average)"),
        SeedRow("adoption-days", "429 350 295 301 285", "376", latest_rank=9, unit="days", polarity="lower",
                tolerance="30", name="Average days from entering care to moving in with the adoptive family "
                                     "(3-year average)"),
    )),
    SeedTable("Looked-after children and care leavers", ("2015", "2016", "2017", "2018", "2019", "2020"), (
        SeedRow("cafcass-care", "14.2 18.4 20.6 14.4 13.7 16.9", "10.8", unit="rate10k", polarity="neither",
                name="Cafcass care applications per 10,000 children"),
    )),
)


@dataclass(frozen=True)
class SeedContribution:
    """One partnership's contributions by statutory partner, as the report prints them (text such as "£60,700")."""

    partnership: str
    local_authority: str
    health: str
    police: str


COMPARISON_TITLE = "East of England unitary authorities"
COMPARISON_PERIOD = "2020"
THIS_PARTNERSHIP = "Southend"
COMPARISON_NOTE = ("This only includes the strategic partners' contributions. Southend received approximately "
                   "£12,000 from smaller contributors this year, which will not be available next year.")
#: (strand, rows) as the report prints them; the report's totals and averages are worked out, not stored
CONTRIBUTIONS: tuple[tuple[str, tuple[SeedContribution, ...]], ...] = (
    ("Children's partnership", (
        SeedContribution("Bedford Borough", "£114,090", "£62,663", "£18,300"),
        SeedContribution("Central Bedfordshire", "£111,243", "£54,830", "£19,992"),
        SeedContribution("Luton", "£154,660", "£87,068", "£29,071"),
        SeedContribution("Thurrock", "£177,444", "£17,777", "£17,777"),
        SeedContribution("Southend", "£60,700", "£36,031", "£14,355"),
    )),
    ("Adults' partnership", (
        SeedContribution("Bedford Borough", "£20,000", "£5,000", "£5,000"),
        SeedContribution("Central Bedfordshire", "£20,000", "£5,000", "£5,000"),
        SeedContribution("Luton", "£82,124", "£72,984", "£18,246"),
        SeedContribution("Thurrock", "£54,025", "£18,750", "£18,750"),
        SeedContribution("Southend", "£41,950", "£36,031", "£22,711"),
    )),
)
PARTNERS = ("Local Authority", "Health", "Police")
