"""Splitting a total into exact parts by the largest-remainder method.

>>> allocate(8700000, [495, 165, 260, 72, 7, 1])  # shares of £87,000, to the pound
[4306500, 1435500, 2262000, 626400, 60900, 8700]
>>> sum(allocate(1000, [1, 1, 1], unit=1))
1000
"""

from __future__ import annotations

from typing import Literal, Sequence

from sgdesk.errors import InputError
from sgdesk.money import Pence

Rounding = Literal["pound", "penny"]
ROUNDINGS: dict[str, Pence] = {"pound": 100, "penny": 1}


def allocate(total: Pence, weights: Sequence[int], unit: Pence = 100) -> list[Pence]:
    """Split ``total`` in proportion to ``weights``, each part a whole number of ``unit``.

    Each part first gets the whole units of its exact quota; the units left over go one each
    to the parts with the largest remainders (ties: the larger weight, then the earlier part).
    If ``total`` is not a whole number of units, the odd pence go to the part with the largest
    weight. The parts always sum exactly to ``total``.

    >>> allocate(10, [1, 1, 1], unit=1)
    [4, 3, 3]
    >>> allocate(250, [1, 1], unit=100)
    [150, 100]
    """
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise InputError(f"'{total}'", "cannot be shared out", "the total must be zero or more, in pence")
    if unit < 1:
        raise ValueError(f"unit must be at least one penny, not {unit!r}")
    if any(isinstance(w, bool) or not isinstance(w, int) or w < 0 for w in weights):
        raise InputError("A share", "is negative or not a whole number", "give each share as zero or more")
    weight_sum = sum(weights)
    if not weights:
        return []
    if weight_sum == 0:
        raise InputError("The shares", "add up to nothing", "give at least one partner a share above zero")
    units, odd_pence = divmod(total, unit)
    quotas = [divmod(units * weight, weight_sum) for weight in weights]
    parts = [whole for whole, _ in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-quotas[i][1], -weights[i], i))
    for index in order[: units - sum(parts)]:
        parts[index] += 1
    parts = [part * unit for part in parts]
    if odd_pence:
        largest = max(range(len(weights)), key=lambda i: (weights[i], -i))
        parts[largest] += odd_pence
    return parts

