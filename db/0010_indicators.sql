-- SG Desk board file, schema version 10: performance indicators and their values, and the regional
-- comparison of partnerships' contributions.
-- Figures are exact: a figure is an integer with a scale (15.2 is 152 with scale 1, 16.0 is 160 with
-- scale 1, so it prints as published); money is pence (an indicator in pounds keeps scale 2).
-- A value that was not published has no figure but a note saying why: it is never a zero.

CREATE TABLE indicator (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    code TEXT NOT NULL COLLATE NOCASE,         -- short and stable, e.g. cin-rate; the built-in catalogue's key
    name TEXT NOT NULL COLLATE NOCASE,
    section TEXT NOT NULL,                     -- the data matrix section, e.g. Children's social care
    unit TEXT NOT NULL CHECK (unit IN ('count', 'percent', 'rate1k', 'rate10k', 'rate100k', 'pounds',
                                       'score', 'days')),
    polarity TEXT NOT NULL CHECK (polarity IN ('higher', 'lower', 'neither')),
    source TEXT,                               -- who publishes it, e.g. DfE: Characteristics of children in need
    release TEXT,                              -- which release the figures come from
    definition TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',        -- JSON list: other headings the indicator is published under
    rag_basis TEXT NOT NULL DEFAULT 'england' CHECK (rag_basis IN ('england', 'sn_average', 'previous', 'none')),
    tolerance_units INTEGER NOT NULL DEFAULT 0 CHECK (tolerance_units >= 0),
    tolerance_scale INTEGER NOT NULL DEFAULT 0 CHECK (tolerance_scale BETWEEN 0 AND 6),
    tolerance_kind TEXT NOT NULL DEFAULT 'points' CHECK (tolerance_kind IN ('points', 'percent')),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, code),
    UNIQUE (board_id, name)
);

CREATE TABLE indicator_area (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    name TEXT NOT NULL COLLATE NOCASE,
    code TEXT COLLATE NOCASE,                  -- ONS code (E06000033) or DfE LA number (882)
    kind TEXT NOT NULL CHECK (kind IN ('own', 'neighbour', 'sn_average', 'region', 'england', 'other')),
    aliases TEXT NOT NULL DEFAULT '[]',        -- JSON list: other names tables use (Southend-on-Sea, ENGLAND)
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, name)
);
-- one own authority, one statistical-neighbour average, one region and one England per board
CREATE UNIQUE INDEX indicator_area_single ON indicator_area(board_id, kind)
    WHERE kind IN ('own', 'sn_average', 'region', 'england');

CREATE TABLE indicator_value (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    area_id INTEGER NOT NULL REFERENCES indicator_area(id),
    period TEXT NOT NULL,                      -- as SG Desk writes it: 2019, 2019/20, 2015/16-2017/18, 2020/21 Q1
    value_units INTEGER,
    value_scale INTEGER CHECK (value_scale BETWEEN 0 AND 6),
    note TEXT CHECK (note IN ('not-available', 'suppressed', 'not-applicable', 'not-published', 'low')),
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    rank INTEGER CHECK (rank >= 1),
    rank_of INTEGER CHECK (rank_of >= 1),
    comment TEXT,                              -- a footnote the publisher attached
    CHECK ((value_units IS NULL) = (value_scale IS NULL)),
    CHECK ((value_units IS NULL) = (note IS NOT NULL)),   -- a figure, or the reason there is none: never both
    UNIQUE (indicator_id, area_id, period)
);
CREATE INDEX indicator_value_area ON indicator_value(area_id);

CREATE TABLE regional_comparison (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    title TEXT NOT NULL,                       -- e.g. East of England unitary authorities
    period TEXT NOT NULL,                      -- as published, e.g. 2020
    this_partnership TEXT NOT NULL,            -- which of the partnerships is this board
    note TEXT,
    UNIQUE (board_id, title, period)
);

CREATE TABLE regional_contribution (
    id INTEGER PRIMARY KEY,
    comparison_id INTEGER NOT NULL REFERENCES regional_comparison(id),
    strand TEXT NOT NULL,                      -- e.g. Children's, Adults'
    partnership TEXT NOT NULL COLLATE NOCASE,
    partner TEXT NOT NULL COLLATE NOCASE,      -- e.g. Local Authority, Health, Police
    amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (comparison_id, strand, partnership, partner)
);
CREATE INDEX regional_contribution_comparison ON regional_contribution(comparison_id);
