-- Version 6: the calendar feed, one per person. Its URL carries a secret token, stored only as
-- hex SHA-256; a new token replaces the row's hash, so the old URL stops working at once.
-- reminder is the daily check-in reminder in minutes after local midnight (1050 = 17:30).
CREATE TABLE calendar_feeds (
  person_id BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  reminder BIGINT NOT NULL DEFAULT 1050 CHECK (reminder BETWEEN 0 AND 1439)
);

CREATE TRIGGER calendar_feeds_revision AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds FOR EACH ROW EXECUTE FUNCTION headway_touch_person('person');
