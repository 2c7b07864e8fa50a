-- Version 7: the social side. A member's support network; grants that let a partner or coach
-- read chosen scopes; circles with invite codes, shared wins and kudos; pledges and their
-- signatures; in-app notifications; conversation plans and coaches' comments. Codes are kept
-- only as SHA-256 hashes. Instants are UTC seconds; 0 means "not yet".
CREATE TABLE supporters (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('family', 'friend', 'colleague', 'manager', 'coach', 'partner')),
  kinds BIGINT NOT NULL CHECK (kinds > 0),
  linked_person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX supporters_person ON supporters(person_id);

CREATE TABLE grants (
  id BIGINT PRIMARY KEY,
  owner_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  grantee_id BIGINT REFERENCES people(id) ON DELETE CASCADE,
  grantee_email TEXT NOT NULL,
  code_hash TEXT UNIQUE,
  scopes BIGINT NOT NULL CHECK (scopes > 0),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT NOT NULL DEFAULT 0,
  accepted_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX grants_owner ON grants(owner_id);
CREATE INDEX grants_grantee ON grants(grantee_id);
CREATE INDEX grants_email ON grants(grantee_email);

CREATE TABLE grant_accesses (
  id BIGINT PRIMARY KEY,
  grant_id BIGINT NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
  owner_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  grantee_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  what TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX grant_accesses_owner ON grant_accesses(owner_id, at);

CREATE TABLE circles (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);

CREATE TABLE circle_members (
  circle_id BIGINT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (circle_id, person_id)
);
CREATE INDEX circle_members_person ON circle_members(person_id);

CREATE TABLE circle_invites (
  id BIGINT PRIMARY KEY,
  circle_id BIGINT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  created_by BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE win_shares (
  win_id BIGINT NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
  circle_id BIGINT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  shared_at BIGINT NOT NULL,
  PRIMARY KEY (win_id, circle_id)
);
CREATE INDEX win_shares_feed ON win_shares(circle_id, shared_at, win_id);
CREATE INDEX win_shares_person ON win_shares(person_id, circle_id);

CREATE TABLE kudos (
  id BIGINT PRIMARY KEY,
  win_id BIGINT NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
  from_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  circle_id BIGINT REFERENCES circles(id) ON DELETE CASCADE,
  emoji TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX kudos_win ON kudos(win_id, created_at);

CREATE TABLE pledges (
  id BIGINT PRIMARY KEY,
  circle_id BIGINT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  threshold BIGINT NOT NULL CHECK (threshold >= 2),
  deadline BIGINT NOT NULL,
  boundary_type TEXT,
  status TEXT NOT NULL CHECK (status IN ('collecting', 'active', 'expired')),
  lock_version BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  activated_at BIGINT NOT NULL DEFAULT 0,
  expired_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX pledges_circle ON pledges(circle_id, created_at);
CREATE INDEX pledges_collecting ON pledges(status, deadline);

CREATE TABLE pledge_signatures (
  pledge_id BIGINT NOT NULL REFERENCES pledges(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  signed_at BIGINT NOT NULL,
  PRIMARY KEY (pledge_id, person_id)
);
CREATE INDEX pledge_signatures_person ON pledge_signatures(person_id);

CREATE TABLE notifications (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  object_id BIGINT NOT NULL,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notifications_person ON notifications(person_id, id);

CREATE TABLE conversation_plans (
  id BIGINT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  goal_id BIGINT REFERENCES goals(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  situation TEXT NOT NULL,
  need TEXT NOT NULL,
  proposal TEXT NOT NULL,
  trial_period TEXT NOT NULL,
  offer TEXT NOT NULL,
  fallback TEXT NOT NULL,
  objections TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX conversation_plans_person ON conversation_plans(person_id);

CREATE TABLE plan_comments (
  id BIGINT PRIMARY KEY,
  plan_id BIGINT NOT NULL REFERENCES conversation_plans(id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX plan_comments_plan ON plan_comments(plan_id, created_at);

CREATE SEQUENCE supporters_id_seq;
CREATE TRIGGER supporters_fill_id BEFORE INSERT ON supporters FOR EACH ROW EXECUTE FUNCTION headway_fill_id('supporters_id_seq');
CREATE SEQUENCE grants_id_seq;
CREATE TRIGGER grants_fill_id BEFORE INSERT ON grants FOR EACH ROW EXECUTE FUNCTION headway_fill_id('grants_id_seq');
CREATE SEQUENCE grant_accesses_id_seq;
CREATE TRIGGER grant_accesses_fill_id BEFORE INSERT ON grant_accesses FOR EACH ROW EXECUTE FUNCTION headway_fill_id('grant_accesses_id_seq');
CREATE SEQUENCE circles_id_seq;
CREATE TRIGGER circles_fill_id BEFORE INSERT ON circles FOR EACH ROW EXECUTE FUNCTION headway_fill_id('circles_id_seq');
CREATE SEQUENCE circle_invites_id_seq;
CREATE TRIGGER circle_invites_fill_id BEFORE INSERT ON circle_invites FOR EACH ROW EXECUTE FUNCTION headway_fill_id('circle_invites_id_seq');
CREATE SEQUENCE kudos_id_seq;
CREATE TRIGGER kudos_fill_id BEFORE INSERT ON kudos FOR EACH ROW EXECUTE FUNCTION headway_fill_id('kudos_id_seq');
CREATE SEQUENCE pledges_id_seq;
CREATE TRIGGER pledges_fill_id BEFORE INSERT ON pledges FOR EACH ROW EXECUTE FUNCTION headway_fill_id('pledges_id_seq');
CREATE SEQUENCE notifications_id_seq;
CREATE TRIGGER notifications_fill_id BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION headway_fill_id('notifications_id_seq');
CREATE SEQUENCE conversation_plans_id_seq;
CREATE TRIGGER conversation_plans_fill_id BEFORE INSERT ON conversation_plans FOR EACH ROW EXECUTE FUNCTION headway_fill_id('conversation_plans_id_seq');
CREATE SEQUENCE plan_comments_id_seq;
CREATE TRIGGER plan_comments_fill_id BEFORE INSERT ON plan_comments FOR EACH ROW EXECUTE FUNCTION headway_fill_id('plan_comments_id_seq');
