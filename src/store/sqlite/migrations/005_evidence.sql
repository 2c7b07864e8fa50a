-- Version 5: evidence from outside Headway. A source is one imported calendar or activity
-- tracker per person and name; re-importing it replaces its rows. Instants are UTC seconds;
-- covered_from/covered_to are the local days the import window covers.
CREATE TABLE evidence_sources (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('calendar', 'activity')),
  name TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  covered_from INTEGER NOT NULL,
  covered_to INTEGER NOT NULL,
  items INTEGER NOT NULL DEFAULT 0,
  UNIQUE (person_id, kind, name)
);

-- One row per occurrence after recurrence expansion; (uid, recurrence_id) names it across imports.
CREATE TABLE calendar_events (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES evidence_sources(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  uid TEXT NOT NULL,
  recurrence_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end_ INTEGER NOT NULL,
  all_day INTEGER NOT NULL,
  transparent INTEGER NOT NULL,
  declined INTEGER NOT NULL,
  meeting INTEGER NOT NULL,
  title TEXT,
  UNIQUE (source_id, uid, recurrence_id)
);
CREATE INDEX calendar_events_person ON calendar_events(person_id, start);

CREATE TABLE activity_spans (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES evidence_sources(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end_ INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('active', 'afk')),
  label TEXT
);
CREATE INDEX activity_spans_person ON activity_spans(person_id, start);
CREATE INDEX activity_spans_source ON activity_spans(source_id);

CREATE TRIGGER evidence_sources_insert_revision AFTER INSERT ON evidence_sources BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER evidence_sources_update_revision AFTER UPDATE ON evidence_sources BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER evidence_sources_delete_revision AFTER DELETE ON evidence_sources BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = OLD.person_id; END;
CREATE TRIGGER calendar_events_insert_revision AFTER INSERT ON calendar_events BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER calendar_events_update_revision AFTER UPDATE ON calendar_events BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER calendar_events_delete_revision AFTER DELETE ON calendar_events BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = OLD.person_id; END;
CREATE TRIGGER activity_spans_insert_revision AFTER INSERT ON activity_spans BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER activity_spans_update_revision AFTER UPDATE ON activity_spans BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER activity_spans_delete_revision AFTER DELETE ON activity_spans BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = OLD.person_id; END;
