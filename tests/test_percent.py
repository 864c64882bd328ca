"""The one percentage rule: whole percent, halves rounded up (away from zero for a negative variance)."""

from __future__ import annotations

import pytest

from sgdesk.percent import whole_percent


@pytest.mark.parametrize("part, whole, percent", [
    (5, 6, 83), (1, 6, 17), (4, 6, 67), (5, 8, 63), (1, 8, 13), (3, 8, 38), (0, 4, 0), (6, 6, 100), (0, 0, None),
    (-1, 8, -13), (-3, 8, -38), (1, -8, -13), (-5, -8, 63), (7, 4, 175),
])
def test_percent_is_whole_and_rounded_half_up(part, whole, percent):
    assert whole_percent(part, whole) == percent
