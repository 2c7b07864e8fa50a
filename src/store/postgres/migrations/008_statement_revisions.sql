-- Version 8: calendar occurrences and activity spans raise their person's revision once per
-- statement instead of once per row. An import writes thousands of rows in one transaction, and
-- a row trigger updated the same people row once for each, which made the import slower with
-- every row (11,270 occurrences: 3.97 s with row triggers, 0.13 s with statement triggers).
DROP TRIGGER calendar_events_revision ON calendar_events;
DROP TRIGGER activity_spans_revision ON activity_spans;

CREATE FUNCTION headway_touch_people_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE people SET revision = nextval('people_revision_seq') WHERE id IN (SELECT DISTINCT person_id FROM old_rows);
  ELSE
    UPDATE people SET revision = nextval('people_revision_seq') WHERE id IN (SELECT DISTINCT person_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER calendar_events_revision_insert AFTER INSERT ON calendar_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION headway_touch_people_of_rows();
CREATE TRIGGER calendar_events_revision_update AFTER UPDATE ON calendar_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION headway_touch_people_of_rows();
CREATE TRIGGER calendar_events_revision_delete AFTER DELETE ON calendar_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION headway_touch_people_of_rows();
CREATE TRIGGER activity_spans_revision_insert AFTER INSERT ON activity_spans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION headway_touch_people_of_rows();
CREATE TRIGGER activity_spans_revision_update AFTER UPDATE ON activity_spans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION headway_touch_people_of_rows();
CREATE TRIGGER activity_spans_revision_delete AFTER DELETE ON activity_spans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION headway_touch_people_of_rows();
