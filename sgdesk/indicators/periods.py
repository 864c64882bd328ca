"""The periods published figures cover: a year (2019), a financial or academic year (2019/20), a run
of years (2016-18, 2015/16-17/18, as rolling averages are published) or a quarter (2020/21 Q1).

>>> [IndicatorPeriod.parse(text).label for text in ("2019", "2019-20", "2015/16-17/18", "Q2 2020/21")]
['2019', '2019/20', '2015/16-17/18', '2020/21 Q2']
>>> IndicatorPeriod.parse("2019/20").previous().label
'2018/19'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sgdesk.errors import InputError, quoted

PERIOD_FIX = "write a year (2019), a financial or academic year (2019/20), years (2016-18) or a quarter (2020/21 Q1)"
_EARLIEST, _LATEST = 1900, 2100
_SPLIT = r"(?P<{0}>\d{{4}})\s*(?P<{0}_sep>[/-])\s*(?P<{0}_end>\d{{2}}|\d{{4}})"
_FORMS = (
    ("split_span", re.compile(_SPLIT.format("a")
                              + r"\s*(?:-|–|to)\s*(?P<b>\d{2}|\d{4})\s*/\s*(?P<b_end>\d{2}|\d{4})")),
    ("quarter", re.compile(r"q(?P<q>[1-4])\s+(?P<body>.+)|(?P<body2>.+?)\s+q(?P<q2>[1-4])")),
    ("pair", re.compile(_SPLIT.format("a"))),
    ("year", re.compile(r"(?P<a>\d{4})(?:\.0+)?")),
)


@dataclass(frozen=True)
class IndicatorPeriod:
    """``years`` years from ``first`` (split years such as 2019/20 when ``split``), or one quarter of it."""

    first: int
    years: int = 1
    split: bool = False
    quarter: int = 0

    def __post_init__(self) -> None:
        if not _EARLIEST <= self.first <= _LATEST or not 1 <= self.years <= 10 or not 0 <= self.quarter <= 4:
            raise InputError(quoted(self.first), "is not a period SG Desk can use", PERIOD_FIX)
        if self.quarter and self.years != 1:
            raise ValueError("a quarter belongs to one year")

    @classmethod
    def parse(cls, value: object) -> IndicatorPeriod:
        """Read a period as tables head their columns (2019, 2019/20, 2019-20, 2016-18, Q1 2020/21...).

        >>> IndicatorPeriod.parse(2018).label, IndicatorPeriod.parse("2016-18").label
        ('2018', '2016-18')
        >>> IndicatorPeriod.parse("2018/20")
        Traceback (most recent call last):
        ...
        sgdesk.errors.InputError: '2018/20' is not a period: write a year (2019), a financial or academic year (2019/20), years (2016-18) or a quarter (2020/21 Q1)
        """
        if isinstance(value, IndicatorPeriod):
            return value
        found = cls._read(" ".join(str(value).split()).casefold().removeprefix("fy ")) if value is not None else None
        if found is None:
            raise InputError(quoted(value), "is not a period", PERIOD_FIX)
        return found

    @classmethod
    def _read(cls, text: str) -> IndicatorPeriod | None:
        for kind, form in _FORMS:
            match = form.fullmatch(text)
            if match is None:
                continue
            if kind == "year":
                return cls(int(match["a"]))
            if kind == "quarter":
                whole = cls._read(match["body"] or match["body2"])
                if whole is None or whole.years != 1:
                    return None
                return cls(whole.first, 1, whole.split, int(match["q"] or match["q2"]))
            first, end = int(match["a"]), _full_year(int(match["a"]), match["a_end"])
            if end is None or end <= first:
                return None
            if kind == "pair":
                if end == first + 1:
                    return cls(first, 1, True)
                return cls(first, end - first + 1, False) if match["a_sep"] == "-" and end <= first + 9 else None
            last = _full_year(first, match["b"])
            if end != first + 1 or _full_year(last, match["b_end"]) != last + 1 or not first < last <= first + 9:
                return None
            return cls(first, last - first + 1, True)
        return None

    @property
    def label(self) -> str:
        """How SG Desk writes (and stores) the period."""
        if self.split and self.years == 1:
            text = f"{self.first}/{(self.first + 1) % 100:02d}"
        elif self.split:
            last = self.first + self.years - 1
            text = f"{self.first}/{(self.first + 1) % 100:02d}-{last % 100:02d}/{(last + 1) % 100:02d}"
        elif self.years > 1:
            text = f"{self.first}-{(self.first + self.years - 1) % 100:02d}"
        else:
            text = str(self.first)
        return f"{text} Q{self.quarter}" if self.quarter else text

    @property
    def end_year(self) -> int:
        """The calendar year the period ends in (2019/20 ends in 2020)."""
        return self.first + self.years - 1 + (1 if self.split else 0)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.end_year, self.quarter, -self.years)

    def previous(self) -> IndicatorPeriod:
        """The period before, of the same shape: 2018 for 2019, 2019/20 Q4 for 2020/21 Q1."""
        if self.quarter == 1:
            return IndicatorPeriod(self.first - 1, 1, self.split, 4)
        if self.quarter:
            return IndicatorPeriod(self.first, 1, self.split, self.quarter - 1)
        return IndicatorPeriod(self.first - 1, self.years, self.split)

    def __lt__(self, other: IndicatorPeriod) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.label


def _full_year(start: int, written: str) -> int | None:
    """The four-digit year a second year written as ``written`` (``19`` or ``2019``) means after ``start``."""
    if len(written) == 4:
        return int(written)
    century = start - start % 100
    year = century + int(written)
    return year + 100 if year < start else year


def is_period(value: object) -> bool:
    """Whether ``value`` reads as a period (for finding the row of years in a published table).

    >>> is_period("2019/20"), is_period("Rank"), is_period(None)
    (True, False, False)
    """
    if value is None:
        return False
    try:
        IndicatorPeriod.parse(value)
    except InputError:
        return False
    return True

