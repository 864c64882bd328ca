"""Delegates: the people who book places, and finding them again by name, email or organisation.

Each delegate row carries ``search_key``, the name and email lower-cased without accents, so that
search as you type is one scan of short strings ("sian" finds Siân, "lukasz" finds Łukasz).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable

from sgdesk.emails import optional_email
from sgdesk.errors import InputError
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action
from sgdesk.store.sqlite import nocase

#: sectors offered when booking; imports may add others
SECTORS = (
    "Children's social care", "Early help", "Education", "Early years", "Health", "Police",
    "Probation and youth justice", "Fire and rescue", "Housing", "Voluntary and community", "Faith",
    "Courts and family justice", "Sport and leisure", "Other",
)
_UNACCENTED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
                             "œ": "oe", "Œ": "OE", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Lower case without accents, for matching what people type.

    >>> fold("Siân Pryce"), fold("Łukasz NOWAK"), fold("Niamh O’Loughlin")
    ('sian pryce', 'lukasz nowak', "niamh o'loughlin")
    """
    if text.isascii():      # nothing to take off (most names and emails): at once
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNACCENTED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_key(name: str, email: str | None) -> str:
    return fold(f"{name} {email or ''}".strip())


@dataclass(frozen=True)
class DelegateDetails:
    """A delegate as someone types them or an import gives them, before they are checked and saved."""

    name: str
    organisation_id: int
    sector: str
    email: str | None = None
    job_title: str | None = None
    manager_name: str | None = None
    manager_email: str | None = None

    def values(self) -> dict:
        name = " ".join(self.name.split())
        if not name:
            raise InputError("The delegate's name", "is empty", "type the delegate's name")
        sector = " ".join(self.sector.split())
        if not sector:
            raise InputError("The delegate's sector", "is empty", f"choose one, e.g. {SECTORS[0]}")
        email = optional_email(self.email)
        manager_email = optional_email(self.manager_email)
        return {"name": name, "email": email, "job_title": _text(self.job_title),
                "organisation_id": self.organisation_id, "sector": sector,
                "manager_name": _text(self.manager_name), "manager_email": manager_email,
                "search_key": search_key(name, email)}


