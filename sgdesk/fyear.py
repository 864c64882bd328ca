"""Financial years (1 April to 31 March, written ``2018/19``) and reporting periods.

>>> year = FinancialYear.parse("2018-2019")
>>> year.label, year.start, year.end
('2018/19', datetime.date(2018, 4, 1), datetime.date(2019, 3, 31))
>>> Period.parse(start="01/04/2018", end="30/09/2018").label
'1 Apr 2018 to 30 Sep 2018'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sgdesk.dates import format_date, parse_date
from sgdesk.errors import InputError, quoted

YEAR_FIX = "write the year as 2018/19"
PERIOD_FIX = "give a year such as 2018/19, or a start date and an end date"

_NOT_A_YEAR = "is not a financial year"
_EARLIEST_YEAR = 1900  # for years read from text, as in sgdesk.dates
_LATEST_YEAR = 9998  # 9998/99 ends in the last year a date can have
_YEAR_FORM = re.compile(r"(?:fy ?)?(?P<start>[0-9]{2}|[0-9]{4})(?: ?[-/] ?(?P<end>[0-9]{2}|[0-9]{4}))?")


@dataclass(frozen=True, order=True)
class FinancialYear:
    """The UK financial year that starts on 1 April of ``start_year``.

    >>> FinancialYear(2018)
    FinancialYear(start_year=2018)
    >>> str(FinancialYear(2018) + 1)
    '2019/20'
    >>> FinancialYear.containing(date(2019, 3, 31)).label
    '2018/19'
    """

    start_year: int

    def __post_init__(self) -> None:
        if isinstance(self.start_year, bool) or not isinstance(self.start_year, int):
            raise TypeError(f"start_year must be a whole number, not {self.start_year!r}")
        if not 1 <= self.start_year <= _LATEST_YEAR:
            raise InputError(f"'{self.label}'", "is not a financial year SG Desk can use", YEAR_FIX)

    @classmethod
    def parse(cls, value: FinancialYear | str | int | float) -> FinancialYear:
        """Read a financial year: ``2018/19``, ``2018-19``, ``2018-2019``, ``FY 2018/19``, ``2018``.

        A single year (text, a whole number, or a spreadsheet's ``2018.0``) is the financial year
        starting in it.

        >>> FinancialYear.parse("FY 2018–19")
        FinancialYear(start_year=2018)
        >>> FinancialYear.parse(2018).label
        '2018/19'
        >>> FinancialYear.parse("18/19")
        Traceback (most recent call last):
        ...
        sgdesk.errors.InputError: '18/19' is not a financial year: the first year needs all four figures: write the year as 2018/19
        """
        if isinstance(value, FinancialYear):
            return value
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a spreadsheet cell holding 2018
        raw = "" if value is None else " ".join(str(value).split())
        shown = quoted(raw)
        match = _YEAR_FORM.fullmatch(raw.casefold().replace("\u2013", "-").replace("\u2014", "-"))
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not match:
            raise InputError(shown, _NOT_A_YEAR, YEAR_FIX)
        if len(match["start"]) == 2:
            raise InputError(shown, f"{_NOT_A_YEAR}: the first year needs all four figures", YEAR_FIX)
        if int(match["start"]) < _EARLIEST_YEAR:
            raise InputError(shown, f"{_NOT_A_YEAR}: {match['start']} is too early", YEAR_FIX)
        year = cls(int(match["start"]))
        end = match["end"]
        if end is not None and int(end) != (year.start_year + 1) % (10 ** len(end)):
            raise InputError(shown, f"{_NOT_A_YEAR}: the second year must follow the first", YEAR_FIX)
        return year

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        """The financial year ``day`` falls in.

        >>> FinancialYear.containing(date(2018, 4, 1)).label
        '2018/19'
        """
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def label(self) -> str:
        """``2018/19``."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def start(self) -> date:
        """1 April of the start year."""
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        """31 March of the following year."""
        return date(self.start_year + 1, 3, 31)

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in this year.

        >>> FinancialYear(2018).contains(date(2019, 3, 31))
        True
        """
        return self.start <= _as_date(day) <= self.end

    def next(self) -> FinancialYear:
        """The following year."""
        return self + 1

    def previous(self) -> FinancialYear:
        """The year before."""
        return self - 1

    def months(self) -> list[date]:
        """The first day of each month, April to March.

        >>> [day.month for day in FinancialYear(2018).months()]
        [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
        """
        return [date(self.start_year + month // 12, month % 12 + 1, 1) for month in range(3, 15)]

    def __add__(self, years: int) -> FinancialYear:
        if isinstance(years, bool) or not isinstance(years, int):
            return NotImplemented
        return FinancialYear(self.start_year + years)

    def __sub__(self, years: int) -> FinancialYear:
        if isinstance(years, bool) or not isinstance(years, int):
            return NotImplemented
        return FinancialYear(self.start_year - years)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Period:
    """The days from ``start`` to ``end``, both included.

    >>> Period.for_year(FinancialYear(2018)).label
    '2018/19'
    """

    start: date
    end: date

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _as_date(self.start))
        object.__setattr__(self, "end", _as_date(self.end))
        if self.end < self.start:
            raise InputError(
                f"'{format_date(self.start)} to {format_date(self.end)}'",
                "is not a period: it ends before it starts",
                "put the earlier date first",
            )

    @classmethod
    def for_year(cls, year: FinancialYear | str | int) -> Period:
        """The whole of a financial year."""
        year = FinancialYear.parse(year)
        return cls(year.start, year.end)

    @classmethod
    def parse(
        cls,
        year: FinancialYear | str | int | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
    ) -> Period:
        """A period from a year, or from a start date and an end date (as typed on a command line).

        >>> Period.parse(year="2018/19") == Period(date(2018, 4, 1), date(2019, 3, 31))
        True
        >>> Period.parse(start="01/04/2018")
        Traceback (most recent call last):
        ...
        sgdesk.errors.InputError: The period needs an end date as well as a start date: give both, as in 01/04/2018 to 31/03/2019
        """
        dates_given = (_given(start), _given(end))
        if _given(year) and any(dates_given):
            raise InputError("The period", "was given both as a year and as dates", PERIOD_FIX)
        if _given(year):
            return cls.for_year(year)
        if not any(dates_given):
            raise InputError("The period", "is missing", PERIOD_FIX)
        if not all(dates_given):
            names = ("a start date", "an end date")
            missing, present = names[::-1] if dates_given[0] else names
            why = f"needs {missing} as well as {present}"
            raise InputError("The period", why, "give both, as in 01/04/2018 to 31/03/2019")
        return cls(parse_date(start), parse_date(end))

    @property
    def label(self) -> str:
        """``2018/19`` for exactly a financial year, otherwise ``1 Apr 2018 to 30 Sep 2018``."""
        year = FinancialYear.containing(self.start)
        if (self.start, self.end) == (year.start, year.end):
            return year.label
        return f"{format_date(self.start)} to {format_date(self.end)}"

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the period (either end included)."""
        return self.start <= _as_date(day) <= self.end


def _as_date(day: date) -> date:
    """``day`` without any time of day, so it compares with plain dates."""
    if not isinstance(day, date):
        raise TypeError(f"expected a date, not {day!r}")
    return day.date() if isinstance(day, datetime) else day


def _given(value: object) -> bool:
    """Whether a command-line style option was filled in (not ``None`` or blank)."""
    return value is not None and str(value).strip() != ""
