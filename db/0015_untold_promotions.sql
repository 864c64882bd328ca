-- SG Desk board file, schema version 15: the places given from a waiting list whose delegates are still
-- to be told (listed on the Overview: sgdesk.training.bookings.untold_promotions) are found by an index
-- of the bookings promoted from a waiting list, instead of reading every confirmed booking of every
-- session. Partial (promoted bookings only), so no query that does not ask for those can use it.
CREATE INDEX training_booking_untold
    ON training_booking(promotion_told, session_id) WHERE promoted_on IS NOT NULL;