def _text(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def find_delegate(bf: BoardFile, board_id: int, *, name: str, email: str | None,
                  organisation_id: int | None = None) -> int | None:
    """The delegate with this email; without one, the delegate of this name at this organisation."""
    if email:
        found = bf.scalar("SELECT id FROM training_delegate WHERE board_id = ? AND email = ? "
                          "AND anonymised_on IS NULL ORDER BY id LIMIT 1", (board_id, email.strip()))
        if found is not None:
            return found
    key = fold(" ".join(name.split()))
    # with an email, only delegates recorded without one can be the same person (an index holds just those)
    no_email = " AND email IS NULL" if email else ""
    rows = bf.query("SELECT id, name FROM training_delegate WHERE board_id = ? AND organisation_id = ? "
                    f"AND anonymised_on IS NULL{no_email} ORDER BY id", (board_id, organisation_id))
    return next((row[0] for row in rows if fold(row[1]) == key), None)


class DelegateFinder:
    """:func:`find_delegate` for the many rows of an import: the delegates with the emails the rows give
    (``emails``), and the board's delegates recorded without one, read once rather than looked up row by row."""

    def __init__(self, bf: BoardFile, board_id: int, emails: Iterable[str | None]) -> None:
        self._bf, self._board_id = bf, board_id
        asked = sorted({email.strip() for email in emails if email})
        self._asked = {nocase(email) for email in asked}
        self._by_email: dict[str, int] = {}
        for start in range(0, len(asked), 500):       # found by their index (NOCASE, as the column compares)
            chunk = asked[start:start + 500]
            for delegate_id, email in bf.query(
                    "SELECT id, email FROM training_delegate WHERE board_id = ? AND email IN "
                    f"({', '.join('?' * len(chunk))}) AND anonymised_on IS NULL ORDER BY id DESC",
                    (board_id, *chunk)):
                self._by_email[nocase(email)] = delegate_id   # the first recorded wins, as below
        self._without_email: dict[int, list[tuple[int, str]]] = {}
        for delegate_id, org_id, name in bf.query("SELECT id, organisation_id, name FROM training_delegate "
                                                  "WHERE board_id = ? AND email IS NULL AND anonymised_on IS NULL "
                                                  "ORDER BY id", (board_id,)):
            self._without_email.setdefault(org_id, []).append((delegate_id, fold(name)))

    def find(self, *, name: str, email: str | None, organisation_id: int | None) -> int | None:
        """What :func:`find_delegate` finds for these details."""
        folded = nocase(email.strip()) if email else None
        if folded is None or folded not in self._asked:
            return find_delegate(self._bf, self._board_id, name=name, email=email, organisation_id=organisation_id)
        found = self._by_email.get(folded)
        if found is not None:
            return found
        key = fold(" ".join(name.split()))
        return next((delegate_id for delegate_id, folded in self._without_email.get(organisation_id, [])
                     if folded == key), None)


def add_delegate(ed: Action, board_id: int, details: DelegateDetails) -> int:
    return ed.insert("training_delegate", {"board_id": board_id, **details.values()})


def add_delegates(ed: Action, board_id: int, details: list[DelegateDetails]) -> list[int]:
    """Add many delegates at once (an import's); returns their ids in order."""
    return ed.insert_many("training_delegate", [{"board_id": board_id, **each.values()} for each in details])


def update_delegate(ed: Action, delegate_id: int, details: DelegateDetails) -> bool:
    return ed.update("training_delegate", delegate_id, details.values())


def ensure_delegate(ed: Action, bf: BoardFile, board_id: int, details: DelegateDetails) -> int:
    """The existing delegate these details describe, or a new one."""
    values = details.values()
    found = find_delegate(bf, board_id, name=values["name"], email=values["email"],
                          organisation_id=details.organisation_id)
    return found if found is not None else add_delegate(ed, board_id, details)


def known_sectors(bf: BoardFile, board_id: int) -> list[str]:
    """The standard sectors and any others the board's delegates have, in that order."""
    # "+board_id": one pass over the delegates, not the email index and then each delegate's row (a third of
    # the time when, as in most files, nearly every delegate is of this board: 11 ms for 55,000, not 34)
    used = [row[0] for row in bf.query("SELECT DISTINCT sector FROM training_delegate WHERE +board_id = ? "
                                       "ORDER BY sector", (board_id,))]
    standard = {fold(s) for s in SECTORS}
    return list(SECTORS) + [s for s in used if fold(s) not in standard]


#: the sector an organisation's delegates most likely work in, by the organisation's type, before any has booked
SECTOR_OF_ORG_TYPE = {
    "police": "Police", "health": "Health", "probation": "Probation and youth justice", "education": "Education",
    "courts": "Courts and family justice", "fire": "Fire and rescue", "voluntary": "Voluntary and community",
}


def usual_sector(bf: BoardFile, board_id: int, organisation_id: int) -> str | None:
    """The sector a new delegate of the organisation most likely works in: the one most of its delegates
    have (the latest booked if tied), else the one its type suggests; None when neither says."""
    found = bf.scalar("SELECT sector FROM training_delegate WHERE board_id = ? AND organisation_id = ? "
                      "GROUP BY sector ORDER BY count(*) DESC, max(id) DESC LIMIT 1", (board_id, organisation_id))
    if found:
        return found
    return SECTOR_OF_ORG_TYPE.get(bf.scalar("SELECT org_type FROM organisation WHERE id = ?", (organisation_id,)))


def sector_spellings(known: Iterable[str]) -> dict[str, str]:
    """Each of the ``known`` sectors by its folded spelling (the first of those spelt alike), for
    :func:`normalise_sector`."""
    spellings: dict[str, str] = {}
    for sector in known:
        spellings.setdefault(fold(sector), sector)
    return spellings


def normalise_sector(text: str, spellings: dict[str, str]) -> str:
    """``text`` spelt as a sector already known (``spellings``, :func:`sector_spellings`), if it is one
    (whatever its case or accents)."""
    line = " ".join(text.split())
    return spellings.get(fold(line), line)


class DelegateIndex:
    """The board's delegates' search keys held in memory: search as you type over any number of
    delegates, each keystroke a scan of short strings with no trip to the database."""

    def __init__(self, bf: BoardFile, board_id: int) -> None:
        cursor = bf.conn.execute("SELECT id, search_key, organisation_id FROM training_delegate WHERE board_id = ?",
                                 (board_id,))
        cursor.row_factory = None
        self._delegates: list[tuple[int, str, int]] = cursor.fetchall()
        self._organisations = [(row[0], fold(f"{row[1]} {row[2] or ''}"))
                               for row in bf.query("SELECT id, name, short_name FROM organisation")]

    def matching(self, text: str) -> set[int] | None:
        """Ids of delegates matching every word of ``text`` in name, email or organisation.

        None when ``text`` has no words (nothing to filter by).
        """
        words = fold(text).split()
        if not words:
            return None
        candidates = self._delegates
        for word in words:
            organisations = {org_id for org_id, key in self._organisations if word in key}
            candidates = [d for d in candidates if word in d[1] or d[2] in organisations]
        return {d[0] for d in candidates}


def matching_delegates(bf: BoardFile, board_id: int, text: str) -> set[int] | None:
    """Ids of the board's delegates matching every word of ``text`` (see :class:`DelegateIndex`)."""
    return DelegateIndex(bf, board_id).matching(text)
