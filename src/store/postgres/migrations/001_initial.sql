-- Headway schema for PostgreSQL, version 1. It mirrors the SQLite schema column for column. Dates are local calendar days as days since 1970-01-01;
-- instants are seconds since the Unix epoch, UTC.
-- Ids come from a sequence per table. A row inserted with a NULL id gets the next value; a row
-- inserted with an explicit id (import, db copy) moves the sequence past it.
CREATE FUNCTION headway_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(TG_ARGV[0]::regclass);
  ELSE
    PERFORM setval(TG_ARGV[0]::regclass,
                   GREATEST(NEW.id, COALESCE(pg_sequence_last_value(TG_ARGV[0]::regclass), 0)));
  END IF;
  RETURN NEW;
END
$$;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE people (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL,
  work_hours TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE person_values (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  custom BIGINT NOT NULL,
  rank BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  UNIQUE (person_id, name)
);

CREATE TABLE motivations (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  driver TEXT NOT NULL,
  rating BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (person_id, driver)
);

CREATE TABLE catalysts (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  date BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX catalysts_person ON catalysts(person_id, date);

CREATE TABLE boundaries (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  params TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  active BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE INDEX boundaries_person ON boundaries(person_id);

CREATE TABLE goals (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  wish TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  obstacle TEXT NOT NULL DEFAULT '',
  barrier TEXT,
  if_cue TEXT NOT NULL DEFAULT '',
  then_action TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL,
  boundary_id BIGINT REFERENCES boundaries(id) ON DELETE SET NULL,
  start_date BIGINT NOT NULL,
  archived BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX goals_person ON goals(person_id);

CREATE TABLE goal_values (
  goal_id BIGINT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  value_id BIGINT NOT NULL REFERENCES person_values(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  PRIMARY KEY (goal_id, value_id)
);

CREATE TABLE goal_stages (
  id BIGINT PRIMARY KEY,
  goal_id BIGINT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  answer TEXT,
  reason TEXT NOT NULL,
  date BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX goal_stages_goal ON goal_stages(goal_id, date);

CREATE TABLE completions (
  goal_id BIGINT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  date BIGINT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (goal_id, date)
);

CREATE TABLE checkins (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  date BIGINT NOT NULL,
  off BIGINT NOT NULL,
  start_minute BIGINT,
  end_minute BIGINT,
  worked_minutes BIGINT NOT NULL,
  after_hours BIGINT,
  break_minutes BIGINT,
  stress BIGINT NOT NULL CHECK (stress BETWEEN 1 AND 5),
  energy BIGINT NOT NULL CHECK (energy BETWEEN 1 AND 5),
  progress BIGINT NOT NULL,
  setback BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (person_id, date)
);

CREATE TABLE wins (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  goal_id BIGINT REFERENCES goals(id) ON DELETE SET NULL,
  value_id BIGINT REFERENCES person_values(id) ON DELETE SET NULL,
  size TEXT NOT NULL,
  date BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX wins_person_date ON wins(person_id, date);

CREATE TABLE reflections (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  week BIGINT NOT NULL,
  score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (person_id, week)
);

CREATE TABLE assessments (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  instrument_id TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  date BIGINT NOT NULL,
  answers TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX assessments_person ON assessments(person_id, date);

CREATE TABLE assessment_scores (
  assessment_id BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  scale TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  band TEXT NOT NULL,
  lowest_band BIGINT NOT NULL,
  PRIMARY KEY (assessment_id, position)
);

CREATE SEQUENCE people_id_seq;
CREATE TRIGGER people_fill_id BEFORE INSERT ON people FOR EACH ROW EXECUTE FUNCTION headway_fill_id('people_id_seq');
CREATE SEQUENCE person_values_id_seq;
CREATE TRIGGER person_values_fill_id BEFORE INSERT ON person_values FOR EACH ROW EXECUTE FUNCTION headway_fill_id('person_values_id_seq');
CREATE SEQUENCE catalysts_id_seq;
CREATE TRIGGER catalysts_fill_id BEFORE INSERT ON catalysts FOR EACH ROW EXECUTE FUNCTION headway_fill_id('catalysts_id_seq');
CREATE SEQUENCE boundaries_id_seq;
CREATE TRIGGER boundaries_fill_id BEFORE INSERT ON boundaries FOR EACH ROW EXECUTE FUNCTION headway_fill_id('boundaries_id_seq');
CREATE SEQUENCE goals_id_seq;
CREATE TRIGGER goals_fill_id BEFORE INSERT ON goals FOR EACH ROW EXECUTE FUNCTION headway_fill_id('goals_id_seq');
CREATE SEQUENCE goal_stages_id_seq;
CREATE TRIGGER goal_stages_fill_id BEFORE INSERT ON goal_stages FOR EACH ROW EXECUTE FUNCTION headway_fill_id('goal_stages_id_seq');
CREATE SEQUENCE wins_id_seq;
CREATE TRIGGER wins_fill_id BEFORE INSERT ON wins FOR EACH ROW EXECUTE FUNCTION headway_fill_id('wins_id_seq');
CREATE SEQUENCE assessments_id_seq;
CREATE TRIGGER assessments_fill_id BEFORE INSERT ON assessments FOR EACH ROW EXECUTE FUNCTION headway_fill_id('assessments_id_seq');
