-- SG Desk board file, schema version 12: every board file has an identity of its own.
-- Its backups carry the same file_id, so they are found by it however the file is renamed or moved. Files
-- made before SG Desk recorded one get one now; a copy of a file gets a new one the first time it is opened
-- for editing somewhere else (sgdesk/store/identity.py, which also keeps 'last_path' up to date).
INSERT OR IGNORE INTO app_meta (key, value) VALUES ('file_id', lower(hex(randomblob(8))));
