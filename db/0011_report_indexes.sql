-- SG Desk board file, schema version 13: indexes the training reports read instead of the tables
-- (benchmarks/run: the ten-year training, charges and evaluations reports).

-- A session's bookings with what every report counts of them: the figures and charges read this
-- index alone, never the bookings themselves.
CREATE INDEX training_booking_report
    ON training_booking(session_id, status, cancel_reason, cancelled_on, substitute_for, delegate_id);

-- Each delegate's bookings by status (the figures by organisation read them delegate by delegate);
-- it also finds a delegate's bookings, as the index it replaces did.
CREATE INDEX training_booking_delegate_status ON training_booking(delegate_id, status, session_id);
DROP INDEX training_booking_delegate;

-- Delegates in the order of organisation and sector: the figures by organisation and by sector are
-- counted in this order, without sorting; it also finds an organisation's delegates, as the index it
-- replaces did.
CREATE INDEX training_delegate_org_sector ON training_delegate(organisation_id, sector);
DROP INDEX training_delegate_org;

-- The ratings of an evaluation, found by its booking without reading the evaluation itself.
CREATE INDEX training_evaluation_ratings
    ON training_evaluation(booking_id, confidence_before, confidence_after, useful);
