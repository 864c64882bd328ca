-- SG Desk board file, schema version 8: search everywhere.
-- One FTS5 index per searchable table (sgdesk/search.py), with the triggers that keep it in step with the
-- table, exactly as sqlite-utils' enable_fts(columns, create_triggers=True) builds them; written by
-- build_scripts/search_index_sql.py. A table made searchable later gets its index from its own migration.

-- search everywhere: organisation records (organisation)
CREATE VIRTUAL TABLE "organisation_fts" USING FTS5 (
    "name", "short_name",
    content="organisation"
);
INSERT INTO "organisation_fts" (rowid, "name", "short_name")
    SELECT rowid, "name", "short_name" FROM "organisation";
CREATE TRIGGER "organisation_ai" AFTER INSERT ON "organisation" BEGIN
  INSERT INTO "organisation_fts" (rowid, "name", "short_name") VALUES (new.rowid, new."name", new."short_name");
END;
CREATE TRIGGER "organisation_ad" AFTER DELETE ON "organisation" BEGIN
  INSERT INTO "organisation_fts" ("organisation_fts", rowid, "name", "short_name") VALUES('delete', old.rowid, old."name", old."short_name");
END;
CREATE TRIGGER "organisation_au" AFTER UPDATE ON "organisation" BEGIN
  INSERT INTO "organisation_fts" ("organisation_fts", rowid, "name", "short_name") VALUES('delete', old.rowid, old."name", old."short_name");
  INSERT INTO "organisation_fts" (rowid, "name", "short_name") VALUES (new.rowid, new."name", new."short_name");
END;

-- search everywhere: sub-group records (subgroup)
CREATE VIRTUAL TABLE "subgroup_fts" USING FTS5 (
    "name", "short_name",
    content="subgroup"
);
INSERT INTO "subgroup_fts" (rowid, "name", "short_name")
    SELECT rowid, "name", "short_name" FROM "subgroup";
CREATE TRIGGER "subgroup_ai" AFTER INSERT ON "subgroup" BEGIN
  INSERT INTO "subgroup_fts" (rowid, "name", "short_name") VALUES (new.rowid, new."name", new."short_name");
END;
CREATE TRIGGER "subgroup_ad" AFTER DELETE ON "subgroup" BEGIN
  INSERT INTO "subgroup_fts" ("subgroup_fts", rowid, "name", "short_name") VALUES('delete', old.rowid, old."name", old."short_name");
END;
CREATE TRIGGER "subgroup_au" AFTER UPDATE ON "subgroup" BEGIN
  INSERT INTO "subgroup_fts" ("subgroup_fts", rowid, "name", "short_name") VALUES('delete', old.rowid, old."name", old."short_name");
  INSERT INTO "subgroup_fts" (rowid, "name", "short_name") VALUES (new.rowid, new."name", new."short_name");
END;

-- search everywhere: person records (person)
CREATE VIRTUAL TABLE "person_fts" USING FTS5 (
    "name", "job_title", "email",
    content="person"
);
INSERT INTO "person_fts" (rowid, "name", "job_title", "email")
    SELECT rowid, "name", "job_title", "email" FROM "person";
CREATE TRIGGER "person_ai" AFTER INSERT ON "person" BEGIN
  INSERT INTO "person_fts" (rowid, "name", "job_title", "email") VALUES (new.rowid, new."name", new."job_title", new."email");
END;
CREATE TRIGGER "person_ad" AFTER DELETE ON "person" BEGIN
  INSERT INTO "person_fts" ("person_fts", rowid, "name", "job_title", "email") VALUES('delete', old.rowid, old."name", old."job_title", old."email");
END;
CREATE TRIGGER "person_au" AFTER UPDATE ON "person" BEGIN
  INSERT INTO "person_fts" ("person_fts", rowid, "name", "job_title", "email") VALUES('delete', old.rowid, old."name", old."job_title", old."email");
  INSERT INTO "person_fts" (rowid, "name", "job_title", "email") VALUES (new.rowid, new."name", new."job_title", new."email");
END;

