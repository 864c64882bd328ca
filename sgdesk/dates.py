"""Dates as UK users write them: day first.

Dates are ``datetime.date`` values. :func:`parse_date` reads the forms that turn up in board
papers and spreadsheets; the ``format_*`` functions print them in English whatever the
computer's language settings.

>>> parse_date("7th August 2019")
datetime.date(2019, 8, 7)
>>> format_date(parse_date("27/8/19"))
'27 Aug 2019'
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from sgdesk.errors import InputError, quoted

DATE_FIX = "write dates as 27/08/2019"
MONTH_FIX = "write months as May 2021"
_AS_DATE = ("is not a date", DATE_FIX)
_AS_MONTH = ("is not a month", MONTH_FIX)

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_BY_NAME = {name.casefold(): number for number, name in enumerate(MONTH_NAMES, 1)}
_MONTHS_BY_NAME |= {name[:3]: number for name, number in _MONTHS_BY_NAME.items()}
_MONTHS_BY_NAME["sept"] = 9
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_BY_NAME = {name.casefold(): number for number, name in enumerate(_WEEKDAY_NAMES)}
_WEEKDAYS_BY_NAME |= {name[:3].casefold(): number for name, number in _WEEKDAYS_BY_NAME.items()}
_WEEKDAYS_BY_NAME |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}

_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60  # Excel's 29 February 1900, a day that never was
_EXCEL_LAST_SERIAL = 2958465  # 31 December 9999
_EARLIEST_YEAR = 1900

_MONTH = r"(?P<month_name>[a-z]+)\.?"
_YEAR = r"(?P<year>[0-9]{4}|[0-9]{2})"
_DATE_FORMS = tuple(
    re.compile(form)
    for form in (
        r"(?P<iso_year>[0-9]{4})[-/.](?P<month>[0-9]{1,2})[-/.](?P<day>[0-9]{1,2})",
        rf"(?P<day>[0-9]{{1,2}}) ?[-/. ] ?(?P<month>[0-9]{{1,2}}) ?[-/. ] ?{_YEAR}",
        rf"(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?[- ](?:of )?{_MONTH}(?:[-, ] ?{_YEAR})?",
        rf"{_MONTH} (?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,? {_YEAR})?",
    )
)
_MONTH_FORMS = tuple(
    re.compile(form)
    for form in (
        rf"{_MONTH} ?[-/ ] ?{_YEAR}",
        rf"(?P<month>[0-9]{{1,2}}) ?[-/.] ?(?P<year>[0-9]{{4}})",
        r"(?P<year>[0-9]{4}) ?[-/.] ?(?P<month>[0-9]{1,2})",
    )
)
_TIME_OF_DAY = re.compile(r"[ t][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$")
_WEEKDAY = re.compile(r"(?P<weekday>[a-z]+),? ")



def parse_date(value: str | date | int | float, *, year: int | None = None) -> date:
    """Read a date, day first.

    Takes ``date`` and ``datetime`` values, Excel date numbers, and text such as ``27/08/2019``,
    ``27/8/19``, ``2019-08-27``, ``21-Sep-17``, ``Sep 21, 2017`` or ``Thursday 21 September 2017``.
    A date written without a year (``7th August``) takes ``year``; without it that is an error.
    A weekday, if given, must match the date.

    >>> parse_date("21 Sept 2017")
    datetime.date(2017, 9, 21)
    >>> parse_date(43364)
    datetime.date(2018, 9, 21)
    >>> parse_date("7th August", year=2019)
    datetime.date(2019, 8, 7)
    >>> parse_date("31/02/2019")
    Traceback (most recent call last):
    ...
    sgdesk.errors.InputError: '31/02/2019' is not a date: there is no 31 February: write dates as 27/08/2019
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_excel_serial(value)
    if not isinstance(value, str):
        raise InputError(quoted(value), *_AS_DATE)
    return _text_date(value, year)


@lru_cache(maxsize=4096)
def _text_date(value: str, year: int | None) -> date:
    """:func:`parse_date` of text: an import's file gives the same dates row after row, each read once."""
    text = _TIME_OF_DAY.sub("", _normalised(value))
    weekday = None
    named_day = _WEEKDAY.match(text)
    if named_day and named_day["weekday"] in _WEEKDAYS_BY_NAME:
        weekday = _WEEKDAYS_BY_NAME[named_day["weekday"]]
        text = text[named_day.end() :]
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            found = _date_from(match, value, year)
            if weekday is not None:
                _check_weekday(found, weekday, value)
            return found
    raise InputError(quoted(value), *_AS_DATE)


