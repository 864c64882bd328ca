"""Data safety: restoring a session backup, the audit trail's queries, and logs that hold no personal data.

The lock file is :mod:`sgdesk.store.lockfile`, backups :mod:`sgdesk.backups`; the kill test that
shows a crash loses nothing is ``benchmarks/crashtest.py``. See ``docs/shared-drives.md`` for why
the board file is used the way it is on network drives.
"""
