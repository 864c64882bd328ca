"""Whole percentages, as every SG Desk figure prints them: halves rounded up (away from zero).

Attendance (5 of 8 meetings is 63%, as council committee systems publish it), training fill
and DNA rates, evaluations found useful, and budget variances all use :func:`whole_percent`;
a percentage is an ``int``, or None where there is nothing to divide by ("n/a" in a report).
"""

from __future__ import annotations


def whole_percent(part: int, whole: int) -> int | None:
    """``part`` as a whole percent of ``whole``, halves away from zero; None when ``whole`` is 0.

    >>> whole_percent(5, 8), whole_percent(1, 8), whole_percent(-1, 8), whole_percent(1, -8), whole_percent(5, 0)
    (63, 13, -13, -13, None)
    """
    if whole == 0:
        return None
    value = (abs(part) * 200 + abs(whole)) // (2 * abs(whole))
    return -value if (part < 0) != (whole < 0) else value
