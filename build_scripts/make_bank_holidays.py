"""Write resources/calendar/bank-holidays-england-and-wales.csv: the bank holidays of England and Wales.

The regular ones follow the Banking and Financial Dealings Act 1971 and the usual substitute days
(a holiday on a weekend moves to the next weekday not already a holiday); the one-off changes are
listed here as they were proclaimed. Run it again to add years: ``python build_scripts/make_bank_holidays.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FIRST, LAST = 2010, 2035
TARGET = Path(__file__).resolve().parent.parent / "resources" / "calendar" / "bank-holidays-england-and-wales.csv"
#: holidays moved by proclamation: year, usual name -> the day it was held
MOVED = {(2012, "Spring bank holiday"): dt.date(2012, 6, 4), (2020, "Early May bank holiday"): dt.date(2020, 5, 8),
         (2022, "Spring bank holiday"): dt.date(2022, 6, 2)}
#: one-off bank holidays
EXTRA = {dt.date(2011, 4, 29): "Royal wedding", dt.date(2012, 6, 5): "Queen's Diamond Jubilee",
         dt.date(2022, 6, 3): "Queen's Platinum Jubilee", dt.date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
         dt.date(2023, 5, 8): "Coronation of King Charles III"}


def easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def monday(year: int, month: int, last: bool) -> dt.date:
    """The first (or last) Monday of a month."""
    day = dt.date(year, month, 1) if not last else dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(1)
    step = dt.timedelta(days=-1 if last else 1)
    while day.weekday() != 0:
        day += step
    return day


def holidays(year: int) -> list[tuple[dt.date, str]]:
    found = [(easter(year) - dt.timedelta(2), "Good Friday"), (easter(year) + dt.timedelta(1), "Easter Monday"),
             (monday(year, 5, last=False), "Early May bank holiday"), (monday(year, 5, last=True), "Spring bank holiday"),
             (monday(year, 8, last=True), "Summer bank holiday")]
    found = [(MOVED.get((year, name), day), name) for day, name in found]
    taken = {day for day, _name in found}
    fixed = [(dt.date(year, 1, 1), "New Year's Day"), (dt.date(year, 12, 25), "Christmas Day"),
             (dt.date(year, 12, 26), "Boxing Day")]
    weekdays = [(day, name) for day, name in fixed if day.weekday() < 5]
    taken |= {day for day, _name in weekdays}
    found += weekdays
    for day, name in fixed:                      # one on a weekend moves to the next weekday not a holiday
        if day.weekday() >= 5:
            while day.weekday() >= 5 or day in taken:
                day += dt.timedelta(1)
            taken.add(day)
            found.append((day, f"{name} (substitute day)"))
    found += [(day, name) for day, name in EXTRA.items() if day.year == year]
    return sorted(found)


def main() -> None:
    lines = ["date,name"] + [f"{day.isoformat()},{name}" for year in range(FIRST, LAST + 1)
                             for day, name in holidays(year)]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({len(lines) - 1} bank holidays, {FIRST}-{LAST})")


if __name__ == "__main__":
    main()
