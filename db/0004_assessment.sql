-- Schema version 4: self-assessment and audit scoring (tools, rounds, respondents, responses).
-- A tool version is never changed once a round has used it: editing makes the next version,
-- so every round keeps the statements it was run with. Tools are shared by the boards of a file.

CREATE TABLE assessment_tool (
    id INTEGER PRIMARY KEY,
    tool_key TEXT NOT NULL,                -- stable across versions, e.g. lscb-board-self-assessment
    version INTEGER NOT NULL CHECK (version >= 1),
    name TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT 'board self-assessment',
    introduction TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    scale TEXT NOT NULL,                   -- JSON: {"points": [{"value": 1, "label": "poor"}, ...], "allow_split": true}
    prompts TEXT NOT NULL DEFAULT '[]',    -- JSON list of comment prompts
    built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
    created_on TEXT NOT NULL,
    UNIQUE (tool_key, version)
);

CREATE TABLE assessment_section (
    id INTEGER PRIMARY KEY,
    tool_id INTEGER NOT NULL REFERENCES assessment_tool(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    themes_in_table INTEGER NOT NULL DEFAULT 1 CHECK (themes_in_table IN (0, 1))
);
CREATE INDEX assessment_section_tool ON assessment_section(tool_id, position);

CREATE TABLE assessment_theme (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES assessment_section(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX assessment_theme_section ON assessment_theme(section_id, position);

CREATE TABLE assessment_statement (
    id INTEGER PRIMARY KEY,
    tool_id INTEGER NOT NULL REFERENCES assessment_tool(id),
    theme_id INTEGER NOT NULL REFERENCES assessment_theme(id),
    position INTEGER NOT NULL,             -- order within the whole tool
    code TEXT NOT NULL COLLATE NOCASE,
    text TEXT NOT NULL,
    UNIQUE (tool_id, code)
);
CREATE INDEX assessment_statement_theme ON assessment_statement(theme_id);

CREATE TABLE assessment_round (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    tool_id INTEGER NOT NULL REFERENCES assessment_tool(id),
    title TEXT NOT NULL COLLATE NOCASE,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    deadline TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'published')),
    UNIQUE (board_id, title)
);
CREATE INDEX assessment_round_tool ON assessment_round(tool_id);

CREATE TABLE assessment_respondent (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES assessment_round(id),
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    person TEXT,                           -- who completed it (personal data)
    submitted_on TEXT,                     -- NULL: not yet returned
    UNIQUE (round_id, organisation_id)
);

CREATE TABLE assessment_response (
    id INTEGER PRIMARY KEY,
    respondent_id INTEGER NOT NULL REFERENCES assessment_respondent(id),
    statement_id INTEGER NOT NULL REFERENCES assessment_statement(id),
    score_halves INTEGER CHECK (score_halves IS NULL OR score_halves > 0),  -- 6 is 3, 5 is 2/3; NULL not answered
    comment TEXT,
    UNIQUE (respondent_id, statement_id)
);
CREATE INDEX assessment_response_statement ON assessment_response(statement_id);
