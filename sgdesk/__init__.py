"""SG Desk: records, reports and appendices for a safeguarding board's business unit."""

from sgdesk.regex_code import keep_compiled_patterns

keep_compiled_patterns()  # before the modules that compile patterns as they load

from sgdesk.dataclass_code import keep_compiled_methods  # noqa: E402

__version__ = "0.1.0"

keep_compiled_methods()  # before any of SG Desk's dataclasses is made
