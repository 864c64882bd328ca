"""Errors a user can act on.

Every exception the core raises on purpose derives from :class:`SGDeskError`. Its ``str()``
is one readable line (what went wrong and what to do), which the CLI prints to stderr and the
GUI shows in a message box. Anything else reaching the top is a bug.
"""

from __future__ import annotations


def quoted(value: object) -> str:
    """A value as the user typed it, quoted for a message ("A blank" when there is nothing).

    >>> quoted("  £12.3.4 "), quoted(None)
    ("'£12.3.4'", 'A blank')
    """
    text = "" if value is None else " ".join(str(value).split())
    if not text:
        return "A blank"
    return f"'{text[:40]}...'" if len(text) > 40 else f"'{text}'"


class SGDeskError(Exception):
    """A problem the user can fix; ``str(error)`` is one readable line.

    ``reader`` says the problem to someone reading a document (a pack page saying why an
    appendix is missing), without what the user should do about it in SG Desk.
    """

    def __init__(self, *args: object, reader: str | None = None) -> None:
        super().__init__(*args)
        self.reader = reader

    def reader_text(self) -> str:
        """The problem as a document tells its reader."""
        return self.reader or str(self)


class InputError(SGDeskError, ValueError):
    """A value that could not be read.

    >>> str(InputError("'£12.3.4'", "is not an amount of money", "write it as 1234.56"))
    "'£12.3.4' is not an amount of money: write it as 1234.56"
    """

    def __init__(self, value: str, why: str, fix: str = "", *, reader: str | None = None) -> None:
        self.value = value
        self.why = why
        self.fix = fix
        text = f"{value} {why}"
        super().__init__(f"{text}: {fix}" if fix else text, reader=reader or text)


class BoardFileError(SGDeskError):
    """A board file that cannot be opened, created or changed."""


class NotFoundError(SGDeskError):
    """A board, row or output named by the user does not exist."""
