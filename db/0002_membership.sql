-- SG Desk board file, schema version 2: membership, meetings, attendance and the forward plan.
-- A seat is an organisation's place on a board or one of its sub-groups, with a role; people hold
-- it over time as its representative or a deputy. Attendance belongs to the seat, not the person.
-- Dates are ISO text; NULL start or end dates mean "since before records" and "still open".

ALTER TABLE subgroup ADD COLUMN frequency TEXT;        -- how often it meets, e.g. "Quarterly"
ALTER TABLE subgroup ADD COLUMN tor_review_on TEXT;    -- when its terms of reference are next reviewed

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    job_title TEXT,
    email TEXT,
    phone TEXT
);
CREATE INDEX person_name ON person(name COLLATE NOCASE);

CREATE TABLE seat (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    subgroup_id INTEGER REFERENCES subgroup(id),          -- NULL: a seat on the board itself
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    role TEXT NOT NULL DEFAULT 'Member',                 -- Independent Chair, Vice Chair, Lay Member, ...
    label TEXT,                                          -- the name published grids print; NULL: the organisation's
    starts_on TEXT,
    ends_on TEXT,
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX seat_body ON seat(board_id, subgroup_id);
CREATE INDEX seat_organisation ON seat(organisation_id);

CREATE TABLE seat_holder (
    id INTEGER PRIMARY KEY,
    seat_id INTEGER NOT NULL REFERENCES seat(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    kind TEXT NOT NULL DEFAULT 'representative' CHECK (kind IN ('representative', 'deputy')),
    starts_on TEXT,
    ends_on TEXT,
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX seat_holder_seat ON seat_holder(seat_id);
CREATE INDEX seat_holder_person ON seat_holder(person_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    subgroup_id INTEGER REFERENCES subgroup(id),          -- NULL: a meeting of the board itself
    meets_on TEXT NOT NULL,
    starts_at TEXT,                                      -- HH:MM, 24-hour clock
    venue TEXT,
    online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    notes TEXT
);
CREATE INDEX meeting_body ON meeting(board_id, subgroup_id, meets_on);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    seat_id INTEGER NOT NULL REFERENCES seat(id),
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    mark TEXT NOT NULL CHECK (mark IN ('Y', 'D', 'A', 'N', '-')),   -- see sgdesk/membership/marks.py
    deputy_id INTEGER REFERENCES person(id),             -- who attended in the seat's place (mark D)
    note TEXT,
    UNIQUE (seat_id, meeting_id)
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);

CREATE TABLE forward_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    title TEXT NOT NULL,
    lead_organisation_id INTEGER REFERENCES organisation(id),
    paper_due_on TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, title)
);
