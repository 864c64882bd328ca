"""Logs hold no personal data: what failed and where, never the values a user typed.

SG Desk logs through the ``sgdesk`` logger, and only unexpected errors. Their exception text
and a message's arguments may carry names from the board file, so :class:`WithholdValues`
rewrites each record before any handler sees it: arguments become their type names and an
exception keeps its type and traceback (files, lines, functions) without its message, unless it
is an error in the code itself (:data:`CODE_ERRORS`), whose message names only code.
"""

from __future__ import annotations

import logging
import traceback

LOGGER_NAME = "sgdesk"
#: errors in the code itself, whose text names code (modules, attributes), never the user's data
CODE_ERRORS = (ImportError, AttributeError, NameError, NotImplementedError)


class WithholdValues(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(f"<{type(arg).__name__}>" for arg in args)
        if record.exc_info and record.exc_info[0] is not None:
            kind, error, tb = record.exc_info
            frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
            text = f": {error}" if issubclass(kind, CODE_ERRORS) else " (its text is withheld)"
            record.exc_text = f"Traceback (most recent call last):\n{frames}{kind.__name__}{text}"
            record.exc_info = None
        return True


def withhold_values_in_logs() -> None:
    """Install the filter on the ``sgdesk`` logger (once)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(f, WithholdValues) for f in logger.filters):
        logger.addFilter(WithholdValues())
