-- SG Desk board file, schema version 1: boards, organisations, sub-groups, settings, audit log.
-- Conventions for every table: an `id INTEGER PRIMARY KEY`; dates as ISO text (YYYY-MM-DD);
-- money as integer pence; foreign keys without ON DELETE CASCADE (deletes go through the
-- audited write path, child rows first, so that every change can be undone).

CREATE TABLE app_meta (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
);

CREATE TABLE board (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    short_name TEXT,
    kind TEXT NOT NULL DEFAULT 'children' CHECK (kind IN ('children', 'adults', 'all-age')),
    created_on TEXT NOT NULL
);

CREATE TABLE board_setting (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,            -- JSON
    UNIQUE (board_id, key)
);

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    short_name TEXT,
    org_type TEXT,                  -- council, police, health, probation, education, voluntary, lay, other
    statutory INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1)),
    active_from TEXT,
    active_to TEXT
);

CREATE TABLE organisation_alias (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    alias TEXT NOT NULL UNIQUE COLLATE NOCASE,
    valid_from TEXT,
    valid_to TEXT
);
CREATE INDEX organisation_alias_org ON organisation_alias(organisation_id);

CREATE TABLE subgroup (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    name TEXT NOT NULL COLLATE NOCASE,
    short_name TEXT,
    UNIQUE (board_id, name)
);

CREATE TABLE audit_action (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,               -- ISO timestamp, UTC
    os_user TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
    target_action_id INTEGER REFERENCES audit_action(id)
);

CREATE TABLE audit_change (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES audit_action(id),
    seq INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before TEXT,                    -- JSON of the row before, NULL for insert
    after TEXT                      -- JSON of the row after, NULL for delete
);
CREATE INDEX audit_change_action ON audit_change(action_id, seq);
CREATE INDEX audit_change_row ON audit_change(table_name, row_id);
