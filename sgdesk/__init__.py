"""SG Desk: records, reports and appendices for a safeguarding board's business unit."""

from sgdesk.dataclass_code import keep_compiled_methods

__version__ = "0.1.0"

keep_compiled_methods()  # before any of SG Desk's dataclasses is made
