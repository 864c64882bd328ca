"""The built-in catalogue: the children's safeguarding indicators most partnerships track.

Names follow DfE's own wording; ``aliases`` are the headings the same figures carry in the LA
Interactive Tool, the statistical releases and annual-report data matrices, so imports recognise
them. Boards edit these (a rule, a tolerance, a source) and add their own. Which way is better is
the usual reading; where the figure is demand rather than performance (rates of children in need,
on plans, in care), neither direction is better and it is not rated.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sgdesk.indicators.areas import ensure_standard_areas
from sgdesk.indicators.definitions import Indicator, add_indicator, list_indicators
from sgdesk.indicators.rag import RagRule
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

CIN = "DfE: Characteristics of children in need"
CLA = "DfE: Children looked after in England including adoptions"
EARLY = "DfE: Education provision: children under 5 years of age"
INCOME = "DWP/HMRC: Children in low income families: local area statistics"
YOUTH = "MoJ/YJB: Youth justice statistics"
WORKFORCE = "DfE: Children's social work workforce"

SOCIAL_CONTEXT = "Social context"
EARLY_YEARS = "Early years"
SOCIAL_CARE = "Children's social care"
LOOKED_AFTER = "Looked-after children and care leavers"
YOUTH_JUSTICE = "Youth justice"


def _points(amount: str) -> RagRule:
    return RagRule("england", Decimal(amount))


def _percent_of(amount: str, basis: str = "england") -> RagRule:
    return RagRule(basis, Decimal(amount), relative=True)


CATALOGUE: tuple[Indicator, ...] = (
    Indicator("low-income", "Children (under 16) living in low-income families", SOCIAL_CONTEXT, "percent", "lower",
              INCOME, definition="Children under 16 in relative low-income families (before housing costs).",
              aliases=("Children living in low-income families", "Living in Low-Income Families",
                       "Children in low income families", "Children (Aged Under 16) Living in Poverty"),
              rule=_points("1")),
    Indicator("uasc", "Unaccompanied asylum-seeking children looked after", SOCIAL_CONTEXT, "count", "neither", CLA,
              definition="Unaccompanied asylum-seeking children looked after at 31 March.",
              aliases=("Number of Unaccompanied Asylum-Seeking Children", "UASC",
                       "Unaccompanied asylum seeking children")),
    Indicator("ey-2yo", "2-year-olds benefitting from funded early education", EARLY_YEARS, "percent", "higher", EARLY,
              definition="Eligible 2-year-olds benefitting from funded early education, as a percentage of those "
                         "eligible.",
              aliases=("% Children benefitting from early education places (2 year olds)",
                       "Early education take-up 2 year olds", "Funded early education 2-year-olds"),
              rule=_points("3")),
    Indicator("ey-3-4yo", "3- and 4-year-olds benefitting from funded early education", EARLY_YEARS, "percent",
              "higher", EARLY, definition="3- and 4-year-olds benefitting from some funded early education, as a "
                                          "percentage of the population of that age.",
              aliases=("% Children benefitting from early education places (3 and 4 year olds)",
                       "Early education take-up 3 and 4 year olds"),
              rule=_points("2")),
    Indicator("referrals-rate", "Referrals to children's social care, rate per 10,000 children", SOCIAL_CARE,
              "rate10k", "neither", CIN,
              aliases=("Rates per 10,000 of referrals to Children's Social Services",
                       "Referrals rate per 10,000 children")),
    Indicator("re-referrals", "Re-referrals to children's social care within 12 months", SOCIAL_CARE, "percent",
              "lower", CIN, definition="Referrals within 12 months of a previous referral, as a percentage of "
                                       "all referrals.",
              aliases=("Percentage of re-referrals to children's social care within 12 months",
                       "Re-referrals within 12 months", "Re-referrals (%)"),
              rule=_points("2")),
    Indicator("assessments-45", "Assessments completed within 45 working days", SOCIAL_CARE, "percent", "higher", CIN,
              aliases=("% Continuous assessments for Children's Social Care carried out within 45 days",
                       "Assessments completed within 45 days"),
              rule=_points("5")),
    Indicator("s47-rate", "Section 47 enquiries, rate per 10,000 children", SOCIAL_CARE, "rate10k", "neither", CIN,
              aliases=("Section 47 enquiries rate per 10,000 children",)),
    Indicator("icpc-15", "Initial child protection conferences within 15 working days", SOCIAL_CARE, "percent",
              "higher", CIN, aliases=("Percentage of child protection conferences held within 15 days",
                                      "ICPCs within 15 days"),
              rule=_points("5")),
    Indicator("cin-rate", "Children in need, rate per 10,000 children (at 31 March)", SOCIAL_CARE, "rate10k",
              "neither", CIN, definition="Children in need at 31 March per 10,000 children under 18.",
              aliases=("Children in Need - Rates per 10,000 (as at 31 March)", "Rate of children in need per "
                       "10,000 children", "Children in need rate per 10,000", "CIN rate per 10,000")),
    Indicator("cpp-rate", "Child protection plans, rate per 10,000 children (at 31 March)", SOCIAL_CARE, "rate10k",
              "neither", CIN, aliases=("Rate of Child Protection Plans at 31 March per 10,000 children",
                                       "Children subject of a child protection plan rate per 10,000",
                                       "CP plans rate per 10,000", "CPP rate per 10,000")),
    Indicator("cpp-repeat", "Child protection plans for a second or later time", SOCIAL_CARE, "percent", "lower", CIN,
              definition="Children becoming the subject of a plan for a second or subsequent time, as a "
                         "percentage of all starting a plan.",
              aliases=("% Second/Subsequent Child Protection Plans", "Repeat child protection plans",
                       "Second or subsequent child protection plans"),
              rule=_points("2")),
    Indicator("cpp-2-years", "Child protection plans ending that lasted two years or more", SOCIAL_CARE, "percent",
              "lower", CIN, aliases=("% Child Protection Plans which lasted 2 years or more, which cease during "
                                     "the year", "CP plans lasting 2 years or more"),
              rule=_points("1")),
    Indicator("cpp-reviewed", "Child protection cases reviewed within timescales", SOCIAL_CARE, "percent", "higher",
              CIN, aliases=("% Child Protection Cases reviewed within required timescales",),
              rule=_points("2")),
    Indicator("caseload", "Average caseload per children and family social worker", SOCIAL_CARE, "score", "lower",
              WORKFORCE, aliases=("Average number of cases per children and family social worker",),
              rule=_percent_of("10")),
    Indicator("cla-rate", "Looked-after children, rate per 10,000 children (at 31 March)", LOOKED_AFTER, "rate10k",
              "neither", CLA, aliases=("Rate per 10,000 of children looked after aged under 18 years (as at 31 "
                                       "March)", "Looked after children rate per 10,000", "CLA rate per 10,000")),
    Indicator("cla-3-placements", "Looked-after children with three or more placements in the year", LOOKED_AFTER,
              "percent", "lower", CLA, aliases=("Stability of Placements - % with 3 or more placements in year",
                                                "Three or more placements"),
              rule=_points("1")),
    Indicator("cla-missing", "Looked-after children who went missing", LOOKED_AFTER, "percent", "lower", CLA,
              aliases=("% Looked after Children Missing from Care",), rule=_points("2")),
    Indicator("leavers-eet", "Care leavers (19-21) in education, employment or training", LOOKED_AFTER, "percent",
              "higher", CLA, aliases=("Care Leavers - Education, Employment or Training (age 19, 20 & 21)",
                                      "Care leavers in education, employment or training", "Care leavers EET"),
              rule=_points("5")),
    Indicator("leavers-accommodation", "Care leavers (19-21) in suitable accommodation", LOOKED_AFTER, "percent",
              "higher", CLA, aliases=("Care Leavers - Suitable Accommodation (age 19, 20 & 21)",),
              rule=_points("5")),
    Indicator("fte-rate", "First-time entrants to the youth justice system, rate per 100,000 aged 10-17",
              YOUTH_JUSTICE, "rate100k", "lower", YOUTH,
              aliases=("First Time Entrants to Criminal Justice System - Rate/100k (aged 10-17)",
                       "First time entrants rate per 100,000"),
              rule=_percent_of("10")),
)


def install_catalogue(ed: Action, bf: BoardFile, board_id: int, codes: list[str] | None = None) -> list[int]:
    """Add the built-in catalogue's indicators (or those with ``codes``) the board does not have yet, and
    England and the statistical neighbours' average to compare them with."""
    ensure_standard_areas(ed, bf, board_id)
    have = list_indicators(bf, board_id)
    wanted = [spec for spec in CATALOGUE if codes is None or spec.code in codes]
    added = []
    for spec in wanted:
        if any(spec.code.casefold() == known.code.casefold() or spec.name.casefold() == known.name.casefold()
               for known in have):
            continue
        added.append(add_indicator(ed, bf, board_id, replace(spec, position=0)))
    return added
