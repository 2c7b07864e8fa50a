-- Headway schema, version 1. Dates are local calendar days as days since 1970-01-01;
-- instants are seconds since the Unix epoch, UTC.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL,
  work_hours TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE person_values (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  custom INTEGER NOT NULL,
  rank INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  UNIQUE (person_id, name)
);

CREATE TABLE motivations (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  driver TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, driver)
);

CREATE TABLE catalysts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  date INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX catalysts_person ON catalysts(person_id, date);

CREATE TABLE boundaries (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  params TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE INDEX boundaries_person ON boundaries(person_id);

CREATE TABLE goals (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  wish TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  obstacle TEXT NOT NULL DEFAULT '',
  barrier TEXT,
  if_cue TEXT NOT NULL DEFAULT '',
  then_action TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL,
  boundary_id INTEGER REFERENCES boundaries(id) ON DELETE SET NULL,
  start_date INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX goals_person ON goals(person_id);

CREATE TABLE goal_values (
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  value_id INTEGER NOT NULL REFERENCES person_values(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (goal_id, value_id)
);

CREATE TABLE goal_stages (
  id INTEGER PRIMARY KEY,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  answer TEXT,
  reason TEXT NOT NULL,
  date INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX goal_stages_goal ON goal_stages(goal_id, date);

CREATE TABLE completions (
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  date INTEGER NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (goal_id, date)
);

CREATE TABLE checkins (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  date INTEGER NOT NULL,
  off INTEGER NOT NULL,
  start_minute INTEGER,
  end_minute INTEGER,
  worked_minutes INTEGER NOT NULL,
  after_hours INTEGER,
  break_minutes INTEGER,
  stress INTEGER NOT NULL CHECK (stress BETWEEN 1 AND 5),
  energy INTEGER NOT NULL CHECK (energy BETWEEN 1 AND 5),
  progress INTEGER NOT NULL,
  setback INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, date)
);

CREATE TABLE wins (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  value_id INTEGER REFERENCES person_values(id) ON DELETE SET NULL,
  size TEXT NOT NULL,
  date INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX wins_person_date ON wins(person_id, date);

CREATE TABLE reflections (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  week INTEGER NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, week)
);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  instrument_id TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  date INTEGER NOT NULL,
  answers TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX assessments_person ON assessments(person_id, date);

CREATE TABLE assessment_scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  scale TEXT NOT NULL,
  score REAL NOT NULL,
  band TEXT NOT NULL,
  lowest_band INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, position)
);
