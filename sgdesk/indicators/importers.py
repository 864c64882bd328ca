"""Import kinds ``indicators`` (published tables, wide or long) and ``regional-contributions``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sgdesk.core_feature import parse_yes_no
from sgdesk.errors import InputError, quoted
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.importing.sources import SourceRow, SourceTable, read_rows
from sgdesk.indicators.areas import AreaFinder, add_area, list_areas, standard_kind
from sgdesk.indicators.catalogue import CATALOGUE
from sgdesk.indicators.definitions import (
    OTHER_SECTION,
    Indicator,
    add_indicator,
    code_for,
    find_indicator,
    list_indicators,
)
from sgdesk.indicators.figures import Figure, parse_figure, parse_unit
from sgdesk.indicators.periods import IndicatorPeriod
from sgdesk.indicators.rag import parse_polarity
from sgdesk.indicators.regional import add_comparison, find_comparison, set_contribution
from sgdesk.indicators.sheets import Where, WideCell, WideSheet, is_unit_word, read_wide
from sgdesk.indicators.values import StoredValue, load_values, parse_rank, set_value
from sgdesk.matching import normalise_header
from sgdesk.money import Pence, format_money, parse_money
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_OWN_FIX = ("add this authority in Performance > Areas (as the sheet names it), or add an Area column naming "
            "the area of each row")
_UNKNOWN_INDICATOR_FIX = ("use the name or code of one of the board's indicators (Performance > Indicators), add "
                          "the indicator there first, or import the long layout with Unit and Better when columns "
                          "to add it")


def _rank_cell(value: Any) -> int:
    rank, _of = parse_rank(value)
    if rank is None:
        raise InputError(quoted(value), "is not a rank", "write the position, e.g. 87, or leave it blank")
    return rank


# -- what the import will write --------------------------------------------------------------------------------------
@dataclass
class _Write:
    """One figure an indicators import will store, for an indicator, area and period, with any published rank."""

    indicator: Indicator          # stored (id) or to add (no id)
    area: str                     # the key of a known or new area
    period: IndicatorPeriod
    figure: Figure
    rank: int | None
    rank_of: int | None


@dataclass
class _Plan:
    """What an indicators import will write: its figures, the indicators and areas it adds, and notes for the
    summary."""

    writes: list[_Write] = field(default_factory=list)
    new_indicators: dict[str, Indicator] = field(default_factory=dict)   # name key -> indicator to add
    new_areas: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)   # key -> (name, kind, code)
    area_ids: dict[str, int] = field(default_factory=dict)                # key -> id of a known area
    notes: list[str] = field(default_factory=list)


class _Resolver:
    """Names on the sheet -> the board's indicators and areas (or new ones to add), problems for the rest."""

    def __init__(self, bf: BoardFile, board_id: int, source: str, problems: list[Problem], plan: _Plan) -> None:
        self.source, self.problems, self.plan = source, problems, plan
        self.indicators = list_indicators(bf, board_id)
        self.finder = AreaFinder(list_areas(bf, board_id))
        self.own = next((area for area in self.finder.areas if area.kind == "own"), None)
        self._reported: set[tuple] = set()
        self.seen = FirstRows(source, problems)

    def problem(self, where: Where | None, value: Any, why: str, fix: str, *, once: Any = None) -> None:
        if once is not None:
            if once in self._reported:
                return
            self._reported.add(once)
        self.problems.append(Problem(self.source, where.row if where else None, where.column if where else None,
                                     value, why, fix))

    def indicator(self, text: str | None, where: Where | None, definition: dict[str, Any] | None = None
                  ) -> Indicator | None:
        if not text:
            self.problem(where, None, "does not say which indicator its figures are",
                         "put the indicator's name above the years (or as the table's title), or add an "
                         "Indicator column", once=("no indicator", where))
            return None
        found = find_indicator(self.indicators, text) or find_indicator(list(self.plan.new_indicators.values()), text)
        if found is not None:
            return found
        spec = find_indicator(list(CATALOGUE), text)
        if spec is None and definition:
            spec = self._defined(text, where, definition)
        if spec is None:
            self.problem(where, text, "is not one of this board's indicators", _UNKNOWN_INDICATOR_FIX,
                         once=("unknown", normalise_header(text)))
            return None
        if any(spec.code.casefold() == known.code.casefold() for known in self.indicators):
            self.problem(where, text, f"would add an indicator whose code '{spec.code}' another indicator has",
                         "name the board's indicator as it is listed in Performance > Indicators",
                         once=("code", spec.code))
            return None
        self.plan.new_indicators[normalise_header(spec.name)] = spec
        return spec

    def _defined(self, name: str, where: Where | None, definition: dict[str, Any]) -> Indicator | None:
        """A new indicator from the long layout's Unit, Better when and Section columns."""
        if not definition.get("unit") or not definition.get("polarity"):
            return None
        code = code_for(name)
        taken = {indicator.code.casefold() for indicator in (*self.indicators, *self.plan.new_indicators.values())}
        base, number = code, 1
        while code in taken:
            number += 1
            code = f"{base}-{number}"
        return Indicator(code, " ".join(name.split()), definition.get("section") or OTHER_SECTION,
                         definition["unit"], definition["polarity"])

    def area(self, name: str | None, code: str | None, where: Where | None) -> str | None:
        """The key of the area ``name`` (or ``code``) names; a new one is added as an other authority (or as
        England or the neighbours' average when it carries their usual name). None: this authority."""
        if not name and not code:
            return self.own_area(where)
        found = self.finder.find(name, code)
        if found is not None:
            self.plan.area_ids[f"id:{found.id}"] = found.id
            return f"id:{found.id}"
        key = f"new:{normalise_header(code or '') or normalise_header(name or '')}"
        if key not in self.plan.new_areas:
            label = " ".join((name or code or "").split())
            kind = standard_kind(label) or "other"
            if kind != "other" and any(area.kind == kind for area in self.finder.areas):
                kind = "other"
            self.plan.new_areas[key] = (label, kind, (code or "").strip() or None)
        return key

    def own_area(self, where: Where | None) -> str | None:
        if self.own is None:
            self.problem(where, None, "gives figures for this authority, but the board has no own authority yet",
                         _OWN_FIX, once="own")
            return None
        self.plan.area_ids[f"id:{self.own.id}"] = self.own.id
        return f"id:{self.own.id}"

    def comparator(self, kind: str, where: Where | None) -> str:
        found = next((area for area in self.finder.areas if area.kind == kind), None)
        if found is not None:
            self.plan.area_ids[f"id:{found.id}"] = found.id
            return f"id:{found.id}"
        key = f"new:{kind}"
        self.plan.new_areas.setdefault(key, ("England" if kind == "england" else "Statistical neighbours", kind, None))
        return key

    def is_area(self, label: str) -> bool:
        return self.finder.find(label) is not None or standard_kind(label) is not None

    def write(self, indicator: Indicator, area: str, period: IndicatorPeriod, text: str | None, at: Where,
              rank: tuple[int | None, int | None], comment: str | None = None, *, provisional: bool = False) -> None:
        try:
            figure = parse_figure(text, indicator.unit)
        except InputError as error:
            self.problem(at, text, error.why, error.fix)
            return
        if figure is None:
            if rank[0] is not None:
                self.problem(at, None, "is empty, but a rank is given for it", "fill in the figure, or remove the rank")
            return
        if self.seen.is_repeat((indicator.name.casefold(), area, period.label), at.row or 0, at.column or "", text,
                               f"is listed twice for {indicator.name}, {period.label} and this area",
                               "keep one figure"):
            return
        if comment or provisional:
            figure = Figure(figure.value, figure.note, figure.provisional or provisional,
                            "; ".join(part for part in (figure.comment, comment) if part) or None)
        self.plan.writes.append(_Write(indicator, area, period, figure, *rank))


