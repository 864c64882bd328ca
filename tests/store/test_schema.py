"""A board file's schema is known to be SG Desk's by its digest, and compared object by object otherwise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sgdesk.errors import BoardFileError
from sgdesk.store import open_board_file, schema
from sgdesk.store.migrations import latest_version


@pytest.fixture
def migrations_applied():
    """``migrations_applied()``: how many schemas were built from the migrations since the test began."""
    schema.expected_objects.cache_clear()
    yield lambda: schema.expected_objects.cache_info().currsize
    schema.expected_objects.cache_clear()


def test_the_latest_schemas_digest_is_the_one_its_migrations_build():
    latest = latest_version()
    digest = schema.schema_digest(schema.expected_objects(latest))
    assert schema.SCHEMA_DIGESTS.get(latest) == digest, (
        f"schema {latest} is new: set SCHEMA_DIGESTS in sgdesk/store/schema.py to {{{latest}: {digest!r}}}")


def test_a_file_with_sg_desks_own_schema_opens_without_the_migrations_applied_in_memory(demo_path: Path,
                                                                                      migrations_applied):
    with open_board_file(demo_path, read_only=True) as bf:
        assert bf.scalar("SELECT count(*) FROM board") == 1
    assert migrations_applied() == 0


def test_with_its_digest_out_of_date_a_file_is_compared_object_by_object_and_still_opens(demo_path: Path,
                                                                                      monkeypatch,
                                                                                      migrations_applied):
    monkeypatch.setattr(schema, "SCHEMA_DIGESTS", {latest_version(): "0" * 64})
    with open_board_file(demo_path, read_only=True) as bf:
        assert bf.scalar("SELECT count(*) FROM board") == 1
    assert migrations_applied() == 1


def test_a_planted_trigger_changes_the_digest_and_the_file_is_refused_naming_it(demo_path: Path, migrations_applied):
    with sqlite3.connect(demo_path) as conn:
        conn.execute("CREATE TRIGGER planted AFTER INSERT ON board BEGIN SELECT 1; END")
    conn.close()
    with pytest.raises(BoardFileError, match="a trigger 'planted' that SG Desk did not make"):
        open_board_file(demo_path, read_only=True)
    assert migrations_applied() == 1