-- search everywhere: seat records (seat)
CREATE VIRTUAL TABLE "seat_fts" USING FTS5 (
    "role", "label",
    content="seat"
);
INSERT INTO "seat_fts" (rowid, "role", "label")
    SELECT rowid, "role", "label" FROM "seat";
CREATE TRIGGER "seat_ai" AFTER INSERT ON "seat" BEGIN
  INSERT INTO "seat_fts" (rowid, "role", "label") VALUES (new.rowid, new."role", new."label");
END;
CREATE TRIGGER "seat_ad" AFTER DELETE ON "seat" BEGIN
  INSERT INTO "seat_fts" ("seat_fts", rowid, "role", "label") VALUES('delete', old.rowid, old."role", old."label");
END;
CREATE TRIGGER "seat_au" AFTER UPDATE ON "seat" BEGIN
  INSERT INTO "seat_fts" ("seat_fts", rowid, "role", "label") VALUES('delete', old.rowid, old."role", old."label");
  INSERT INTO "seat_fts" (rowid, "role", "label") VALUES (new.rowid, new."role", new."label");
END;

-- search everywhere: forward plan item records (forward_item)
CREATE VIRTUAL TABLE "forward_item_fts" USING FTS5 (
    "title",
    content="forward_item"
);
INSERT INTO "forward_item_fts" (rowid, "title")
    SELECT rowid, "title" FROM "forward_item";
CREATE TRIGGER "forward_item_ai" AFTER INSERT ON "forward_item" BEGIN
  INSERT INTO "forward_item_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;