# -- the import kind ---------------------------------------------------------------------------------------------------
class _WideCells(list):
    """The cells of a sheet read as published tables, with what the reading noticed (columns not read)."""

    def __init__(self, cells: list[WideCell], notes: list[str]) -> None:
        super().__init__(cells)
        self.notes = list(notes)


class IndicatorsImport(ImportKind):
    name = "indicators"
    title = "performance indicators"
    description = (
        "Figures for the board's indicators, by area and period: as DfE publishes them (the LA Interactive Tool, "
        "statistical releases, a data matrix: title rows above, years as columns, one row per authority or per "
        "indicator, footnotes below), or one figure per row (the columns below). The marks x (not available), "
        "c (suppressed), .. or z (not applicable) and - (not published) are stored as what they are, never as "
        "zero; a blank cell is skipped; 15.2 (p) is provisional. A figure already stored for the indicator, area "
        "and period is replaced. Areas the board does not know are added as other authorities (mark the "
        "statistical neighbours in Performance > Areas)."
    )
    columns = (
        Column("indicator", "Indicator", "the indicator's name or code, as in Performance > Indicators (names "
               "from the built-in catalogue add that indicator)", aliases=("Measure", "Indicator name"),
               example="Re-referrals to children's social care within 12 months"),
        Column("area", "Area", "the area: this authority, a statistical neighbour, Statistical neighbours (their "
               "average), the region or England; blank for this authority", required=False,
               aliases=("Local authority", "LA", "Region/LA", "Geography", "Area name"), example="England"),
        Column("area_code", "Area code", "the area's ONS code or LA number, when the names differ", required=False,
               aliases=("LA code", "New LA code", "ONS code", "LA number"), example="E92000001"),
        Column("period", "Period", "the year (2020), financial or academic year (2019/20), years of a rolling "
               "figure (2016-18) or quarter (2020/21 Q1)", parse=IndicatorPeriod.parse,
               aliases=("Year", "Time period", "Date"), example="2020"),
        Column("value", "Value", "the figure as published (15.2, 4,700, 15.2 (p)) or a mark: x, c, .., z or -",
               required=False, aliases=("Figure", "Data", "Number", "Rate", "Percentage"), example="22.6"),
        Column("mark", "Mark", "for a figure not published, its mark (x, c, .., z or -) when Value is blank",
               required=False, aliases=("Suppression", "Status"), example=""),
        Column("provisional", "Provisional", "Yes for a provisional figure", parse=parse_yes_no, required=False,
               example="No"),
        Column("rank", "Rank", "the area's rank among authorities, when published", parse=_rank_cell,
               required=False, aliases=("Latest rank", "Position"), example="139"),
        Column("rank_of", "Rank of", "how many authorities were ranked", parse=_rank_cell, required=False,
               aliases=("Out of", "Ranked"), example="151"),
        Column("note", "Note", "a footnote to keep with the figure", required=False,
               aliases=("Footnote", "Comment"), example="Revised in the 2021 release"),
        Column("unit", "Unit", "for an indicator the board does not have yet: number, %, rate per 10,000, rate per "
               "100,000, rate per 1,000, £, score or days", parse=parse_unit, required=False, example="%"),
        Column("polarity", "Better when", "for an indicator the board does not have yet: higher, lower or neither",
               parse=parse_polarity, required=False, aliases=("Polarity", "Good is"), example="lower"),
        Column("section", "Section", "for an indicator the board does not have yet: its data matrix section",
               required=False, example="Partner data"),
    )
    extra_columns_help = (
        "**As published (wide):** a sheet whose headings are not in the first row is read as DfE lays tables "
        "out. Each table is found by its row of periods (2016, 2017... or 2019/20...); the rows above it are "
        "its title, and a heading over the periods (merged across them) names the indicator, as does the title "
        "when there is none. A column headed Local authority, LA, Area or Region/LA makes each row an area "
        "(codes from LA code or ONS code); without one, each row is an indicator of this authority, and rows "
        "headed England, Statistical neighbours, the region or a neighbour give that area's figures for the "
        "indicator above (rows headed %, No or Rate take the indicator from the title). A Rank column after "
        "a period gives that period's ranks; Latest rank, Latest England average and Statistical neighbours "
        "columns give the latest period's. Footnotes and other columns (quartiles) are not read; several "
        "tables may follow one another on a sheet."
    )

    def read(self, source: str | Path) -> SourceTable | WideSheet:
        path = Path(source)
        rows = read_rows(path)
        headers = tuple("" if cell is None else str(cell).strip() for cell in rows[0].cells)
        keys = {normalise_header(text) for text in headers}
        named = {column.key for column in self.columns if keys & column.names()}
        if {"indicator", "period"} <= named and named & {"value", "mark"}:
            width = len(headers)
            body = tuple(SourceRow(row.number, (row.cells + (None,) * width)[:max(width, len(row.cells))])
                         for row in rows[1:])
            return SourceTable(path.name, headers, rows[0].number, body)
        return read_wide(path.name, rows)

    def parse_rows(self, table: SourceTable | WideSheet, problems: list[Problem]) -> list[Any]:
        if isinstance(table, SourceTable):
            return super().parse_rows(table, problems)
        if not table.cells:
            problems.append(Problem(table.name, None, "Period", None, "is missing from the header row, and no row "
                                    "of periods (2019, 2020 or 2019/20...) heads a table of figures",
                                    "use the columns Indicator, Area, Period and Value, or import the table as DfE "
                                    "publishes it"))
        for where in table.missing_heading:
            problems.append(Problem(table.name, where.row, None, None, "heads a table that does not say which "
                                    "indicator its figures are", "put the indicator's name above the years, or "
                                    "as the table's title"))
        return _WideCells(table.cells, table.notes)

    def readable(self, rows: list[Any], unread: set[int | None]) -> list[Any]:
        if isinstance(rows, _WideCells):  # a published table's cells: those of rows without a problem
            return _WideCells([cell for cell in rows if cell.at.row not in unread], rows.notes)
        return super().readable(rows, unread)

    def plan(self, rows: list[Any], bf: BoardFile, board_id: int, source: str, problems: list[Problem]) -> _Plan:
        plan = _Plan()
        resolve = _Resolver(bf, board_id, source, problems, plan)
        if isinstance(rows, _WideCells):
            self._plan_wide(rows, resolve)
            plan.notes.extend(rows.notes)
        else:
            for row in rows:
                self._plan_long(row, resolve)
        return plan

    @staticmethod
    def _plan_long(row: ParsedRow, resolve: _Resolver) -> None:
        where = Where(row.number, "Indicator")
        indicator = resolve.indicator(row["indicator"], where, {key: row[key] for key in ("unit", "polarity",
                                                                                          "section")})
        area = resolve.area(row["area"], row["area_code"], Where(row.number, "Area"))
        text = row["value"] or row["mark"]
        if text is None:
            resolve.problem(Where(row.number, "Value"), None, "is empty",
                            "write the figure, or a mark (x, c, .., z or -) for one not published")
        if indicator is None or area is None or row["period"] is None or text is None:
            return
        resolve.write(indicator, area, row["period"], text, Where(row.number, "Value" if row["value"] else "Mark"),
                      (row["rank"], row["rank_of"]), row["note"], provisional=bool(row["provisional"]))

    @staticmethod
    def _plan_wide(cells: list[WideCell], resolve: _Resolver) -> None:
        row_indicator: dict[tuple[int, int], Indicator | None] = {}   # (table, row) -> the row's indicator
        last_indicator: dict[int, Indicator | None] = {}              # table -> the last indicator row's
        for cell in cells:
            row_key = (cell.table, cell.label_at.row or 0)
            if cell.layout == "areas":
                indicator = resolve.indicator(cell.heading, cell.heading_at)
                area = resolve.area(cell.label, cell.area_code, cell.label_at)
            elif cell.comparator:
                indicator = row_indicator.get(row_key)
                area = resolve.comparator(cell.comparator, cell.at)
            else:
                if row_key not in row_indicator:
                    row_indicator[row_key] = _row_indicator(cell, resolve, last_indicator)
                indicator = row_indicator[row_key]
                area = resolve.area(cell.label, None, cell.label_at) if resolve.is_area(cell.label) \
                    else resolve.own_area(cell.label_at)
            if indicator is None or area is None:
                continue
            try:
                rank = parse_rank(cell.rank) if cell.rank is not None else (None, None)
            except InputError as error:
                resolve.problem(cell.rank_at, cell.rank, error.why, error.fix)
                continue
            resolve.write(indicator, area, cell.period, cell.text, cell.at, rank)

    def apply(self, plan: _Plan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        indicator_ids = {normalise_header(i.name): i.id for i in list_indicators(bf, board_id)}
        for key, indicator in plan.new_indicators.items():
            indicator_ids[key] = add_indicator(ed, bf, board_id, indicator)
            summary.count("indicators")
            summary.notes.append(f"indicator '{indicator.name}' added to the board")
        area_ids = dict(plan.area_ids)
        added_areas = []
        for key, (name, kind, code) in plan.new_areas.items():
            area_ids[key] = add_area(ed, bf, board_id, name, kind, code=code)
            added_areas.append(name)
        if added_areas:
            summary.count("areas", n=len(added_areas))
            shown = ", ".join(added_areas[:5]) + (f" and {len(added_areas) - 5} more" if len(added_areas) > 5 else "")
            summary.notes.append(f"areas added as other authorities: {shown} (mark the statistical neighbours in "
                                 "Performance > Areas)")
        existing: dict[tuple[int, int, str], StoredValue] = {
            value.key: value for value in load_values(bf, board_id)}
        for write in plan.writes:
            indicator_id = write.indicator.id or indicator_ids[normalise_header(write.indicator.name)]
            area_id = area_ids[write.area]
            outcome = set_value(ed, indicator_id, area_id, write.period, write.figure, rank=write.rank,
                                rank_of=write.rank_of, existing=existing.get((indicator_id, area_id,
                                                                               write.period.label)))
            if outcome == "unchanged":
                summary.skipped += 1
            else:
                summary.count("figures", "created" if outcome == "created" else "updated")
        summary.notes.extend(plan.notes)


def _row_indicator(cell: WideCell, resolve: _Resolver, last: dict[int, Indicator | None]) -> Indicator | None:
    """The indicator of a row in a table of indicators: the row's own label, the title for a row headed
    by a unit (%, No, Rate), the indicator above for a row naming an area (England, a neighbour)."""
    if resolve.is_area(cell.label):
        if cell.table not in last:
            resolve.problem(cell.label_at, cell.label, "names an area, but no indicator comes before it",
                            "put the indicator's row (or the table's title) above the area's row")
            return None
        return last[cell.table]
    if is_unit_word(cell.label):
        indicator = resolve.indicator(cell.heading, cell.heading_at or cell.label_at)
    else:
        indicator = resolve.indicator(cell.label, cell.label_at)
    last[cell.table] = indicator
    return indicator


# -- regional contributions ----------------------------------------------------------------------------------------
@dataclass
class _RegionalPlan:
    """What a regional-contributions import will write: the amounts, which partnership is this board's in each
    comparison, and notes."""

    rows: list[tuple[str, str, str, str, str, Pence]] = field(default_factory=list)  # title, period, strand, ...
    this: dict[tuple[str, str], str] = field(default_factory=dict)                 # comparison -> this partnership
    notes: list[str] = field(default_factory=list)


class RegionalContributionsImport(ImportKind):
    name = "regional-contributions"
    title = "regional comparison of contributions"
    description = (
        "Several partnerships' budget contributions by partner, as a regional comparison prints them: one row per "
        "partnership and strand, one column per partner (Local Authority, Health, Police...) or the columns "
        "Partner and Amount. Mark this board's partnership Yes in This board. A Total column is checked against "
        "the partners' amounts and reported when it differs; totals and averages are worked out, not imported. "
        "An amount already stored is replaced."
    )
    columns = (
        Column("comparison", "Comparison", "what is compared, e.g. East of England unitary authorities",
               aliases=("Title", "Region"), example="East of England unitary authorities"),
        Column("period", "Year", "the year of the comparison, as published", aliases=("Period",), example="2020"),
        Column("strand", "Strand", "the budget: Children's partnership, Adults' partnership...",
               required=False, aliases=("Budget", "Board"), example="Children's partnership"),
        Column("partnership", "Partnership", "the partnership (its local authority)", aliases=("Authority", "Area"),
               example="Southend"),
        Column("this_board", "This board", "Yes on this board's rows", parse=parse_yes_no, required=False,
               aliases=("This partnership", "Us"), example="Yes"),
        Column("partner", "Partner", "the contributing partner, when one row holds one amount", required=False,
               aliases=("Agency", "Contributor"), example="Police"),
        Column("total", "Total", "the partnership's published total, checked, not stored", parse=parse_money,
               required=False, aliases=("Total £",), example="£111,086"),
        Column("amount", "Amount", "the contribution in pounds, when one row holds one partner's amount",
               parse=parse_money, required=False, aliases=("£", "Contribution"), example="£14,355"),
    )
    extra_columns = True
    extra_columns_help = ("Any other column is a partner (Local Authority, Health, Police...), its cells the "
                          "amounts. Columns such as Comb. totals are read as partners too, so leave them out.")

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> _RegionalPlan:
        plan = _RegionalPlan()
        seen = FirstRows(source, problems)
        for row in rows:
            if row["comparison"] is None or row["period"] is None or row["partnership"] is None:
                continue
            key = (" ".join(row["comparison"].split()), " ".join(str(row["period"]).split()))
            strand = " ".join((row["strand"] or "Contributions").split())
            amounts = self._amounts(row, source, problems)
            for partner, amount in amounts:
                if not seen.is_repeat((key, strand.casefold(), row["partnership"].casefold(), partner.casefold()),
                                      row.number, partner, format_money(amount),
                                      "is listed twice for this partnership and strand",
                                      "keep one row per partnership and strand"):
                    plan.rows.append((*key, strand, row["partnership"], partner, amount))
            if row["this_board"]:
                plan.this[key] = row["partnership"]
            if row["total"] is not None and amounts and sum(a for _p, a in amounts) != row["total"]:
                plan.notes.append(f"row {row.number}: {row['partnership']}'s total is {format_money(row['total'])} "
                                  f"but its partners' amounts add up to {format_money(sum(a for _p, a in amounts))} "
                                  "(the amounts were imported; totals are worked out from them)")
        for key in {(title, period) for title, period, *_rest in plan.rows}:
            if key not in plan.this and find_comparison(bf, board_id, *key) is None:
                problems.append(Problem(source, None, "This board", None, f"marks no row of {key[0]} {key[1]} as "
                                        "this board's", "write Yes in This board on this board's rows"))
        return plan

    @staticmethod
    def _amounts(row: ParsedRow, source: str, problems: list[Problem]) -> list[tuple[str, Pence]]:
        found: list[tuple[str, Pence]] = []
        if row["partner"] is not None and row["amount"] is not None:
            found.append((" ".join(row["partner"].split()), row["amount"]))
        for header, cell in row.extra.items():
            if cell is None or not str(cell).strip():
                continue
            try:
                found.append((" ".join(header.split()), parse_money(cell)))
            except InputError as error:
                problems.append(Problem(source, row.number, header, cell, error.why, error.fix))
        if not found:
            problems.append(Problem(source, row.number, "Amount", None, "gives no partner's amount",
                                    "fill in the partners' columns, or Partner and Amount"))
        return found

    def apply(self, plan: _RegionalPlan, ed: Action, bf: BoardFile, board_id: int, summary: ImportSummary) -> None:
        ids: dict[tuple[str, str], int] = {}
        for title, period, strand, partnership, partner, amount in plan.rows:
            key = (title, period)
            if key not in ids:
                found = find_comparison(bf, board_id, title, period)
                if found is None:
                    ids[key] = add_comparison(ed, bf, board_id, title, period, plan.this[key])
                    summary.count("comparisons")
                else:
                    ids[key] = found.id
                    if key in plan.this and plan.this[key] != found.this_partnership:
                        ed.update("regional_comparison", found.id, {"this_partnership": plan.this[key]})
            outcome = set_contribution(ed, bf, ids[key], strand, partnership, partner, amount)
            if outcome == "unchanged":
                summary.skipped += 1
            else:
                summary.count("contributions", outcome)
        summary.notes.extend(plan.notes)
