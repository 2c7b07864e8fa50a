-- Version 5: evidence from outside Headway. A source is one imported calendar or activity
-- tracker per person and name; re-importing it replaces its rows. Instants are UTC seconds;
-- covered_from/covered_to are the local days the import window covers.
CREATE TABLE evidence_sources (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('calendar', 'activity')),
  name TEXT NOT NULL,
  imported_at BIGINT NOT NULL,
  covered_from BIGINT NOT NULL,
  covered_to BIGINT NOT NULL,
  items BIGINT NOT NULL DEFAULT 0,
  UNIQUE (person_id, kind, name)
);

-- One row per occurrence after recurrence expansion; (uid, recurrence_id) names it across imports.
CREATE TABLE calendar_events (
  id BIGINT PRIMARY KEY,
  source_id BIGINT NOT NULL REFERENCES evidence_sources(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  uid TEXT NOT NULL,
  recurrence_id BIGINT NOT NULL,
  start BIGINT NOT NULL,
  end_ BIGINT NOT NULL,
  all_day BIGINT NOT NULL,
  transparent BIGINT NOT NULL,
  declined BIGINT NOT NULL,
  meeting BIGINT NOT NULL,
  title TEXT,
  UNIQUE (source_id, uid, recurrence_id)
);
CREATE INDEX calendar_events_person ON calendar_events(person_id, start);

CREATE TABLE activity_spans (
  id BIGINT PRIMARY KEY,
  source_id BIGINT NOT NULL REFERENCES evidence_sources(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  start BIGINT NOT NULL,
  end_ BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('active', 'afk')),
  label TEXT
);
CREATE INDEX activity_spans_person ON activity_spans(person_id, start);
CREATE INDEX activity_spans_source ON activity_spans(source_id);

CREATE SEQUENCE evidence_sources_id_seq;
CREATE TRIGGER evidence_sources_fill_id BEFORE INSERT ON evidence_sources FOR EACH ROW EXECUTE FUNCTION headway_fill_id('evidence_sources_id_seq');
CREATE TRIGGER evidence_sources_revision AFTER INSERT OR UPDATE OR DELETE ON evidence_sources FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE SEQUENCE calendar_events_id_seq;
CREATE TRIGGER calendar_events_fill_id BEFORE INSERT ON calendar_events FOR EACH ROW EXECUTE FUNCTION headway_fill_id('calendar_events_id_seq');
CREATE TRIGGER calendar_events_revision AFTER INSERT OR UPDATE OR DELETE ON calendar_events FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE SEQUENCE activity_spans_id_seq;
CREATE TRIGGER activity_spans_fill_id BEFORE INSERT ON activity_spans FOR EACH ROW EXECUTE FUNCTION headway_fill_id('activity_spans_id_seq');
CREATE TRIGGER activity_spans_revision AFTER INSERT OR UPDATE OR DELETE ON activity_spans FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
