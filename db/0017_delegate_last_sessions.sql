-- SG Desk board file, schema version 17: each training delegate's last booked session (the latest date of a
-- session they have a booking on, whatever its status), kept by triggers as bookings, sessions and delegates
-- are written (by the write path, undo and redo, an import's batch), so that the retention check the Overview
-- runs on every start (sgdesk.training.retention.due_delegates) reads only the delegates who are due instead of
-- every booking of a session before the cutoff.

-- One row a delegate who has a booking, its id the delegate's; written only by the triggers below, never by
-- the write path (so never in the audit trail: undoing a change to a booking puts its row back through the
-- triggers). The delegate's board and whether they are anonymised are kept beside the date, so that the index
-- finds a board's delegates still to anonymise whose last session is before a cutoff, and only those.
CREATE TABLE training_delegate_last_session (
    id INTEGER PRIMARY KEY,                         -- the training_delegate's id
    board_id INTEGER NOT NULL,                      -- the delegate's
    anonymised INTEGER NOT NULL,                    -- 1 once the delegate's anonymised_on is set, else 0
    session_date TEXT NOT NULL                      -- the latest session_date of their bookings' sessions
);
CREATE INDEX training_delegate_last_session_due
    ON training_delegate_last_session (board_id, anonymised, session_date);

INSERT INTO training_delegate_last_session (id, board_id, anonymised, session_date)
SELECT d.id, d.board_id, d.anonymised_on IS NOT NULL, max(s.session_date)
FROM training_delegate d
JOIN training_booking b ON b.delegate_id = d.id
JOIN training_session s ON s.id = b.session_id
GROUP BY d.id;

-- A new booking can only make its delegate's last session later (or give them their first).
CREATE TRIGGER training_booking_last_session_insert
AFTER INSERT ON training_booking
BEGIN
    INSERT INTO training_delegate_last_session (id, board_id, anonymised, session_date)
    SELECT d.id, d.board_id, d.anonymised_on IS NOT NULL, s.session_date
    FROM training_delegate d, training_session s WHERE d.id = NEW.delegate_id AND s.id = NEW.session_id
    ON CONFLICT (id) DO UPDATE
    SET session_date = max(training_delegate_last_session.session_date, excluded.session_date);
END;

-- A booking deleted: its delegate's row goes with their last booking, or their last session is found again.
CREATE TRIGGER training_booking_last_session_delete
AFTER DELETE ON training_booking
BEGIN
    DELETE FROM training_delegate_last_session
    WHERE id = OLD.delegate_id AND NOT EXISTS (SELECT 1 FROM training_booking WHERE delegate_id = OLD.delegate_id);
    UPDATE training_delegate_last_session
    SET session_date = (SELECT max(s.session_date) FROM training_booking b JOIN training_session s ON s.id = b.session_id
                        WHERE b.delegate_id = OLD.delegate_id)
    WHERE id = OLD.delegate_id;
END;

-- A booking moved to another session or another delegate: the old delegate's last session is found again as for
-- a booking deleted, and the new delegate's (who has a booking now, so a row) as it now is.
CREATE TRIGGER training_booking_last_session_update
AFTER UPDATE OF session_id, delegate_id ON training_booking
WHEN OLD.session_id IS NOT NEW.session_id OR OLD.delegate_id IS NOT NEW.delegate_id
BEGIN
    DELETE FROM training_delegate_last_session
    WHERE id = OLD.delegate_id AND NOT EXISTS (SELECT 1 FROM training_booking WHERE delegate_id = OLD.delegate_id);
    UPDATE training_delegate_last_session
    SET session_date = (SELECT max(s.session_date) FROM training_booking b JOIN training_session s ON s.id = b.session_id
                        WHERE b.delegate_id = OLD.delegate_id)
    WHERE id = OLD.delegate_id;
    INSERT INTO training_delegate_last_session (id, board_id, anonymised, session_date)
    SELECT d.id, d.board_id, d.anonymised_on IS NOT NULL,
           (SELECT max(s.session_date) FROM training_booking b JOIN training_session s ON s.id = b.session_id
            WHERE b.delegate_id = d.id)
    FROM training_delegate d WHERE d.id = NEW.delegate_id
    ON CONFLICT (id) DO UPDATE SET session_date = excluded.session_date;
END;

-- A session moved to another day: the last session of each delegate booked on it is found again.
CREATE TRIGGER training_session_last_session_update
AFTER UPDATE OF session_date ON training_session
WHEN OLD.session_date IS NOT NEW.session_date
BEGIN
    UPDATE training_delegate_last_session
    SET session_date = (SELECT max(s.session_date) FROM training_booking b JOIN training_session s ON s.id = b.session_id
                        WHERE b.delegate_id = training_delegate_last_session.id)
    WHERE id IN (SELECT delegate_id FROM training_booking WHERE session_id = NEW.id);
END;

-- A delegate's board and anonymisation, as the delegate's row has them.
CREATE TRIGGER training_delegate_last_session_update
AFTER UPDATE OF board_id, anonymised_on ON training_delegate
BEGIN
    UPDATE training_delegate_last_session SET board_id = NEW.board_id, anonymised = NEW.anonymised_on IS NOT NULL
    WHERE id = NEW.id;
END;

-- No trigger is needed for a session or a delegate deleted: each booking's foreign keys (db/0005_training.sql, no
-- cascade, enforced on every connection) refuse deleting one that has a booking, and one without a booking is no
-- delegate's last session and has no row.
