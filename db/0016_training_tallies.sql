-- SG Desk board file, schema version 16: each training session's bookings counted by status (and those that
-- took a place as a substitute), and the evaluations of its places attended added up, kept by triggers as
-- bookings and evaluations are written (by the write path, undo and redo, an import's batch), so that the
-- programme's figures and the evaluation summaries read one row a session instead of counting its bookings
-- (sgdesk.training.figures). What depends on the charging policy when a report is run (whether a
-- cancellation was late) is not tallied.

-- One row a session, its id the session's; written only by the triggers below, never by the write path
-- (so never in the audit trail: undoing a change to a booking puts its tally back through the triggers).
CREATE TABLE training_session_tally (
    id INTEGER PRIMARY KEY,                         -- the training_session's id
    confirmed INTEGER NOT NULL DEFAULT 0,           -- bookings of each status (figures.STATUS_ORDER)
    waitlisted INTEGER NOT NULL DEFAULT 0,
    attended INTEGER NOT NULL DEFAULT 0,
    dna INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    substituted INTEGER NOT NULL DEFAULT 0,
    substitutes INTEGER NOT NULL DEFAULT 0,         -- bookings that took a place as a substitute
    evaluated INTEGER NOT NULL DEFAULT 0,           -- places attended whose evaluation was returned, and
    before_total INTEGER NOT NULL DEFAULT 0,        -- the sums and counts of those evaluations' ratings
    before_count INTEGER NOT NULL DEFAULT 0,
    after_total INTEGER NOT NULL DEFAULT 0,
    after_count INTEGER NOT NULL DEFAULT 0,
    useful_yes INTEGER NOT NULL DEFAULT 0,
    useful_count INTEGER NOT NULL DEFAULT 0
);

INSERT INTO training_session_tally
SELECT s.id, sum(b.status IS 'confirmed'), sum(b.status IS 'waitlisted'), sum(b.status IS 'attended'),
       sum(b.status IS 'dna'), sum(b.status IS 'cancelled'), sum(b.status IS 'substituted'),
       sum(b.substitute_for IS NOT NULL),
       count(e.id), coalesce(sum(e.confidence_before), 0), count(e.confidence_before),
       coalesce(sum(e.confidence_after), 0), count(e.confidence_after), coalesce(sum(e.useful), 0), count(e.useful)
FROM training_session s
LEFT JOIN training_booking b ON b.session_id = s.id
LEFT JOIN training_evaluation e ON e.booking_id = b.id AND b.status = 'attended'
GROUP BY s.id;

CREATE TRIGGER training_session_tally_insert
AFTER INSERT ON training_session
BEGIN
    INSERT INTO training_session_tally (id) VALUES (NEW.id);
END;

CREATE TRIGGER training_session_tally_delete
AFTER DELETE ON training_session
BEGIN
    DELETE FROM training_session_tally WHERE id = OLD.id;
END;

-- A new booking has no evaluation yet, and one with an evaluation cannot be deleted (its foreign key), so
-- inserting and deleting a booking change its counts only.
CREATE TRIGGER training_booking_tally_insert
AFTER INSERT ON training_booking
BEGIN
    UPDATE training_session_tally
    SET confirmed = confirmed + (NEW.status = 'confirmed'), waitlisted = waitlisted + (NEW.status = 'waitlisted'),
        attended = attended + (NEW.status = 'attended'), dna = dna + (NEW.status = 'dna'),
        cancelled = cancelled + (NEW.status = 'cancelled'), substituted = substituted + (NEW.status = 'substituted'),
        substitutes = substitutes + (NEW.substitute_for IS NOT NULL)
    WHERE id = NEW.session_id;
END;

CREATE TRIGGER training_booking_tally_delete
AFTER DELETE ON training_booking
BEGIN
    UPDATE training_session_tally
    SET confirmed = confirmed - (OLD.status = 'confirmed'), waitlisted = waitlisted - (OLD.status = 'waitlisted'),
        attended = attended - (OLD.status = 'attended'), dna = dna - (OLD.status = 'dna'),
        cancelled = cancelled - (OLD.status = 'cancelled'), substituted = substituted - (OLD.status = 'substituted'),
        substitutes = substitutes - (OLD.substitute_for IS NOT NULL)
    WHERE id = OLD.session_id;
END;

-- A booking whose status or substitution changes, or that moves to another session, is counted again (taken
-- off as it was and added as it is: nothing changes for a change of neither); its evaluation counts on the
-- session of a place attended, so it leaves the old session's sums if it counted there and joins the new
-- session's if it counts there now.
CREATE TRIGGER training_booking_tally_update
AFTER UPDATE OF status, session_id, substitute_for ON training_booking
BEGIN
    UPDATE training_session_tally
    SET confirmed = confirmed - (OLD.status = 'confirmed'), waitlisted = waitlisted - (OLD.status = 'waitlisted'),
        attended = attended - (OLD.status = 'attended'), dna = dna - (OLD.status = 'dna'),
        cancelled = cancelled - (OLD.status = 'cancelled'), substituted = substituted - (OLD.status = 'substituted'),
        substitutes = substitutes - (OLD.substitute_for IS NOT NULL)
    WHERE id = OLD.session_id;
    UPDATE training_session_tally
    SET confirmed = confirmed + (NEW.status = 'confirmed'), waitlisted = waitlisted + (NEW.status = 'waitlisted'),
        attended = attended + (NEW.status = 'attended'), dna = dna + (NEW.status = 'dna'),
        cancelled = cancelled + (NEW.status = 'cancelled'), substituted = substituted + (NEW.status = 'substituted'),
        substitutes = substitutes + (NEW.substitute_for IS NOT NULL)
    WHERE id = NEW.session_id;
    UPDATE training_session_tally
    SET (evaluated, before_total, before_count, after_total, after_count, useful_yes, useful_count) = (
        SELECT t.evaluated - 1, t.before_total - coalesce(e.confidence_before, 0),
               t.before_count - (e.confidence_before IS NOT NULL), t.after_total - coalesce(e.confidence_after, 0),
               t.after_count - (e.confidence_after IS NOT NULL), t.useful_yes - coalesce(e.useful, 0),
               t.useful_count - (e.useful IS NOT NULL)
        FROM training_session_tally t, training_evaluation e WHERE t.id = OLD.session_id AND e.booking_id = OLD.id)
    WHERE id = OLD.session_id AND OLD.status = 'attended'
      AND EXISTS (SELECT 1 FROM training_evaluation WHERE booking_id = OLD.id);
    UPDATE training_session_tally
    SET (evaluated, before_total, before_count, after_total, after_count, useful_yes, useful_count) = (
        SELECT t.evaluated + 1, t.before_total + coalesce(e.confidence_before, 0),
               t.before_count + (e.confidence_before IS NOT NULL), t.after_total + coalesce(e.confidence_after, 0),
               t.after_count + (e.confidence_after IS NOT NULL), t.useful_yes + coalesce(e.useful, 0),
               t.useful_count + (e.useful IS NOT NULL)
        FROM training_session_tally t, training_evaluation e WHERE t.id = NEW.session_id AND e.booking_id = NEW.id)
    WHERE id = NEW.session_id AND NEW.status = 'attended'
      AND EXISTS (SELECT 1 FROM training_evaluation WHERE booking_id = NEW.id);
END;

-- An evaluation counts on its booking's session while that booking is a place attended.
CREATE TRIGGER training_evaluation_tally_insert
AFTER INSERT ON training_evaluation
BEGIN
    UPDATE training_session_tally
    SET evaluated = evaluated + 1, before_total = before_total + coalesce(NEW.confidence_before, 0),
        before_count = before_count + (NEW.confidence_before IS NOT NULL),
        after_total = after_total + coalesce(NEW.confidence_after, 0),
        after_count = after_count + (NEW.confidence_after IS NOT NULL),
        useful_yes = useful_yes + coalesce(NEW.useful, 0), useful_count = useful_count + (NEW.useful IS NOT NULL)
    WHERE id = (SELECT session_id FROM training_booking WHERE id = NEW.booking_id AND status = 'attended');
END;

CREATE TRIGGER training_evaluation_tally_delete
AFTER DELETE ON training_evaluation
BEGIN
    UPDATE training_session_tally
    SET evaluated = evaluated - 1, before_total = before_total - coalesce(OLD.confidence_before, 0),
        before_count = before_count - (OLD.confidence_before IS NOT NULL),
        after_total = after_total - coalesce(OLD.confidence_after, 0),
        after_count = after_count - (OLD.confidence_after IS NOT NULL),
        useful_yes = useful_yes - coalesce(OLD.useful, 0), useful_count = useful_count - (OLD.useful IS NOT NULL)
    WHERE id = (SELECT session_id FROM training_booking WHERE id = OLD.booking_id AND status = 'attended');
END;

CREATE TRIGGER training_evaluation_tally_update
AFTER UPDATE OF booking_id, confidence_before, confidence_after, useful ON training_evaluation
BEGIN
    UPDATE training_session_tally
    SET evaluated = evaluated - 1, before_total = before_total - coalesce(OLD.confidence_before, 0),
        before_count = before_count - (OLD.confidence_before IS NOT NULL),
        after_total = after_total - coalesce(OLD.confidence_after, 0),
        after_count = after_count - (OLD.confidence_after IS NOT NULL),
        useful_yes = useful_yes - coalesce(OLD.useful, 0), useful_count = useful_count - (OLD.useful IS NOT NULL)
    WHERE id = (SELECT session_id FROM training_booking WHERE id = OLD.booking_id AND status = 'attended');
    UPDATE training_session_tally
    SET evaluated = evaluated + 1, before_total = before_total + coalesce(NEW.confidence_before, 0),
        before_count = before_count + (NEW.confidence_before IS NOT NULL),
        after_total = after_total + coalesce(NEW.confidence_after, 0),
        after_count = after_count + (NEW.confidence_after IS NOT NULL),
        useful_yes = useful_yes + coalesce(NEW.useful, 0), useful_count = useful_count + (NEW.useful IS NOT NULL)
    WHERE id = (SELECT session_id FROM training_booking WHERE id = NEW.booking_id AND status = 'attended');
END;