CREATE TRIGGER "forward_item_ad" AFTER DELETE ON "forward_item" BEGIN
  INSERT INTO "forward_item_fts" ("forward_item_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
END;
CREATE TRIGGER "forward_item_au" AFTER UPDATE ON "forward_item" BEGIN
  INSERT INTO "forward_item_fts" ("forward_item_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
  INSERT INTO "forward_item_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;

-- search everywhere: ledger entry records (ledger_entry)
CREATE VIRTUAL TABLE "ledger_entry_fts" USING FTS5 (
    "description", "party", "reference",
    content="ledger_entry"
);
INSERT INTO "ledger_entry_fts" (rowid, "description", "party", "reference")
    SELECT rowid, "description", "party", "reference" FROM "ledger_entry";
CREATE TRIGGER "ledger_entry_ai" AFTER INSERT ON "ledger_entry" BEGIN
  INSERT INTO "ledger_entry_fts" (rowid, "description", "party", "reference") VALUES (new.rowid, new."description", new."party", new."reference");
END;
CREATE TRIGGER "ledger_entry_ad" AFTER DELETE ON "ledger_entry" BEGIN
  INSERT INTO "ledger_entry_fts" ("ledger_entry_fts", rowid, "description", "party", "reference") VALUES('delete', old.rowid, old."description", old."party", old."reference");
END;
CREATE TRIGGER "ledger_entry_au" AFTER UPDATE ON "ledger_entry" BEGIN
  INSERT INTO "ledger_entry_fts" ("ledger_entry_fts", rowid, "description", "party", "reference") VALUES('delete', old.rowid, old."description", old."party", old."reference");
  INSERT INTO "ledger_entry_fts" (rowid, "description", "party", "reference") VALUES (new.rowid, new."description", new."party", new."reference");
END;

-- search everywhere: self-assessment comment records (assessment_response)
CREATE VIRTUAL TABLE "assessment_response_fts" USING FTS5 (
    "comment",
    content="assessment_response"
);
INSERT INTO "assessment_response_fts" (rowid, "comment")
    SELECT rowid, "comment" FROM "assessment_response";
CREATE TRIGGER "assessment_response_ai" AFTER INSERT ON "assessment_response" BEGIN
  INSERT INTO "assessment_response_fts" (rowid, "comment") VALUES (new.rowid, new."comment");
END;
CREATE TRIGGER "assessment_response_ad" AFTER DELETE ON "assessment_response" BEGIN
  INSERT INTO "assessment_response_fts" ("assessment_response_fts", rowid, "comment") VALUES('delete', old.rowid, old."comment");
END;
CREATE TRIGGER "assessment_response_au" AFTER UPDATE ON "assessment_response" BEGIN
  INSERT INTO "assessment_response_fts" ("assessment_response_fts", rowid, "comment") VALUES('delete', old.rowid, old."comment");
  INSERT INTO "assessment_response_fts" (rowid, "comment") VALUES (new.rowid, new."comment");
END;

-- search everywhere: course records (training_course)
CREATE VIRTUAL TABLE "training_course_fts" USING FTS5 (
    "title", "audience", "description",
    content="training_course"
);
INSERT INTO "training_course_fts" (rowid, "title", "audience", "description")
    SELECT rowid, "title", "audience", "description" FROM "training_course";
CREATE TRIGGER "training_course_ai" AFTER INSERT ON "training_course" BEGIN
  INSERT INTO "training_course_fts" (rowid, "title", "audience", "description") VALUES (new.rowid, new."title", new."audience", new."description");
END;
CREATE TRIGGER "training_course_ad" AFTER DELETE ON "training_course" BEGIN
  INSERT INTO "training_course_fts" ("training_course_fts", rowid, "title", "audience", "description") VALUES('delete', old.rowid, old."title", old."audience", old."description");
END;
CREATE TRIGGER "training_course_au" AFTER UPDATE ON "training_course" BEGIN
  INSERT INTO "training_course_fts" ("training_course_fts", rowid, "title", "audience", "description") VALUES('delete', old.rowid, old."title", old."audience", old."description");
  INSERT INTO "training_course_fts" (rowid, "title", "audience", "description") VALUES (new.rowid, new."title", new."audience", new."description");
END;

-- search everywhere: training session records (training_session)
CREATE VIRTUAL TABLE "training_session_fts" USING FTS5 (
    "venue", "trainer",
    content="training_session"
);
INSERT INTO "training_session_fts" (rowid, "venue", "trainer")
    SELECT rowid, "venue", "trainer" FROM "training_session";
CREATE TRIGGER "training_session_ai" AFTER INSERT ON "training_session" BEGIN
  INSERT INTO "training_session_fts" (rowid, "venue", "trainer") VALUES (new.rowid, new."venue", new."trainer");
END;
CREATE TRIGGER "training_session_ad" AFTER DELETE ON "training_session" BEGIN
  INSERT INTO "training_session_fts" ("training_session_fts", rowid, "venue", "trainer") VALUES('delete', old.rowid, old."venue", old."trainer");
END;
CREATE TRIGGER "training_session_au" AFTER UPDATE ON "training_session" BEGIN
  INSERT INTO "training_session_fts" ("training_session_fts", rowid, "venue", "trainer") VALUES('delete', old.rowid, old."venue", old."trainer");
  INSERT INTO "training_session_fts" (rowid, "venue", "trainer") VALUES (new.rowid, new."venue", new."trainer");
END;

-- search everywhere: delegate records (training_delegate)
CREATE VIRTUAL TABLE "training_delegate_fts" USING FTS5 (
    "name", "email", "job_title",
    content="training_delegate"
);
INSERT INTO "training_delegate_fts" (rowid, "name", "email", "job_title")
    SELECT rowid, "name", "email", "job_title" FROM "training_delegate";
CREATE TRIGGER "training_delegate_ai" AFTER INSERT ON "training_delegate" BEGIN
  INSERT INTO "training_delegate_fts" (rowid, "name", "email", "job_title") VALUES (new.rowid, new."name", new."email", new."job_title");
END;
CREATE TRIGGER "training_delegate_ad" AFTER DELETE ON "training_delegate" BEGIN
  INSERT INTO "training_delegate_fts" ("training_delegate_fts", rowid, "name", "email", "job_title") VALUES('delete', old.rowid, old."name", old."email", old."job_title");
END;
CREATE TRIGGER "training_delegate_au" AFTER UPDATE ON "training_delegate" BEGIN
  INSERT INTO "training_delegate_fts" ("training_delegate_fts", rowid, "name", "email", "job_title") VALUES('delete', old.rowid, old."name", old."email", old."job_title");
  INSERT INTO "training_delegate_fts" (rowid, "name", "email", "job_title") VALUES (new.rowid, new."name", new."email", new."job_title");
END;
