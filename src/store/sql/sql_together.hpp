#pragma once
// The social part of the repository (store/together.hpp) in portable SQL for every backend.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/together.hpp"

namespace headway::store::sql {

template <typename Conn>
class TogetherRepo final : public Together {
  using Statement = typename Conn::Statement;

 public:
  explicit TogetherRepo(Conn& c) : c_(c) {}

  // --- support network ------------------------------------------------------------------------
  Result<Id> insert_supporter(const core::Supporter& s) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO supporters (id, person_id, name, relation, kinds, linked_person_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, s.id);
    st.bind(2, s.person_id).bind(3, s.name).bind(4, core::to_string(s.relation)).bind(5, static_cast<int64_t>(s.kinds));
    st.bind(6, s.linked_person).bind(7, s.created_at);
    return returned_id(st);
  }
  Result<bool> update_supporter(const core::Supporter& s) override {
    auto st = HW_TRY(c_.prepare(
        "UPDATE supporters SET name = ?, relation = ?, kinds = ?, linked_person_id = ? WHERE person_id = ? AND id = ?"));
    st.bind(1, s.name).bind(2, core::to_string(s.relation)).bind(3, static_cast<int64_t>(s.kinds)).bind(4, s.linked_person);
    HW_CHECK(st.bind(5, s.person_id).bind(6, s.id).run());
    return st.changes() > 0;
  }
  Result<bool> delete_supporter(Id person, Id id) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM supporters WHERE person_id = ? AND id = ?"));
    HW_CHECK(st.bind(1, person).bind(2, id).run());
    return st.changes() > 0;
  }
  Result<std::vector<core::Supporter>> list_supporters(Id person) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, person_id, name, relation, kinds, linked_person_id, created_at FROM supporters "
        "WHERE person_id = ? ORDER BY id"));
    st.bind(1, person);
    std::vector<core::Supporter> out;
    while (HW_TRY(st.step())) {
      core::Supporter s;
      s.id = st.i64(0);
      s.person_id = st.i64(1);
      s.name = st.text(2);
      const auto rel = core::parse_relation(st.text(3));
      if (!rel) return fail(ErrorCode::corrupt, "stored supporter relation is unreadable");
      s.relation = *rel;
      s.kinds = static_cast<unsigned>(st.i64(4));
      s.linked_person = st.opt_i64(5);
      s.created_at = st.i64(6);
      out.push_back(std::move(s));
    }
    return out;
  }

  // --- grants -------------------------------------------------------------------------------
  Result<Id> insert_grant(const core::Grant& g) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO grants (id, owner_id, grantee_id, grantee_email, code_hash, scopes, created_at, expires_at, "
        "revoked_at, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, g.id);
    st.bind(2, g.owner_id).bind(3, g.grantee_id).bind(4, g.grantee_email);
    if (g.code_hash.empty()) st.bind_null(5); else st.bind(5, g.code_hash);
    st.bind(6, static_cast<int64_t>(g.scopes.bits)).bind(7, g.created_at).bind(8, g.expires_at);
    st.bind(9, g.revoked_at).bind(10, g.accepted_at);
    return returned_id(st);
  }
  Result<std::optional<core::Grant>> find_grant(Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kGrant) + " WHERE g.id = ?"));
    st.bind(1, id);
    if (!HW_TRY(st.step())) return std::optional<core::Grant>();
    return std::optional<core::Grant>(read_grant(st));
  }
  Result<std::optional<core::Grant>> find_grant_by_code(const std::string& code_hash) override {
    auto st = HW_TRY(c_.prepare(std::string(kGrant) + " WHERE g.code_hash = ?"));
    st.bind(1, code_hash);
    if (!HW_TRY(st.step())) return std::optional<core::Grant>();
    return std::optional<core::Grant>(read_grant(st));
  }
  Result<std::vector<core::Grant>> list_grants_given(Id owner) override {
    auto st = HW_TRY(c_.prepare(std::string(kGrant) + " WHERE g.owner_id = ? ORDER BY g.id DESC"));
    st.bind(1, owner);
    return read_grants(st);
  }
  Result<std::vector<core::Grant>> list_grants_received(Id grantee) override {
    auto st = HW_TRY(c_.prepare(std::string(kGrant) + " WHERE g.grantee_id = ? ORDER BY g.id DESC"));
    st.bind(1, grantee);
    return read_grants(st);
  }
  Result<std::vector<Id>> claim_email_grants(Id person, const std::string& email, Instant now) override {
    std::vector<Id> ids;
    {
      auto st = HW_TRY(c_.prepare(
          "SELECT id FROM grants WHERE grantee_id IS NULL AND code_hash IS NULL AND grantee_email = ? AND owner_id <> ?"));
      st.bind(1, email).bind(2, person);
      while (HW_TRY(st.step())) ids.push_back(st.i64(0));
    }
    for (Id id : ids) {
      auto st = HW_TRY(c_.prepare("UPDATE grants SET grantee_id = ?, accepted_at = ? WHERE id = ? AND grantee_id IS NULL"));
      HW_CHECK(st.bind(1, person).bind(2, now).bind(3, id).run());
    }
    return ids;
  }
  Result<bool> update_grant(const core::Grant& g) override {
    auto st = HW_TRY(c_.prepare("UPDATE grants SET grantee_id = ?, accepted_at = ?, revoked_at = ? WHERE id = ?"));
    HW_CHECK(st.bind(1, g.grantee_id).bind(2, g.accepted_at).bind(3, g.revoked_at).bind(4, g.id).run());
    return st.changes() > 0;
  }
  Result<void> insert_grant_access(const core::GrantAccess& a) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO grant_accesses (id, grant_id, owner_id, grantee_id, scope, what, at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    bind_id(st, 1, a.id);  // 0: a new id; a copy keeps its ids
    return st.bind(2, a.grant_id).bind(3, a.owner_id).bind(4, a.grantee_id).bind(5, core::to_string(a.scope))
        .bind(6, a.what).bind(7, a.at).run();
  }
  Result<std::vector<core::GrantAccess>> list_grant_accesses(Id owner, int limit) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT a.id, a.grant_id, a.owner_id, a.grantee_id, p.name, a.scope, a.what, a.at FROM grant_accesses a "
        "JOIN people p ON p.id = a.grantee_id WHERE a.owner_id = ? ORDER BY a.at DESC, a.id DESC LIMIT ?"));
    st.bind(1, owner).bind(2, limit);
    std::vector<core::GrantAccess> out;
    while (HW_TRY(st.step())) {
      const auto scope = core::parse_scope(st.text(5));
      if (!scope) return fail(ErrorCode::corrupt, "stored grant access scope is unreadable");
      out.push_back(core::GrantAccess{st.i64(0), st.i64(1), st.i64(2), st.i64(3), st.text(4), *scope, st.text(6), st.i64(7)});
    }
    return out;
  }

  // --- circles ------------------------------------------------------------------------------
  Result<Id> insert_circle(const core::Circle& c) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO circles (id, name, purpose, owner_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, c.id);
    st.bind(2, c.name).bind(3, c.purpose).bind(4, c.owner_id).bind(5, c.created_at);
    return returned_id(st);
  }
  Result<std::optional<core::Circle>> find_circle(Id id) override {
    auto st = HW_TRY(c_.prepare("SELECT id, name, purpose, owner_id, created_at FROM circles WHERE id = ?"));
    st.bind(1, id);
    if (!HW_TRY(st.step())) return std::optional<core::Circle>();
    return std::optional<core::Circle>(core::Circle{st.i64(0), st.text(1), st.text(2), st.i64(3), st.i64(4)});
  }
  Result<std::vector<core::Circle>> list_circles_of(Id person) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT c.id, c.name, c.purpose, c.owner_id, c.created_at FROM circles c JOIN circle_members m "
        "ON m.circle_id = c.id WHERE m.person_id = ? ORDER BY c.name, c.id"));
    st.bind(1, person);
    std::vector<core::Circle> out;
    while (HW_TRY(st.step())) out.push_back(core::Circle{st.i64(0), st.text(1), st.text(2), st.i64(3), st.i64(4)});
    return out;
  }
  Result<bool> delete_circle(Id id) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM circles WHERE id = ?"));
    HW_CHECK(st.bind(1, id).run());
    return st.changes() > 0;
  }
  Result<void> set_circle_owner(Id circle, Id person) override {
    auto st = HW_TRY(c_.prepare("UPDATE circles SET owner_id = ? WHERE id = ?"));
    return st.bind(1, person).bind(2, circle).run();
  }
  Result<bool> add_circle_member(Id circle, Id person, Instant at) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO circle_members (circle_id, person_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    HW_CHECK(st.bind(1, circle).bind(2, person).bind(3, at).run());
    return st.changes() > 0;
  }
  Result<bool> remove_circle_member(Id circle, Id person) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM circle_members WHERE circle_id = ? AND person_id = ?"));
    HW_CHECK(st.bind(1, circle).bind(2, person).run());
    return st.changes() > 0;
  }
  Result<bool> is_circle_member(Id circle, Id person) override {
    auto st = HW_TRY(c_.prepare("SELECT 1 FROM circle_members WHERE circle_id = ? AND person_id = ?"));
    st.bind(1, circle).bind(2, person);
    return HW_TRY(st.step());
  }
  Result<std::vector<core::CircleMember>> list_circle_members(Id circle) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT m.circle_id, m.person_id, p.name, m.joined_at FROM circle_members m JOIN people p ON p.id = m.person_id "
        "WHERE m.circle_id = ? ORDER BY m.joined_at, m.person_id"));
    st.bind(1, circle);
    std::vector<core::CircleMember> out;
    while (HW_TRY(st.step())) out.push_back(core::CircleMember{st.i64(0), st.i64(1), st.text(2), st.i64(3)});
    return out;
  }
  Result<Id> insert_circle_invite(const core::CircleInvite& i) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO circle_invites (id, circle_id, code_hash, created_by, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, i.id);
    st.bind(2, i.circle_id).bind(3, i.code_hash).bind(4, i.created_by).bind(5, i.created_at).bind(6, i.expires_at);
    return returned_id(st);
  }
  Result<std::optional<core::CircleInvite>> find_circle_invite(const std::string& code_hash) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, circle_id, code_hash, created_by, created_at, expires_at FROM circle_invites WHERE code_hash = ?"));
    st.bind(1, code_hash);
    if (!HW_TRY(st.step())) return std::optional<core::CircleInvite>();
    return std::optional<core::CircleInvite>(
        core::CircleInvite{st.i64(0), st.i64(1), st.text(2), st.i64(3), st.i64(4), st.i64(5)});
  }

  Result<std::vector<core::CircleInvite>> list_circle_invites(Id circle) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, circle_id, code_hash, created_by, created_at, expires_at FROM circle_invites WHERE circle_id = ? ORDER BY id"));
    st.bind(1, circle);
    std::vector<core::CircleInvite> out;
    while (HW_TRY(st.step())) out.push_back(core::CircleInvite{st.i64(0), st.i64(1), st.text(2), st.i64(3), st.i64(4), st.i64(5)});
    return out;
  }

  // --- shared wins and kudos ----------------------------------------------------------------
  Result<bool> share_win(const core::WinShare& s) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO win_shares (win_id, circle_id, person_id, shared_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    HW_CHECK(st.bind(1, s.win_id).bind(2, s.circle_id).bind(3, s.person_id).bind(4, s.shared_at).run());
    return st.changes() > 0;
  }
  Result<bool> unshare_win(Id win, Id circle) override {
    {
      auto st = HW_TRY(c_.prepare("DELETE FROM kudos WHERE win_id = ? AND circle_id = ?"));
      HW_CHECK(st.bind(1, win).bind(2, circle).run());
    }
    auto st = HW_TRY(c_.prepare("DELETE FROM win_shares WHERE win_id = ? AND circle_id = ?"));
    HW_CHECK(st.bind(1, win).bind(2, circle).run());
    return st.changes() > 0;
  }
  Result<int> delete_shares_of(Id person, Id circle) override {
    {
      // Kudos given in the circle go with the shares they were given on.
      auto st = HW_TRY(c_.prepare(
          "DELETE FROM kudos WHERE circle_id = ? AND win_id IN (SELECT win_id FROM win_shares WHERE person_id = ? AND circle_id = ?)"));
      HW_CHECK(st.bind(1, circle).bind(2, person).bind(3, circle).run());
    }
    auto st = HW_TRY(c_.prepare("DELETE FROM win_shares WHERE person_id = ? AND circle_id = ?"));
    HW_CHECK(st.bind(1, person).bind(2, circle).run());
    return static_cast<int>(st.changes());
  }
  Result<std::vector<Id>> circles_of_win(Id win) override {
    auto st = HW_TRY(c_.prepare("SELECT circle_id FROM win_shares WHERE win_id = ? ORDER BY circle_id"));
    st.bind(1, win);
    std::vector<Id> out;
    while (HW_TRY(st.step())) out.push_back(st.i64(0));
    return out;
  }
  Result<Id> win_author(Id win) override {
    auto st = HW_TRY(c_.prepare("SELECT person_id FROM wins WHERE id = ?"));
    st.bind(1, win);
    if (!HW_TRY(st.step())) return Id{0};
    return st.i64(0);
  }
  Result<std::vector<core::FeedWin>> circle_feed(Id circle, std::optional<Cursor> before, int limit) override {
    static constexpr const char* kFeed =
        "SELECT s.win_id, s.person_id, p.name, w.text, w.size, w.date, s.shared_at FROM win_shares s "
        "JOIN wins w ON w.id = s.win_id JOIN people p ON p.id = s.person_id WHERE s.circle_id = ?";
    auto st = HW_TRY(c_.prepare(std::string(kFeed) +
                                (before ? " AND (s.shared_at, s.win_id) < (?, ?)" : "") +
                                " ORDER BY s.shared_at DESC, s.win_id DESC LIMIT ?"));
    int i = 1;
    st.bind(i++, circle);
    if (before) {
      // A row-value comparison, so both backends scan the (circle_id, shared_at, win_id) index
      // from the cursor on instead of filtering every newer row.
      st.bind(2, before->at).bind(3, before->id);
      i = 4;
    }
    st.bind(i, limit);
    std::vector<core::FeedWin> out;
    while (HW_TRY(st.step()))
      out.push_back(core::FeedWin{st.i64(0), st.i64(1), st.text(2), st.text(3), st.text(4), core::Date{st.i32(5)}, st.i64(6)});
    return out;
  }
  Result<Id> insert_kudos(const core::Kudos& k) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO kudos (id, win_id, from_id, circle_id, emoji, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"));
    bind_id(st, 1, k.id);
    st.bind(2, k.win_id).bind(3, k.from_id).bind(4, k.circle_id).bind(5, k.emoji).bind(6, k.message).bind(7, k.created_at);
    return returned_id(st);
  }
  Result<std::vector<core::Kudos>> list_kudos(const std::vector<Id>& wins, std::optional<Id> circle) override {
    std::vector<core::Kudos> out;
    constexpr size_t kChunk = 25;
    for (size_t at = 0; at < wins.size(); at += kChunk) {
      const size_t n = std::min(kChunk, wins.size() - at);
      std::string sql =
          "SELECT k.id, k.win_id, k.from_id, p.name, k.circle_id, k.emoji, k.message, k.created_at FROM kudos k "
          "JOIN people p ON p.id = k.from_id WHERE ";
      sql += circle ? "k.circle_id = ?" : "k.circle_id IS NULL";
      sql += " AND k.win_id IN (";
      for (size_t i = 0; i < n; ++i) sql += i ? ", ?" : "?";
      sql += ") ORDER BY k.created_at, k.id";
      auto st = HW_TRY(c_.prepare(sql));
      int i = 1;
      if (circle) st.bind(i++, *circle);
      for (size_t j = 0; j < n; ++j) st.bind(i++, wins[at + j]);
      while (HW_TRY(st.step()))
        out.push_back(core::Kudos{st.i64(0), st.i64(1), st.i64(2), st.text(3), st.opt_i64(4), st.text(5), st.text(6), st.i64(7)});
    }
    return out;
  }

  // --- pledges ------------------------------------------------------------------------------
  Result<Id> insert_pledge(const core::Pledge& p) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO pledges (id, circle_id, author_id, text, threshold, deadline, boundary_type, status, created_at, "
        "activated_at, expired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, p.id);
    st.bind(2, p.circle_id).bind(3, p.author_id).bind(4, p.text).bind(5, p.threshold).bind(6, p.deadline);
    if (p.boundary_type) st.bind(7, core::to_string(*p.boundary_type)); else st.bind_null(7);
    st.bind(8, core::to_string(p.status)).bind(9, p.created_at).bind(10, p.activated_at).bind(11, p.expired_at);
    return returned_id(st);
  }
  Result<std::optional<core::Pledge>> find_pledge(Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kPledge) + " WHERE p.id = ?"));
    st.bind(1, id);
    if (!HW_TRY(st.step())) return std::optional<core::Pledge>();
    return std::optional<core::Pledge>(HW_TRY(read_pledge(st)));
  }
  Result<std::vector<core::Pledge>> list_pledges(Id circle) override {
    auto st = HW_TRY(c_.prepare(std::string(kPledge) + " WHERE p.circle_id = ? ORDER BY p.created_at DESC, p.id DESC"));
    st.bind(1, circle);
    std::vector<core::Pledge> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_pledge(st)));
    return out;
  }
  Result<std::optional<core::Pledge>> lock_pledge(Id id) override {
    auto st = HW_TRY(c_.prepare("UPDATE pledges SET lock_version = lock_version + 1 WHERE id = ?"));
    HW_CHECK(st.bind(1, id).run());
    if (st.changes() == 0) return std::optional<core::Pledge>();
    return find_pledge(id);
  }
  Result<bool> insert_signature(Id pledge, Id person, Instant at) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO pledge_signatures (pledge_id, person_id, signed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    HW_CHECK(st.bind(1, pledge).bind(2, person).bind(3, at).run());
    return st.changes() > 0;
  }
  Result<bool> delete_signature(Id pledge, Id person) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM pledge_signatures WHERE pledge_id = ? AND person_id = ?"));
    HW_CHECK(st.bind(1, pledge).bind(2, person).run());
    return st.changes() > 0;
  }
  Result<bool> has_signed(Id pledge, Id person) override {
    auto st = HW_TRY(c_.prepare("SELECT 1 FROM pledge_signatures WHERE pledge_id = ? AND person_id = ?"));
    st.bind(1, pledge).bind(2, person);
    return HW_TRY(st.step());
  }
  Result<std::vector<Id>> list_signers(Id pledge) override {
    auto st = HW_TRY(c_.prepare("SELECT person_id FROM pledge_signatures WHERE pledge_id = ? ORDER BY signed_at, person_id"));
    st.bind(1, pledge);
    std::vector<Id> out;
    while (HW_TRY(st.step())) out.push_back(st.i64(0));
    return out;
  }
  Result<std::vector<std::pair<Id, Instant>>> list_signatures(Id pledge) override {
    auto st = HW_TRY(c_.prepare("SELECT person_id, signed_at FROM pledge_signatures WHERE pledge_id = ? ORDER BY signed_at, person_id"));
    st.bind(1, pledge);
    std::vector<std::pair<Id, Instant>> out;
    while (HW_TRY(st.step())) out.emplace_back(st.i64(0), st.i64(1));
    return out;
  }
  Result<bool> activate_pledge(Id id, Instant at) override {
    auto st = HW_TRY(c_.prepare("UPDATE pledges SET status = 'active', activated_at = ? WHERE id = ? AND status = 'collecting'"));
    HW_CHECK(st.bind(1, at).bind(2, id).run());
    return st.changes() > 0;
  }
  Result<bool> expire_pledge(Id id, Instant at) override {
    auto st = HW_TRY(c_.prepare("UPDATE pledges SET status = 'expired', expired_at = ? WHERE id = ? AND status = 'collecting'"));
    HW_CHECK(st.bind(1, at).bind(2, id).run());
    return st.changes() > 0;
  }
  Result<std::vector<Id>> due_pledges(Instant now, int limit) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id FROM pledges WHERE status = 'collecting' AND deadline <= ? ORDER BY deadline, id LIMIT ?"));
    st.bind(1, now).bind(2, limit);
    std::vector<Id> out;
    while (HW_TRY(st.step())) out.push_back(st.i64(0));
    return out;
  }
  Result<std::vector<Id>> collecting_signed(Id circle, Id person) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT p.id FROM pledges p JOIN pledge_signatures s ON s.pledge_id = p.id WHERE p.circle_id = ? AND "
        "s.person_id = ? AND p.status = 'collecting' ORDER BY p.id"));
    st.bind(1, circle).bind(2, person);
    std::vector<Id> out;
    while (HW_TRY(st.step())) out.push_back(st.i64(0));
    return out;
  }

  // --- notifications ------------------------------------------------------------------------
  Result<Id> insert_notification(const core::Notification& n) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO notifications (id, person_id, kind, object_id, text, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id"));
    bind_id(st, 1, n.id);
    st.bind(2, n.person_id).bind(3, core::to_string(n.kind)).bind(4, n.object_id).bind(5, n.text).bind(6, n.created_at);
    st.bind(7, n.read_at);
    return returned_id(st);
  }
  Result<std::vector<core::Notification>> list_notifications(Id person, std::optional<Id> before, int limit) override {
    auto st = HW_TRY(c_.prepare(
        std::string("SELECT id, person_id, kind, object_id, text, created_at, read_at FROM notifications WHERE person_id = ?") +
        (before ? " AND id < ?" : "") + " ORDER BY id DESC LIMIT ?"));
    int i = 1;
    st.bind(i++, person);
    if (before) st.bind(i++, *before);
    st.bind(i, limit);
    std::vector<core::Notification> out;
    while (HW_TRY(st.step())) {
      const auto kind = core::parse_notification_kind(st.text(2));
      if (!kind) return fail(ErrorCode::corrupt, "stored notification kind is unreadable");
      out.push_back(core::Notification{st.i64(0), st.i64(1), *kind, st.i64(3), st.text(4), st.i64(5), st.i64(6)});
    }
    return out;
  }
  Result<int> unread_notifications(Id person) override {
    auto st = HW_TRY(c_.prepare("SELECT count(*) FROM notifications WHERE person_id = ? AND read_at = 0"));
    st.bind(1, person);
    HW_CHECK(st.step());
    return st.i32(0);
  }
  Result<int> mark_notifications_read(Id person, std::optional<Id> id, Instant at) override {
    auto st = HW_TRY(c_.prepare(std::string("UPDATE notifications SET read_at = ? WHERE person_id = ? AND read_at = 0") +
                                (id ? " AND id = ?" : "")));
    st.bind(1, at).bind(2, person);
    if (id) st.bind(3, *id);
    HW_CHECK(st.run());
    return static_cast<int>(st.changes());
  }

  // --- conversation plans -------------------------------------------------------------------
  Result<Id> insert_plan(const core::ConversationPlan& p) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO conversation_plans (id, person_id, goal_id, title, situation, need, proposal, trial_period, offer, "
        "fallback, objections, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, p.id);
    st.bind(2, p.person_id).bind(3, p.goal_id);
    bind_plan_text(st, p, 4);
    st.bind(12, p.created_at).bind(13, p.updated_at);
    return returned_id(st);
  }
  Result<bool> update_plan(const core::ConversationPlan& p) override {
    auto st = HW_TRY(c_.prepare(
        "UPDATE conversation_plans SET title = ?, situation = ?, need = ?, proposal = ?, trial_period = ?, offer = ?, "
        "fallback = ?, objections = ?, goal_id = ?, updated_at = ? WHERE person_id = ? AND id = ?"));
    bind_plan_text(st, p, 1);
    st.bind(9, p.goal_id).bind(10, p.updated_at).bind(11, p.person_id).bind(12, p.id);
    HW_CHECK(st.run());
    return st.changes() > 0;
  }
  Result<std::optional<core::ConversationPlan>> find_plan(Id person, Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kPlan) + " WHERE person_id = ? AND id = ?"));
    st.bind(1, person).bind(2, id);
    if (!HW_TRY(st.step())) return std::optional<core::ConversationPlan>();
    return std::optional<core::ConversationPlan>(HW_TRY(read_plan(st)));
  }
  Result<std::vector<core::ConversationPlan>> list_plans(Id person) override {
    auto st = HW_TRY(c_.prepare(std::string(kPlan) + " WHERE person_id = ? ORDER BY updated_at DESC, id DESC"));
    st.bind(1, person);
    std::vector<core::ConversationPlan> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_plan(st)));
    return out;
  }
  Result<bool> delete_plan(Id person, Id id) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM conversation_plans WHERE person_id = ? AND id = ?"));
    HW_CHECK(st.bind(1, person).bind(2, id).run());
    return st.changes() > 0;
  }
  Result<Id> insert_plan_comment(const core::PlanComment& c) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO plan_comments (id, plan_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, c.id);
    st.bind(2, c.plan_id).bind(3, c.author_person).bind(4, c.text).bind(5, c.created_at);
    return returned_id(st);
  }
  Result<std::vector<core::PlanComment>> list_plan_comments(Id plan) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT c.id, c.plan_id, c.author_id, p.name, c.text, c.created_at FROM plan_comments c JOIN people p "
        "ON p.id = c.author_id WHERE c.plan_id = ? ORDER BY c.created_at, c.id"));
    st.bind(1, plan);
    std::vector<core::PlanComment> out;
    while (HW_TRY(st.step()))
      out.push_back(core::PlanComment{st.i64(0), st.i64(1), st.i64(2), st.text(3), st.text(4), st.i64(5)});
    return out;
  }

 private:
  static constexpr const char* kGrant =
      "SELECT g.id, g.owner_id, g.grantee_id, g.grantee_email, g.code_hash, g.scopes, g.created_at, g.expires_at, "
      "g.revoked_at, g.accepted_at, o.name, COALESCE(t.name, '') FROM grants g JOIN people o ON o.id = g.owner_id "
      "LEFT JOIN people t ON t.id = g.grantee_id";
  static constexpr const char* kPledge =
      "SELECT p.id, p.circle_id, p.author_id, p.text, p.threshold, p.deadline, p.boundary_type, p.status, "
      "(SELECT count(*) FROM pledge_signatures s WHERE s.pledge_id = p.id), p.created_at, p.activated_at, p.expired_at "
      "FROM pledges p";
  static constexpr const char* kPlan =
      "SELECT id, person_id, goal_id, title, situation, need, proposal, trial_period, offer, fallback, objections, "
      "created_at, updated_at FROM conversation_plans";

  static void bind_id(Statement& st, int i, Id id) {
    if (id) st.bind(i, id); else st.bind_null(i);
  }
  static Result<Id> returned_id(Statement& st) {
    if (!HW_TRY(st.step())) return fail(ErrorCode::storage, "insert returned no id");
    return st.i64(0);
  }
  static core::Grant read_grant(Statement& st) {
    core::Grant g;
    g.id = st.i64(0);
    g.owner_id = st.i64(1);
    g.grantee_id = st.opt_i64(2);
    g.grantee_email = st.text(3);
    if (!st.is_null(4)) g.code_hash = st.text(4);
    g.scopes.bits = static_cast<unsigned>(st.i64(5));
    g.created_at = st.i64(6);
    g.expires_at = st.i64(7);
    g.revoked_at = st.i64(8);
    g.accepted_at = st.i64(9);
    g.owner_name = st.text(10);
    g.grantee_name = st.text(11);
    return g;
  }
  static Result<std::vector<core::Grant>> read_grants(Statement& st) {
    std::vector<core::Grant> out;
    while (HW_TRY(st.step())) out.push_back(read_grant(st));
    return out;
  }
  static Result<core::Pledge> read_pledge(Statement& st) {
    core::Pledge p;
    p.id = st.i64(0);
    p.circle_id = st.i64(1);
    p.author_id = st.i64(2);
    p.text = st.text(3);
    p.threshold = st.i32(4);
    p.deadline = st.i64(5);
    if (!st.is_null(6)) {
      const auto type = core::parse_boundary_type(st.text(6));
      if (!type) return fail(ErrorCode::corrupt, "stored pledge boundary type is unreadable");
      p.boundary_type = *type;
    }
    const auto status = core::parse_pledge_status(st.text(7));
    if (!status) return fail(ErrorCode::corrupt, "stored pledge status is unreadable");
    p.status = *status;
    p.signers = st.i32(8);
    p.created_at = st.i64(9);
    p.activated_at = st.i64(10);
    p.expired_at = st.i64(11);
    return p;
  }
  static void bind_plan_text(Statement& st, const core::ConversationPlan& p, int first) {
    nlohmann::json objections = nlohmann::json::array();
    for (const auto& o : p.objections) objections.push_back({{"objection", o.objection}, {"answer", o.answer}});
    st.bind(first, p.title).bind(first + 1, p.situation).bind(first + 2, p.need).bind(first + 3, p.proposal);
    st.bind(first + 4, p.trial_period).bind(first + 5, p.offer).bind(first + 6, p.fallback);
    st.bind(first + 7, objections.dump());
  }
  static Result<core::ConversationPlan> read_plan(Statement& st) {
    core::ConversationPlan p;
    p.id = st.i64(0);
    p.person_id = st.i64(1);
    p.goal_id = st.opt_i64(2);
    p.title = st.text(3);
    p.situation = st.text(4);
    p.need = st.text(5);
    p.proposal = st.text(6);
    p.trial_period = st.text(7);
    p.offer = st.text(8);
    p.fallback = st.text(9);
    const auto objections = nlohmann::json::parse(st.text(10), nullptr, false);
    if (!objections.is_array()) return fail(ErrorCode::corrupt, "stored plan objections are unreadable");
    for (const auto& o : objections) {
      if (!o.is_object() || !o.contains("objection") || !o.contains("answer") || !o["objection"].is_string() ||
          !o["answer"].is_string())
        return fail(ErrorCode::corrupt, "stored plan objections are unreadable");
      p.objections.push_back(core::Objection{o["objection"].template get<std::string>(), o["answer"].template get<std::string>()});
    }
    p.created_at = st.i64(11);
    p.updated_at = st.i64(12);
    return p;
  }

  Conn& c_;
};

}  // namespace headway::store::sql
