"""SG Desk: records, reports and appendices for a safeguarding board's business unit."""

__version__ = "0.1.0"
