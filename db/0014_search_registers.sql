-- SG Desk board file, schema version 14: search everywhere finds the registers added since version 8: the
-- action log (reference and text), the risk register (title, description and controls), business plan
-- objectives (priority and outcome) and performance indicators (name and definition). Each index is built
-- exactly as sqlite-utils' enable_fts(columns, create_triggers=True) builds it; written by
-- build_scripts/search_index_sql.py.

-- search everywhere: action records (board_action)
CREATE VIRTUAL TABLE "board_action_fts" USING FTS5 (
    "reference", "text",
    content="board_action"
);
INSERT INTO "board_action_fts" (rowid, "reference", "text")
    SELECT rowid, "reference", "text" FROM "board_action";
CREATE TRIGGER "board_action_ai" AFTER INSERT ON "board_action" BEGIN
  INSERT INTO "board_action_fts" (rowid, "reference", "text") VALUES (new.rowid, new."reference", new."text");
END;
CREATE TRIGGER "board_action_ad" AFTER DELETE ON "board_action" BEGIN
  INSERT INTO "board_action_fts" ("board_action_fts", rowid, "reference", "text") VALUES('delete', old.rowid, old."reference", old."text");
END;
CREATE TRIGGER "board_action_au" AFTER UPDATE ON "board_action" BEGIN
  INSERT INTO "board_action_fts" ("board_action_fts", rowid, "reference", "text") VALUES('delete', old.rowid, old."reference", old."text");
  INSERT INTO "board_action_fts" (rowid, "reference", "text") VALUES (new.rowid, new."reference", new."text");
END;

-- search everywhere: risk records (risk)
CREATE VIRTUAL TABLE "risk_fts" USING FTS5 (
    "title", "description", "controls",
    content="risk"
);
INSERT INTO "risk_fts" (rowid, "title", "description", "controls")
    SELECT rowid, "title", "description", "controls" FROM "risk";
CREATE TRIGGER "risk_ai" AFTER INSERT ON "risk" BEGIN
  INSERT INTO "risk_fts" (rowid, "title", "description", "controls") VALUES (new.rowid, new."title", new."description", new."controls");
END;
CREATE TRIGGER "risk_ad" AFTER DELETE ON "risk" BEGIN
  INSERT INTO "risk_fts" ("risk_fts", rowid, "title", "description", "controls") VALUES('delete', old.rowid, old."title", old."description", old."controls");
END;
CREATE TRIGGER "risk_au" AFTER UPDATE ON "risk" BEGIN
  INSERT INTO "risk_fts" ("risk_fts", rowid, "title", "description", "controls") VALUES('delete', old.rowid, old."title", old."description", old."controls");
  INSERT INTO "risk_fts" (rowid, "title", "description", "controls") VALUES (new.rowid, new."title", new."description", new."controls");
END;

-- search everywhere: business plan objective records (plan_objective)
CREATE VIRTUAL TABLE "plan_objective_fts" USING FTS5 (
    "priority", "outcome",
    content="plan_objective"
);
INSERT INTO "plan_objective_fts" (rowid, "priority", "outcome")
    SELECT rowid, "priority", "outcome" FROM "plan_objective";
CREATE TRIGGER "plan_objective_ai" AFTER INSERT ON "plan_objective" BEGIN
  INSERT INTO "plan_objective_fts" (rowid, "priority", "outcome") VALUES (new.rowid, new."priority", new."outcome");
END;
CREATE TRIGGER "plan_objective_ad" AFTER DELETE ON "plan_objective" BEGIN
  INSERT INTO "plan_objective_fts" ("plan_objective_fts", rowid, "priority", "outcome") VALUES('delete', old.rowid, old."priority", old."outcome");
END;
CREATE TRIGGER "plan_objective_au" AFTER UPDATE ON "plan_objective" BEGIN
  INSERT INTO "plan_objective_fts" ("plan_objective_fts", rowid, "priority", "outcome") VALUES('delete', old.rowid, old."priority", old."outcome");
  INSERT INTO "plan_objective_fts" (rowid, "priority", "outcome") VALUES (new.rowid, new."priority", new."outcome");
END;

-- search everywhere: indicator records (indicator)
CREATE VIRTUAL TABLE "indicator_fts" USING FTS5 (
    "name", "definition",
    content="indicator"
);
INSERT INTO "indicator_fts" (rowid, "name", "definition")
    SELECT rowid, "name", "definition" FROM "indicator";
CREATE TRIGGER "indicator_ai" AFTER INSERT ON "indicator" BEGIN
  INSERT INTO "indicator_fts" (rowid, "name", "definition") VALUES (new.rowid, new."name", new."definition");
END;
CREATE TRIGGER "indicator_ad" AFTER DELETE ON "indicator" BEGIN
  INSERT INTO "indicator_fts" ("indicator_fts", rowid, "name", "definition") VALUES('delete', old.rowid, old."name", old."definition");
END;
CREATE TRIGGER "indicator_au" AFTER UPDATE ON "indicator" BEGIN
  INSERT INTO "indicator_fts" ("indicator_fts", rowid, "name", "definition") VALUES('delete', old.rowid, old."name", old."definition");
  INSERT INTO "indicator_fts" (rowid, "name", "definition") VALUES (new.rowid, new."name", new."definition");
END;
