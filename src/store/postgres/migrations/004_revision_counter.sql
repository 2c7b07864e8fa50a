-- Version 4: revisions never repeat, even for a person who gets the id of a deleted one: every
-- raise takes the next value of one sequence (nextval never blocks other writers). And the day
-- each person's goals were last checked for slips.
ALTER TABLE people ADD COLUMN slips_checked BIGINT NOT NULL DEFAULT 0;

CREATE SEQUENCE people_revision_seq;
SELECT setval('people_revision_seq', COALESCE((SELECT MAX(revision) FROM people), 0) + 1);
ALTER TABLE people ALTER COLUMN revision SET DEFAULT nextval('people_revision_seq');

CREATE OR REPLACE FUNCTION headway_touch_person() RETURNS trigger LANGUAGE plpgsql AS $$
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
    UPDATE people SET revision = nextval('people_revision_seq') WHERE id = owner;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION headway_touch_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := nextval('people_revision_seq');
  RETURN NEW;
END
$$;
