-- Version 6: the calendar feed, one per person. Its URL carries a secret token, stored only as
-- hex SHA-256; a new token replaces the row's hash, so the old URL stops working at once.
-- reminder is the daily check-in reminder in minutes after local midnight (1050 = 17:30).
CREATE TABLE calendar_feeds (
  person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  reminder INTEGER NOT NULL DEFAULT 1050 CHECK (reminder BETWEEN 0 AND 1439)
);

CREATE TRIGGER calendar_feeds_insert_revision AFTER INSERT ON calendar_feeds BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER calendar_feeds_update_revision AFTER UPDATE ON calendar_feeds BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = NEW.person_id; END;
CREATE TRIGGER calendar_feeds_delete_revision AFTER DELETE ON calendar_feeds BEGIN UPDATE revision_counter SET value = value + 1 WHERE id = 1; UPDATE people SET revision = (SELECT value FROM revision_counter WHERE id = 1) WHERE id = OLD.person_id; END;