def parse_month(value: str | date | int | float) -> date:
    """Read a month, giving its first day.

    Takes ``May-2021``, ``May 2021``, ``May-21``, ``05/2021``, ``2021-05``, or any date
    :func:`parse_date` reads (the day is dropped).

    >>> parse_month("May-21")
    datetime.date(2021, 5, 1)
    >>> parse_month("2021-05")
    datetime.date(2021, 5, 1)
    """
    if isinstance(value, str):
        text = _normalised(value)
        for form in _MONTH_FORMS:
            match = form.fullmatch(text)
            if match:
                month = _month_from(match, value, _AS_MONTH)
                return date(_year_from(match["year"], value, _AS_MONTH), month, 1)
    try:
        return parse_date(value).replace(day=1)
    except InputError:
        raise InputError(quoted(value), *_AS_MONTH) from None


def format_date(day: date) -> str:
    """``21 Sep 2017``.

    >>> format_date(date(2019, 8, 7))
    '7 Aug 2019'
    """
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def format_date_long(day: date) -> str:
    """``21 September 2017``.

    >>> format_date_long(date(2017, 9, 21))
    '21 September 2017'
    """
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_date_numeric(day: date) -> str:
    """``21/09/2017``.

    >>> format_date_numeric(date(2017, 9, 21))
    '21/09/2017'
    """
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _normalised(value: str) -> str:
    """Lower case, single spaces, no trailing full stop."""
    return " ".join(value.split()).casefold().removesuffix(".").strip()


def _from_excel_serial(serial: int | float) -> date:
    """The day an Excel date number (1900 date system) stands for; a time of day is dropped."""
    if not (math.isfinite(serial) and 1 <= serial < _EXCEL_LAST_SERIAL + 1):
        raise InputError(quoted(serial), *_AS_DATE)
    days = int(serial)
    if days == _EXCEL_FAKE_LEAP_DAY:
        why = "is not a date: Excel counts it as 29 February 1900, which never was"
        raise InputError(quoted(serial), why, DATE_FIX)
    # Excel treats 1900 as a leap year, so its numbers before 1 March 1900 are one day out.
    return _EXCEL_EPOCH + timedelta(days=days if days > _EXCEL_FAKE_LEAP_DAY else days + 1)


def _date_from(match: re.Match[str], value: str, year: int | None) -> date:
    """The date in a match of one of :data:`_DATE_FORMS`, checked."""
    month = _month_from(match, value, _AS_DATE)
    day = int(match["day"])
    found_year = match.groupdict().get("iso_year") or match["year"]
    if found_year:
        year = _year_from(found_year, value, _AS_DATE)
    elif year is None:
        raise InputError(
            quoted(value),
            "is not a full date: the year is missing",
            f"write it with the year, as in {day:02d}/{month:02d}/{date.today().year}",
        )
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        missing = f"{day} {MONTH_NAMES[month - 1]}" + (f" in {year}" if (day, month) == (29, 2) else "")
        raise InputError(quoted(value), f"is not a date: there is no {missing}", DATE_FIX)
    return date(year, month, day)


def _month_from(match: re.Match[str], value: str, expected: tuple[str, str]) -> int:
    """The month in ``match``, by name or by number; ``expected`` is the (why, fix) for an error."""
    why, fix = expected
    name = match.groupdict().get("month_name")
    if name is not None:
        if name not in _MONTHS_BY_NAME:
            raise InputError(quoted(value), why, fix)
        return _MONTHS_BY_NAME[name]
    month = int(match["month"])
    if not 1 <= month <= 12:
        why = f"{why}: there is no month {month}"
        if expected == _AS_DATE and "iso_year" not in match.re.groupindex:
            why += "; dates are read day first"
        raise InputError(quoted(value), why, fix)
    return month


def _year_from(text: str, value: str, expected: tuple[str, str]) -> int:
    """A four-figure year, or a two-figure one in the 2000s."""
    why, fix = expected
    year = int(text) + 2000 if len(text) == 2 else int(text)
    if year < _EARLIEST_YEAR:
        raise InputError(quoted(value), f"{why}: the year {text} is too early", fix)
    return year


def _check_weekday(found: date, weekday: int, value: str) -> None:
    """Fail if ``found`` does not fall on ``weekday`` (0 is Monday)."""
    if found.weekday() != weekday:
        raise InputError(
            quoted(value),
            f"is not a date: {format_date_long(found)} was a {_WEEKDAY_NAMES[found.weekday()]}, "
            f"not a {_WEEKDAY_NAMES[weekday]}",
            "check the day and the date",
        )
