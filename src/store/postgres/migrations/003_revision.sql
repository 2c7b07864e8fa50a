-- Version 3: a revision per person, raised by every change to what the person owns, so derived
-- views (the weekly report) can be cached and revalidated with one indexed read.
ALTER TABLE people ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION headway_touch_person() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner BIGINT;
  row_data RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_ARGV[0] = 'goal' THEN
    SELECT person_id INTO owner FROM goals WHERE id = row_data.goal_id;
  ELSE
    owner := row_data.person_id;
  END IF;
  IF owner IS NOT NULL THEN
    UPDATE people SET revision = revision + 1 WHERE id = owner;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION headway_touch_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := OLD.revision + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER person_values_revision AFTER INSERT OR UPDATE OR DELETE ON person_values FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER motivations_revision AFTER INSERT OR UPDATE OR DELETE ON motivations FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER catalysts_revision AFTER INSERT OR UPDATE OR DELETE ON catalysts FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER boundaries_revision AFTER INSERT OR UPDATE OR DELETE ON boundaries FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER goals_revision AFTER INSERT OR UPDATE OR DELETE ON goals FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER checkins_revision AFTER INSERT OR UPDATE OR DELETE ON checkins FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER wins_revision AFTER INSERT OR UPDATE OR DELETE ON wins FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER reflections_revision AFTER INSERT OR UPDATE OR DELETE ON reflections FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER assessments_revision AFTER INSERT OR UPDATE OR DELETE ON assessments FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
CREATE TRIGGER goal_stages_revision AFTER INSERT OR UPDATE OR DELETE ON goal_stages FOR EACH ROW EXECUTE FUNCTION headway_touch_person('goal');
CREATE TRIGGER completions_revision AFTER INSERT OR UPDATE OR DELETE ON completions FOR EACH ROW EXECUTE FUNCTION headway_touch_person('goal');
CREATE TRIGGER goal_values_revision AFTER INSERT OR UPDATE OR DELETE ON goal_values FOR EACH ROW EXECUTE FUNCTION headway_touch_person('goal');
CREATE TRIGGER people_profile_revision BEFORE UPDATE OF name, email, timezone, work_hours ON people FOR EACH ROW EXECUTE FUNCTION headway_touch_profile();
