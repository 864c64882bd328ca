-- SG Desk board file, schema version 9: meeting papers. The action log, the risk register and
-- business plan progress (sgdesk/governance). Every change to an action, a risk or an objective is
-- kept as a dated row beside it (action_event, risk_review, plan_update), so the papers for any
-- meeting show the registers as they stood on its date, and the next pack carries them forward.

-- A business plan: objectives for a plan period (e.g. 2016-19), numbered as the board numbers them.
CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    title TEXT NOT NULL COLLATE NOCASE,                 -- "Business Plan 2016-19"
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    CHECK (ends_on >= starts_on),
    UNIQUE (board_id, title)
);

CREATE TABLE plan_objective (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id),
    number TEXT NOT NULL COLLATE NOCASE,                -- "1", "12", "A", "3.2"
    priority TEXT NOT NULL,                             -- the objective as the plan words it
    outcome TEXT,                                       -- its projected outcome / impact measure
    lead_subgroup_id INTEGER REFERENCES subgroup(id),   -- the lead: a sub-group ...
    lead_organisation_id INTEGER REFERENCES organisation(id),  -- ... or an organisation (or neither)
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, number)
);
CREATE INDEX plan_objective_plan ON plan_objective(plan_id, position);

CREATE TABLE plan_update (
    id INTEGER PRIMARY KEY,
    objective_id INTEGER NOT NULL REFERENCES plan_objective(id),
    made_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meeting(id),          -- the meeting it was reported to, if any
    rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
    progress TEXT NOT NULL,
    quantitative TEXT,                                  -- the evidence, as the annual report sets it out
    qualitative TEXT
);
CREATE INDEX plan_update_objective ON plan_update(objective_id, made_on);

-- The action log. The reference is the board's own (B-2018-014) and stays with the action when it is
-- carried to another body; subgroup_id is the body tracking it now (NULL: the board itself).
CREATE TABLE board_action (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    reference TEXT NOT NULL COLLATE NOCASE,
    subgroup_id INTEGER REFERENCES subgroup(id),
    meeting_id INTEGER REFERENCES meeting(id),          -- the meeting it arose at
    agenda_item TEXT,
    source TEXT NOT NULL DEFAULT 'meeting'
        CHECK (source IN ('meeting', 'case review', 'audit', 'inspection')),
    source_ref TEXT,                                    -- "LCSPR Child F", "JTAI 2018": what it answers
    raised_on TEXT NOT NULL,
    text TEXT NOT NULL,
    owner_organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    owner_person_id INTEGER REFERENCES person(id),
    due_on TEXT,                                        -- NULL: no date set
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped', 'superseded')),
    closed_on TEXT,                                     -- the date it was done, dropped or superseded
    rag_override TEXT CHECK (rag_override IN ('red', 'amber', 'green')),
    rag_reason TEXT,
    objective_id INTEGER REFERENCES plan_objective(id), -- the business plan objective it serves
    UNIQUE (board_id, reference),
    CHECK ((status = 'open') = (closed_on IS NULL)),
    CHECK ((rag_override IS NULL) = (rag_reason IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= raised_on)
);
CREATE INDEX board_action_body ON board_action(board_id, subgroup_id, status);
CREATE INDEX board_action_meeting ON board_action(meeting_id);
CREATE INDEX board_action_objective ON board_action(objective_id);

-- What happened to an action, dated: a progress update, a due date moved, a status changed, carried
-- to another body, or its RAG overridden (rag_to NULL: the override removed).
CREATE TABLE action_event (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES board_action(id),
    made_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meeting(id),
    kind TEXT NOT NULL CHECK (kind IN ('progress', 'due', 'status', 'carried', 'rag')),
    note TEXT,
    due_from TEXT,
    due_to TEXT,
    status_to TEXT CHECK (status_to IS NULL OR status_to IN ('open', 'done', 'dropped', 'superseded')),
    rag_to TEXT CHECK (rag_to IS NULL OR rag_to IN ('red', 'amber', 'green')),
    body_from INTEGER REFERENCES subgroup(id),          -- for 'carried': NULL is the board itself
    body_to INTEGER REFERENCES subgroup(id)
);
CREATE INDEX action_event_action ON action_event(action_id, made_on);

-- The risk register. Scores are likelihood x impact, each 1-5; the residual scores (after controls) are
-- those of the latest review, so each review keeps the score it gave.
CREATE TABLE risk (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    reference TEXT NOT NULL COLLATE NOCASE,
    subgroup_id INTEGER REFERENCES subgroup(id),        -- NULL: the board's own register
    title TEXT NOT NULL,
    description TEXT,
    owner_organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    category TEXT,
    inherent_likelihood INTEGER NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
    inherent_impact INTEGER NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
    controls TEXT,
    identified_on TEXT NOT NULL,
    review_on TEXT,                                     -- when it is next due for review
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_on TEXT,
    UNIQUE (board_id, reference),
    CHECK ((status = 'open') = (closed_on IS NULL))
);
CREATE INDEX risk_board ON risk(board_id, status);

CREATE TABLE risk_review (
    id INTEGER PRIMARY KEY,
    risk_id INTEGER NOT NULL REFERENCES risk(id),
    reviewed_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meeting(id),          -- the meeting that reviewed it, if any
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),   -- residual, after controls
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    note TEXT
);
CREATE INDEX risk_review_risk ON risk_review(risk_id, reviewed_on);

-- Mitigating actions: links from a risk to actions in the action log.
CREATE TABLE risk_action (
    id INTEGER PRIMARY KEY,
    risk_id INTEGER NOT NULL REFERENCES risk(id),
    action_id INTEGER NOT NULL REFERENCES board_action(id),
    UNIQUE (risk_id, action_id)
);
CREATE INDEX risk_action_action ON risk_action(action_id);
