"""Print the migration SQL for the search index of every searchable table that lacks it.

    python build_scripts/search_index_sql.py            # tables registered but not (exactly) indexed
    python build_scripts/search_index_sql.py TABLE...   # these tables, indexed or not

A feature makes a table searchable with ``registry.add_search(Searchable(...))`` (see
``sgdesk/search.py``); its FTS5 index and triggers are schema objects, so a new migration in ``db/``
builds them. This prints what sqlite-utils' ``enable_fts`` runs for each such table, against the
schema the migrations build: paste it into your migration. ``tests/test_search.py`` fails until
the board schema holds exactly this for every searchable table.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    from sgdesk import registry
    from sgdesk.search import index_is_built, index_sql
    from sgdesk.store.migrations import apply_migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn)
    searchables = registry.load().searchables
    unknown = set(argv) - {s.table for s in searchables}
    if unknown:
        print(f"not registered with registry.add_search: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for searchable in searchables:
        if argv and searchable.table not in argv:
            continue
        if not argv and index_is_built(conn, searchable):
            continue
        statements = index_sql(conn, searchable)
        print(f"-- search everywhere: {searchable.label.lower()} records ({searchable.table})")
        for statement in statements:
            print(statement if statement.endswith(";") else statement + ";")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
