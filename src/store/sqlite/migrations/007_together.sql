-- Version 7: the social side. A member's support network; grants that let a partner or coach
-- read chosen scopes; circles with invite codes, shared wins and kudos; pledges and their
-- signatures; in-app notifications; conversation plans and coaches' comments. Codes are kept
-- only as SHA-256 hashes. Instants are UTC seconds; 0 means "not yet".
CREATE TABLE supporters (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('family', 'friend', 'colleague', 'manager', 'coach', 'partner')),
  kinds INTEGER NOT NULL CHECK (kinds > 0),
  linked_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX supporters_person ON supporters(person_id);

CREATE TABLE grants (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  grantee_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
  grantee_email TEXT NOT NULL,
  code_hash TEXT UNIQUE,
  scopes INTEGER NOT NULL CHECK (scopes > 0),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER NOT NULL DEFAULT 0,
  accepted_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX grants_owner ON grants(owner_id);
CREATE INDEX grants_grantee ON grants(grantee_id);
CREATE INDEX grants_email ON grants(grantee_email);

CREATE TABLE grant_accesses (
  id INTEGER PRIMARY KEY,
  grant_id INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  grantee_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  what TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX grant_accesses_owner ON grant_accesses(owner_id, at);

CREATE TABLE circles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);

CREATE TABLE circle_members (
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (circle_id, person_id)
);
CREATE INDEX circle_members_person ON circle_members(person_id);

CREATE TABLE circle_invites (
  id INTEGER PRIMARY KEY,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE win_shares (
  win_id INTEGER NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  shared_at INTEGER NOT NULL,
  PRIMARY KEY (win_id, circle_id)
);
CREATE INDEX win_shares_feed ON win_shares(circle_id, shared_at, win_id);
CREATE INDEX win_shares_person ON win_shares(person_id, circle_id);

CREATE TABLE kudos (
  id INTEGER PRIMARY KEY,
  win_id INTEGER NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
  from_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  circle_id INTEGER REFERENCES circles(id) ON DELETE CASCADE,
  emoji TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX kudos_win ON kudos(win_id, created_at);

CREATE TABLE pledges (
  id INTEGER PRIMARY KEY,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  threshold INTEGER NOT NULL CHECK (threshold >= 2),
  deadline INTEGER NOT NULL,
  boundary_type TEXT,
  status TEXT NOT NULL CHECK (status IN ('collecting', 'active', 'expired')),
  lock_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  activated_at INTEGER NOT NULL DEFAULT 0,
  expired_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pledges_circle ON pledges(circle_id, created_at);
CREATE INDEX pledges_collecting ON pledges(status, deadline);

CREATE TABLE pledge_signatures (
  pledge_id INTEGER NOT NULL REFERENCES pledges(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  signed_at INTEGER NOT NULL,
  PRIMARY KEY (pledge_id, person_id)
);
CREATE INDEX pledge_signatures_person ON pledge_signatures(person_id);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  object_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_person ON notifications(person_id, id);

CREATE TABLE conversation_plans (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  situation TEXT NOT NULL,
  need TEXT NOT NULL,
  proposal TEXT NOT NULL,
  trial_period TEXT NOT NULL,
  offer TEXT NOT NULL,
  fallback TEXT NOT NULL,
  objections TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX conversation_plans_person ON conversation_plans(person_id);

CREATE TABLE plan_comments (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES conversation_plans(id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX plan_comments_plan ON plan_comments(plan_id, created_at);
