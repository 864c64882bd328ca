-- SG Desk board file, schema version 5: the multi-agency training programme.
-- Courses run as sessions; delegates book places on sessions; each booking keeps its status
-- history; evaluations belong to attended bookings. Charges are never stored: they are computed
-- from bookings and the board's charging policy (board_setting 'training.charging_policy').

CREATE TABLE training_course (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    title TEXT NOT NULL COLLATE NOCASE,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    audience TEXT,
    length TEXT NOT NULL CHECK (length IN ('half', 'full')),   -- half day or full day
    description TEXT,
    default_capacity INTEGER NOT NULL CHECK (default_capacity > 0),
    UNIQUE (board_id, title)
);

CREATE TABLE training_session (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES training_course(id),
    session_date TEXT NOT NULL,
    start_time TEXT NOT NULL,       -- HH:MM, 24-hour clock
    end_time TEXT NOT NULL,
    venue TEXT,                     -- a place, or the meeting link's platform when online
    online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    trainer TEXT,
    status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    cancelled_on TEXT,
    CHECK (end_time > start_time)
);
CREATE INDEX training_session_course ON training_session(course_id, session_date);
CREATE INDEX training_session_date ON training_session(session_date, start_time);

-- The charging category of each organisation, per board (categories and fees: the policy).
CREATE TABLE training_org_category (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    category TEXT NOT NULL,
    UNIQUE (board_id, organisation_id)
);

CREATE TABLE training_delegate (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    name TEXT NOT NULL,
    email TEXT COLLATE NOCASE,
    job_title TEXT,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    sector TEXT NOT NULL,
    manager_name TEXT,
    manager_email TEXT,
    search_key TEXT NOT NULL,       -- name and email, lower-cased without accents, for search as you type
    anonymised_on TEXT              -- set when the retention period ran out and personal data was removed
);
CREATE INDEX training_delegate_email ON training_delegate(board_id, email);
CREATE INDEX training_delegate_org ON training_delegate(organisation_id);

CREATE TABLE training_booking (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES training_session(id),
    delegate_id INTEGER NOT NULL REFERENCES training_delegate(id),
    booked_on TEXT NOT NULL,
    approved INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),   -- line manager's approval
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'substituted',
                                           'attended', 'dna')),
    queue_no INTEGER NOT NULL,      -- order of booking within the session: the waiting list's order
    cancelled_on TEXT,
    cancel_reason TEXT CHECK (cancel_reason IN ('delegate', 'waitlist', 'session')),
    substitute_for INTEGER REFERENCES training_booking(id),   -- the booking whose place this one took
    promoted_on TEXT,               -- moved from the waiting list into a place on this day
    promotion_told INTEGER NOT NULL DEFAULT 0 CHECK (promotion_told IN (0, 1)),
    UNIQUE (session_id, delegate_id)
);
CREATE INDEX training_booking_places ON training_booking(session_id, status, queue_no);
CREATE INDEX training_booking_queue ON training_booking(session_id, queue_no, delegate_id);   -- lists in order
CREATE INDEX training_booking_delegate ON training_booking(delegate_id);
CREATE INDEX training_booking_substitute ON training_booking(substitute_for);

-- Capacity is never exceeded: confirmed, attended and did-not-attend bookings hold places.
CREATE TRIGGER training_booking_capacity_insert
BEFORE INSERT ON training_booking
WHEN NEW.status IN ('confirmed', 'attended', 'dna')
 AND (SELECT count(*) FROM training_booking
      WHERE session_id = NEW.session_id AND status IN ('confirmed', 'attended', 'dna'))
     >= (SELECT capacity FROM training_session WHERE id = NEW.session_id)
BEGIN
    SELECT RAISE(ABORT, 'the training session is full');
END;

CREATE TRIGGER training_booking_capacity_update
AFTER UPDATE OF status, session_id ON training_booking
WHEN NEW.status IN ('confirmed', 'attended', 'dna')
 AND (SELECT count(*) FROM training_booking
      WHERE session_id = NEW.session_id AND status IN ('confirmed', 'attended', 'dna'))
     > (SELECT capacity FROM training_session WHERE id = NEW.session_id)
BEGIN
    SELECT RAISE(ABORT, 'the training session is full');
END;

CREATE TRIGGER training_session_capacity
AFTER UPDATE OF capacity ON training_session
WHEN (SELECT count(*) FROM training_booking
      WHERE session_id = NEW.id AND status IN ('confirmed', 'attended', 'dna')) > NEW.capacity
BEGIN
    SELECT RAISE(ABORT, 'more delegates hold places than the new capacity');
END;

-- The status history of each booking, oldest first.
CREATE TABLE training_booking_event (
    id INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES training_booking(id),
    on_date TEXT NOT NULL,
    event TEXT NOT NULL,            -- booked, waitlisted, promoted, cancelled, substituted, ...
    status TEXT NOT NULL,           -- the booking's status after the event
    related_booking_id INTEGER REFERENCES training_booking(id)   -- e.g. the substitute's booking
);
CREATE INDEX training_booking_event_booking ON training_booking_event(booking_id, id);
CREATE INDEX training_booking_event_related ON training_booking_event(related_booking_id);

CREATE TABLE training_evaluation (
    id INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL UNIQUE REFERENCES training_booking(id),
    received_on TEXT NOT NULL,
    confidence_before INTEGER CHECK (confidence_before BETWEEN 1 AND 5),
    confidence_after INTEGER CHECK (confidence_after BETWEEN 1 AND 5),
    useful INTEGER CHECK (useful IN (0, 1)),
    comments TEXT
);

-- Each run of the retention action, for the data-protection record.
CREATE TABLE training_anonymisation (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    done_on TEXT NOT NULL,
    cutoff TEXT NOT NULL,           -- delegates whose last session was before this day
    retention_years INTEGER NOT NULL,
    delegates INTEGER NOT NULL,
    bookings INTEGER NOT NULL
);
