-- SG Desk board file, schema version 6: indexes for boards with years of records (benchmarks/run).

-- Search as you type reads every delegate's search key: from this index alone, not the table.
CREATE INDEX training_delegate_search ON training_delegate(board_id, search_key, organisation_id);

-- Matching an imported booking to a delegate recorded without an email (sgdesk.training.delegates.find_delegate):
-- only the few such live delegates of the organisation, not all of its delegates.
CREATE INDEX training_delegate_no_email ON training_delegate(board_id, organisation_id)
    WHERE email IS NULL AND anonymised_on IS NULL;
