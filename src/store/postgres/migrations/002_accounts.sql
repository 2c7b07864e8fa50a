-- Version 2: accounts for `headway serve`. Secrets are stored only as hashes: argon2id strings
-- for passwords, hex SHA-256 for session, API and invite tokens.
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  admin BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE api_tokens (
  id BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL DEFAULT 0,
  revoked_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_account ON api_tokens(account_id);

CREATE TABLE invites (
  id BIGINT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  count BIGINT NOT NULL
);

CREATE SEQUENCE accounts_id_seq;
CREATE TRIGGER accounts_fill_id BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION headway_fill_id('accounts_id_seq');
CREATE SEQUENCE api_tokens_id_seq;
CREATE TRIGGER api_tokens_fill_id BEFORE INSERT ON api_tokens FOR EACH ROW EXECUTE FUNCTION headway_fill_id('api_tokens_id_seq');
CREATE SEQUENCE invites_id_seq;
CREATE TRIGGER invites_fill_id BEFORE INSERT ON invites FOR EACH ROW EXECUTE FUNCTION headway_fill_id('invites_id_seq');
