"""Data safety in the window: audit trail, restore, lock and read-only notices, backup settings."""
