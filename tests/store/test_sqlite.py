"""SQLite helpers: Python folding text as the board file's NOCASE columns compare it."""

from __future__ import annotations

import sqlite3

import pytest

from sgdesk.store.sqlite import nocase

TEXTS = ["ABC", "abc", "Ärzte", "ärzte", "ÄRZTE", "O'Brien@Example.ORG", "o'brien@example.org", "İstanbul",
         "istanbul", "STRASSE", "straße", "ǅ", "", "Zoë", "ZOË"]


@pytest.mark.parametrize("a", TEXTS)
def test_nocase_says_two_texts_are_alike_exactly_when_sqlite_does(a):
    conn = sqlite3.connect(":memory:")
    for b in TEXTS:
        alike = conn.execute("SELECT ? = ? COLLATE NOCASE", (a, b)).fetchone()[0] == 1
        assert (nocase(a) == nocase(b)) is alike, (a, b)
