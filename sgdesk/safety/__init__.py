"""Data safety: the lock file that tells a second user the board file is in use, backups with
retention and restore, the audit trail's queries, and the crash (kill) exerciser.

See ``docs/shared-drives.md`` for why the board file is used the way it is on network drives.
"""
