// Storage conformance: sign-in accounts, sessions, personal API tokens, invites and rate-limit
// windows, and that a database copy carries accounts and tokens across.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "conformance.hpp"
#include "service/copy.hpp"

namespace headway::store::testing {
namespace {

using core::Account;
using core::ApiToken;
using core::Id;
using core::Instant;
using core::Invite;
using core::RateWindow;
using core::Session;
using core::TokenScope;

// Instantiated over every backend in conformance_test.cpp.
using Conformance = StoreTest;

// --- printing: every stored field ------------------------------------------------------------------
// Named text(), not show(): the show() templates in conformance.hpp cannot see overloads declared here.

std::string text(const Account& a) {
  return "Account{id=" + show(a.id) + " person=" + show(a.person_id) + " email=" + show(a.email) +
         " hash=" + show(a.password_hash) + " admin=" + show(a.admin) + " created_at=" + show(a.created_at) +
         " password_changed_at=" + show(a.password_changed_at) + "}";
}
std::string text(const Session& s) {
  return "Session{hash=" + show(s.token_hash) + " account=" + show(s.account_id) + " csrf=" + show(s.csrf_token) +
         " created_at=" + show(s.created_at) + " last_seen=" + show(s.last_seen) + "}";
}
std::string text(const ApiToken& t) {
  return "ApiToken{id=" + show(t.id) + " account=" + show(t.account_id) + " name=" + show(t.name) +
         " hash=" + show(t.token_hash) + " scope=" + std::string(core::to_string(t.scope)) +
         " created_at=" + show(t.created_at) + " last_used_at=" + show(t.last_used_at) +
         " revoked_at=" + show(t.revoked_at) + "}";
}
std::string text(const Invite& i) {
  return "Invite{id=" + show(i.id) + " hash=" + show(i.token_hash) + " email=" + show(i.email) +
         " created_by=" + show(i.created_by) + " created_at=" + show(i.created_at) +
         " expires_at=" + show(i.expires_at) + " used_at=" + show(i.used_at) + "}";
}
std::string text(const RateWindow& w) {
  return "RateWindow{key=" + show(w.key) + " start=" + show(w.window_start) + " count=" + show(w.count) + "}";
}
template <typename T>
std::string text(const std::optional<T>& v) {
  return v ? text(*v) : std::string("none");
}
template <typename T>
std::string text(const std::vector<T>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + text(items[i]);
  return out + "]";
}

// --- builders: every field set to something other than its default -------------------------------

inline constexpr Instant kHour = 3600;

Account account(Id person, std::string email, bool admin = false) {
  Account a;
  a.person_id = person;
  a.email = std::move(email);
  a.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
  a.admin = admin;
  a.created_at = kCreated;
  a.password_changed_at = kCreated + 5;
  return a;
}

Session session(std::string hash, Id account_id, Instant created_at, Instant last_seen) {
  return Session{hash, account_id, "csrf-" + hash, created_at, last_seen};
}

ApiToken api_token(Id account_id, std::string name, std::string hash, TokenScope scope = TokenScope::read) {
  ApiToken t;
  t.account_id = account_id;
  t.name = std::move(name);
  t.token_hash = std::move(hash);
  t.scope = scope;
  t.created_at = kCreated + 7;
  return t;
}

Invite invite(std::string hash, std::string email = "") {
  Invite i;
  i.token_hash = std::move(hash);
  i.email = std::move(email);
  i.created_by = 3;
  i.created_at = kCreated;
  i.expires_at = kCreated + 7 * 24 * kHour;
  return i;
}

// Runs fn in a write transaction that is committed only when fn's result is a value; returns it.
template <typename Fn>
auto attempt(Database& db, Fn&& fn) {
  auto tx = must(db.begin(true));
  auto r = fn(*tx);
  if (r) must(tx->commit());
  return r;
}

// --- accounts --------------------------------------------------------------------------------------

TEST_P(Conformance, AccountIsFoundByIdEmailAndPersonAndListedById) {
  Account ana, bob;
  Id carol = 0;
  write([&](Transaction& tx) {
    ana = account(must(tx.insert_person(person("Ana"))), "ana@example.org", /*admin=*/true);
    bob = account(must(tx.insert_person(person("Bob"))), "bob@example.org");
    carol = must(tx.insert_person(person("Carol")));  // no account
    ana.id = must(tx.insert_account(ana));
    bob.id = must(tx.insert_account(bob));
  });
  EXPECT_NE(ana.id, 0);
  EXPECT_NE(bob.id, 0);
  EXPECT_NE(ana.id, bob.id);
  read([&](Transaction& tx) {
    for (const Account& a : {ana, bob}) {
      SCOPED_TRACE(a.email);
      EXPECT_EQ(text(must(tx.find_account(a.id))), text(std::optional(a)));
      EXPECT_EQ(text(must(tx.find_account_by_email(a.email))), text(std::optional(a)));
      EXPECT_EQ(text(must(tx.find_account_by_person(a.person_id))), text(std::optional(a)));
    }
    EXPECT_EQ(must(tx.find_account(ana.id + bob.id + 100)), std::nullopt);
    EXPECT_EQ(must(tx.find_account_by_email("carol@example.org")), std::nullopt);
    EXPECT_EQ(must(tx.find_account_by_email("ANA@example.org")), std::nullopt) << "emails are stored normalised";
    EXPECT_EQ(must(tx.find_account_by_person(carol)), std::nullopt);
    EXPECT_EQ(text(must(tx.list_accounts())), text(std::vector{ana, bob}));
  });
}

TEST_P(Conformance, AccountsAndTokensInsertedWithAnIdKeepIt) {
  Id fresh_account = 0, fresh_token = 0, fresh_invite = 0;
  write([&](Transaction& tx) {
    const Id ana = must(tx.insert_person(person("Ana")));
    const Id bob = must(tx.insert_person(person("Bob")));
    EXPECT_EQ(must(tx.insert_account(with_id(account(ana, "ana@example.org"), 4242))), 4242);
    EXPECT_EQ(must(tx.insert_api_token(with_id(api_token(4242, "ci", "h1"), 77))), 77);
    EXPECT_EQ(must(tx.insert_invite(with_id(invite("i1"), 88))), 88);
    fresh_account = must(tx.insert_account(account(bob, "bob@example.org")));
    fresh_token = must(tx.insert_api_token(api_token(4242, "laptop", "h2")));
    fresh_invite = must(tx.insert_invite(invite("i2")));
  });
  EXPECT_NE(fresh_account, 4242);
  EXPECT_NE(fresh_token, 77);
  EXPECT_NE(fresh_invite, 88);
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_account(4242)).value().email, "ana@example.org");
    EXPECT_EQ(must(tx.find_api_token("h1")).value().id, 77);
    EXPECT_EQ(must(tx.find_invite("i1")).value().id, 88);
    EXPECT_EQ(must(tx.find_account(fresh_account)).value().email, "bob@example.org");
  });
}

TEST_P(Conformance, UpdateAccountRewritesEmailHashAdminAndPasswordTime) {
  Account ana, bob;
  write([&](Transaction& tx) {
    ana = account(must(tx.insert_person(person("Ana"))), "ana@example.org");
    bob = account(must(tx.insert_person(person("Bob"))), "bob@example.org");
    ana.id = must(tx.insert_account(ana));
    bob.id = must(tx.insert_account(bob));
  });
  Account changed = ana;
  changed.email = "ana.lopez@example.org";
  changed.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA";
  changed.admin = true;
  changed.password_changed_at = kCreated + 9999;
  write([&](Transaction& tx) { must(tx.update_account(changed)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_account(ana.id))), text(std::optional(changed)));
    EXPECT_EQ(must(tx.find_account_by_email("ana@example.org")), std::nullopt);
    EXPECT_EQ(text(must(tx.find_account_by_email("ana.lopez@example.org"))), text(std::optional(changed)));
    EXPECT_EQ(text(must(tx.find_account(bob.id))), text(std::optional(bob)));
  });
  // Back again: admin false and the old hash are values too.
  write([&](Transaction& tx) { must(tx.update_account(ana)); });
  read([&](Transaction& tx) { EXPECT_EQ(text(must(tx.find_account(ana.id))), text(std::optional(ana))); });
}

TEST_P(Conformance, SecondAccountWithTheSameEmailOrPersonConflicts) {
  Id ana = 0, bob = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    must(tx.insert_account(account(ana, "ana@example.org")));
  });
  const Result<Id> same_email =
      attempt(*db_, [&](Transaction& tx) { return tx.insert_account(account(bob, "ana@example.org")); });
  const Result<Id> same_person =
      attempt(*db_, [&](Transaction& tx) { return tx.insert_account(account(ana, "ana.two@example.org")); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.list_accounts()).size(), 1u);
    EXPECT_EQ(must(tx.find_account_by_person(bob)), std::nullopt);
  });
  ASSERT_FALSE(same_email.has_value()) << "a second account with the email was stored";
  EXPECT_EQ(same_email.error().code, ErrorCode::conflict) << same_email.error().message;
  ASSERT_FALSE(same_person.has_value()) << "a second account for the person was stored";
  EXPECT_EQ(same_person.error().code, ErrorCode::conflict) << same_person.error().message;
  // The store is still usable after the refused inserts.
  write([&](Transaction& tx) { must(tx.insert_account(account(bob, "bob@example.org"))); });
}

TEST_P(Conformance, AccountForAMissingPersonIsRefused) {
  const Result<Id> orphan =
      attempt(*db_, [](Transaction& tx) { return tx.insert_account(account(999, "ghost@example.org")); });
  EXPECT_FALSE(orphan.has_value()) << "an account without a person was stored";
  read([](Transaction& tx) { EXPECT_TRUE(must(tx.list_accounts()).empty()); });
}

// --- sessions ------------------------------------------------------------------------------------

TEST_P(Conformance, SessionIsFoundTouchedAndDeletedOnce) {
  Id acc = 0;
  const Session s = session("hash-a", 0, kCreated, kCreated);
  write([&](Transaction& tx) {
    acc = must(tx.insert_account(account(must(tx.insert_person(person("Ana"))), "ana@example.org")));
    Session mine = s;
    mine.account_id = acc;
    must(tx.insert_session(mine));
  });
  Session want = s;
  want.account_id = acc;
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_session("hash-a"))), text(std::optional(want)));
    EXPECT_EQ(must(tx.find_session("hash-b")), std::nullopt);
    EXPECT_EQ(must(tx.find_session("")), std::nullopt);
  });
  write([&](Transaction& tx) {
    must(tx.touch_session("hash-a", kCreated + 600));
    must(tx.touch_session("hash-unknown", kCreated + 600));  // nothing to touch: no error
  });
  want.last_seen = kCreated + 600;  // only last_seen moves
  read([&](Transaction& tx) { EXPECT_EQ(text(must(tx.find_session("hash-a"))), text(std::optional(want))); });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.delete_session("hash-a")));
    EXPECT_FALSE(must(tx.delete_session("hash-a")));
    EXPECT_FALSE(must(tx.delete_session("hash-unknown")));
  });
  read([&](Transaction& tx) { EXPECT_EQ(must(tx.find_session("hash-a")), std::nullopt); });
}

TEST_P(Conformance, DeleteAccountSessionsKeepsTheGivenOneAndOtherAccounts) {
  Id ana = 0, bob = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_account(account(must(tx.insert_person(person("Ana"))), "ana@example.org")));
    bob = must(tx.insert_account(account(must(tx.insert_person(person("Bob"))), "bob@example.org")));
    for (const char* h : {"ana-1", "ana-2", "ana-3"}) must(tx.insert_session(session(h, ana, kCreated, kCreated)));
    must(tx.insert_session(session("bob-1", bob, kCreated, kCreated)));
  });
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.delete_account_sessions(ana, "ana-2")), 2); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_session("ana-1")), std::nullopt);
    EXPECT_TRUE(must(tx.find_session("ana-2")).has_value());
    EXPECT_EQ(must(tx.find_session("ana-3")), std::nullopt);
    EXPECT_TRUE(must(tx.find_session("bob-1")).has_value());
  });
  // Keeping another account's session keeps nothing of this one's; an empty hash ends them all.
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.delete_account_sessions(ana, "bob-1")), 1); });
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.delete_account_sessions(bob, "")), 1); });
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.delete_account_sessions(bob, "")), 0); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_session("ana-2")), std::nullopt);
    EXPECT_EQ(must(tx.find_session("bob-1")), std::nullopt);
  });
}

TEST_P(Conformance, DeleteStaleSessionsRemovesIdleAndOldOnesStrictlyBeforeTheLimits) {
  const Instant created_before = kCreated;
  const Instant idle_before = kCreated + 5 * kHour;
  struct Case {
    const char* hash;
    Instant created_at, last_seen;
    bool kept;
  };
  const std::vector<Case> cases = {
      {"fresh", created_before + 10, idle_before + 10, true},
      {"seen-exactly-at-idle-limit", created_before + 10, idle_before, true},
      {"seen-1s-before-idle-limit", created_before + 10, idle_before - 1, false},
      {"made-exactly-at-age-limit", created_before, idle_before + 10, true},
      {"made-1s-before-age-limit", created_before - 1, idle_before + 10, false},
      {"idle-and-old", created_before - 100, idle_before - 100, false},
  };
  write([&](Transaction& tx) {
    const Id acc = must(tx.insert_account(account(must(tx.insert_person(person("Ana"))), "ana@example.org")));
    for (const Case& c : cases) must(tx.insert_session(session(c.hash, acc, c.created_at, c.last_seen)));
  });
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.delete_stale_sessions(idle_before, created_before)), 3); });
  read([&](Transaction& tx) {
    for (const Case& c : cases) EXPECT_EQ(must(tx.find_session(c.hash)).has_value(), c.kept) << c.hash;
  });
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.delete_stale_sessions(idle_before, created_before)), 0); });
}

// --- personal API tokens ---------------------------------------------------------------------------

TEST_P(Conformance, ApiTokensRoundTripAndAreListedPerAccountById) {
  Id ana = 0, bob = 0;
  ApiToken read_only, read_write, bobs;
  write([&](Transaction& tx) {
    ana = must(tx.insert_account(account(must(tx.insert_person(person("Ana"))), "ana@example.org")));
    bob = must(tx.insert_account(account(must(tx.insert_person(person("Bob"))), "bob@example.org")));
    read_only = api_token(ana, "dashboard", "t-read", TokenScope::read);
    read_write = api_token(ana, "🌱 sync script", "t-write", TokenScope::read_write);
    read_write.last_used_at = kCreated + 50;
    bobs = api_token(bob, "dashboard", "t-bob");
    read_only.id = must(tx.insert_api_token(read_only));
    read_write.id = must(tx.insert_api_token(read_write));
    bobs.id = must(tx.insert_api_token(bobs));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_api_token("t-read"))), text(std::optional(read_only)));
    EXPECT_EQ(text(must(tx.find_api_token("t-write"))), text(std::optional(read_write)));
    EXPECT_EQ(must(tx.find_api_token("t-none")), std::nullopt);
    EXPECT_EQ(text(must(tx.list_api_tokens(ana))), text(std::vector{read_only, read_write}));
    EXPECT_EQ(text(must(tx.list_api_tokens(bob))), text(std::vector{bobs}));
    EXPECT_TRUE(must(tx.list_api_tokens(ana + bob + 100)).empty());
  });
  write([&](Transaction& tx) { must(tx.touch_api_token(read_only.id, kCreated + 600)); });
  read_only.last_used_at = kCreated + 600;
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_api_token("t-read"))), text(std::optional(read_only)));
    EXPECT_EQ(text(must(tx.find_api_token("t-write"))), text(std::optional(read_write)));
  });
}

TEST_P(Conformance, ApiTokenHashIsUnique) {
  Id ana = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_account(account(must(tx.insert_person(person("Ana"))), "ana@example.org")));
    must(tx.insert_api_token(api_token(ana, "one", "same-hash")));
  });
  const Result<Id> twice = attempt(*db_, [&](Transaction& tx) { return tx.insert_api_token(api_token(ana, "two", "same-hash")); });
  ASSERT_FALSE(twice.has_value()) << "two tokens with one hash were stored";
  EXPECT_EQ(twice.error().code, ErrorCode::conflict) << twice.error().message;
  read([&](Transaction& tx) { EXPECT_EQ(must(tx.list_api_tokens(ana)).size(), 1u); });
}

TEST_P(Conformance, ApiTokenIsRevokedOnlyByItsAccountAndOnlyOnce) {
  Id ana = 0, bob = 0;
  ApiToken mine;
  write([&](Transaction& tx) {
    ana = must(tx.insert_account(account(must(tx.insert_person(person("Ana"))), "ana@example.org")));
    bob = must(tx.insert_account(account(must(tx.insert_person(person("Bob"))), "bob@example.org")));
    mine = api_token(ana, "ci", "t-ana");
    mine.id = must(tx.insert_api_token(mine));
  });
  write([&](Transaction& tx) {
    EXPECT_FALSE(must(tx.revoke_api_token(bob, mine.id, kCreated + 10))) << "Bob revoked Ana's token";
    EXPECT_FALSE(must(tx.revoke_api_token(ana, mine.id + 1000, kCreated + 10)));
  });
  read([&](Transaction& tx) { EXPECT_EQ(must(tx.find_api_token("t-ana")).value().revoked_at, 0); });
  write([&](Transaction& tx) { EXPECT_TRUE(must(tx.revoke_api_token(ana, mine.id, kCreated + 20))); });
  write([&](Transaction& tx) { EXPECT_FALSE(must(tx.revoke_api_token(ana, mine.id, kCreated + 30))); });
  mine.revoked_at = kCreated + 20;  // the first revocation's time stays
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_api_token("t-ana"))), text(std::optional(mine)));
    EXPECT_EQ(must(tx.list_api_tokens(ana)).size(), 1u) << "revoked tokens stay listed";
  });
}

// --- invites ---------------------------------------------------------------------------------------

TEST_P(Conformance, InviteRoundTripsAndIsUsedOnlyOnce) {
  Invite open_invite = invite("inv-open");
  Invite for_bob = invite("inv-bob", "bob@example.org");
  for_bob.created_by = 0;
  write([&](Transaction& tx) {
    open_invite.id = must(tx.insert_invite(open_invite));
    for_bob.id = must(tx.insert_invite(for_bob));
  });
  EXPECT_NE(open_invite.id, for_bob.id);
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_invite("inv-open"))), text(std::optional(open_invite)));
    EXPECT_EQ(text(must(tx.find_invite("inv-bob"))), text(std::optional(for_bob)));
    EXPECT_EQ(must(tx.find_invite("inv-none")), std::nullopt);
  });
  write([&](Transaction& tx) { EXPECT_TRUE(must(tx.use_invite(for_bob.id, kCreated + 100))); });
  write([&](Transaction& tx) {
    EXPECT_FALSE(must(tx.use_invite(for_bob.id, kCreated + 200)));
    EXPECT_FALSE(must(tx.use_invite(for_bob.id + open_invite.id + 100, kCreated + 200)));
  });
  for_bob.used_at = kCreated + 100;
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_invite("inv-bob"))), text(std::optional(for_bob)));
    EXPECT_EQ(text(must(tx.find_invite("inv-open"))), text(std::optional(open_invite)));
  });
}

TEST_P(Conformance, InviteTokenHashIsUnique) {
  write([](Transaction& tx) { must(tx.insert_invite(invite("inv"))); });
  const Result<Id> twice = attempt(*db_, [](Transaction& tx) { return tx.insert_invite(invite("inv", "x@example.org")); });
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::conflict) << twice.error().message;
}

// --- rate-limit windows ----------------------------------------------------------------------------

TEST_P(Conformance, RateWindowsAreUpsertedPerKeyAndDeleted) {
  const RateWindow account_key{"login-account:ana@example.org", kCreated, 1};
  const RateWindow ip_key{"login-ip:2001:db8::1", kCreated + 5, 30};
  read([&](Transaction& tx) { EXPECT_EQ(must(tx.find_rate_window(account_key.key)), std::nullopt); });
  write([&](Transaction& tx) {
    must(tx.put_rate_window(account_key));
    must(tx.put_rate_window(ip_key));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(text(must(tx.find_rate_window(account_key.key))), text(std::optional(account_key)));
    EXPECT_EQ(text(must(tx.find_rate_window(ip_key.key))), text(std::optional(ip_key)));
  });
  const RateWindow counted{account_key.key, kCreated, 5};
  const RateWindow rolled{account_key.key, kCreated + 900, 1};
  for (const RateWindow& w : {counted, rolled}) {
    write([&](Transaction& tx) { must(tx.put_rate_window(w)); });
    read([&](Transaction& tx) {
      EXPECT_EQ(text(must(tx.find_rate_window(w.key))), text(std::optional(w)));
      EXPECT_EQ(text(must(tx.find_rate_window(ip_key.key))), text(std::optional(ip_key)));
    });
  }
  write([&](Transaction& tx) {
    must(tx.delete_rate_window(account_key.key));
    must(tx.delete_rate_window(account_key.key));  // gone already: no error
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_rate_window(account_key.key)), std::nullopt);
    EXPECT_EQ(text(must(tx.find_rate_window(ip_key.key))), text(std::optional(ip_key)));
  });
}

// --- deletion, counts and clearing -----------------------------------------------------------------

// An account for `name` with two sessions and two tokens; returns the account.
Account account_with_everything(Transaction& tx, const std::string& name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  Account a = account(must(tx.insert_person(person(name))), lower + "@example.org");
  a.id = must(tx.insert_account(a));
  must(tx.insert_session(session(lower + "-s1", a.id, kCreated, kCreated)));
  must(tx.insert_session(session(lower + "-s2", a.id, kCreated, kCreated + 60)));
  must(tx.insert_api_token(api_token(a.id, "one", lower + "-t1")));
  must(tx.insert_api_token(api_token(a.id, "two", lower + "-t2", TokenScope::read_write)));
  return a;
}

TEST_P(Conformance, DeletingAPersonDeletesTheirAccountSessionsAndTokensOnly) {
  Account ana, bob;
  write([&](Transaction& tx) {
    ana = account_with_everything(tx, "Ana");
    bob = account_with_everything(tx, "Bob");
    must(tx.insert_invite(invite("inv-from-ana")));  // invites and windows belong to the instance
    must(tx.put_rate_window(RateWindow{"login-account:ana@example.org", kCreated, 2}));
  });
  write([&](Transaction& tx) { must(tx.delete_person(ana.person_id)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_account(ana.id)), std::nullopt);
    EXPECT_EQ(must(tx.find_account_by_email("ana@example.org")), std::nullopt);
    EXPECT_EQ(must(tx.find_account_by_person(ana.person_id)), std::nullopt);
    EXPECT_EQ(must(tx.find_session("ana-s1")), std::nullopt);
    EXPECT_EQ(must(tx.find_session("ana-s2")), std::nullopt);
    EXPECT_EQ(must(tx.find_api_token("ana-t1")), std::nullopt);
    EXPECT_EQ(must(tx.find_api_token("ana-t2")), std::nullopt);
    EXPECT_TRUE(must(tx.list_api_tokens(ana.id)).empty());

    EXPECT_EQ(text(must(tx.list_accounts())), text(std::vector{bob}));
    EXPECT_TRUE(must(tx.find_session("bob-s1")).has_value());
    EXPECT_TRUE(must(tx.find_session("bob-s2")).has_value());
    EXPECT_EQ(must(tx.list_api_tokens(bob.id)).size(), 2u);
    EXPECT_TRUE(must(tx.find_invite("inv-from-ana")).has_value());
    EXPECT_TRUE(must(tx.find_rate_window("login-account:ana@example.org")).has_value());
    const auto counts = must(tx.table_counts());
    EXPECT_EQ(count_of(counts, "accounts"), 1);
    EXPECT_EQ(count_of(counts, "api_tokens"), 2);
  });
}

TEST_P(Conformance, TableCountsIncludeAccountsAndApiTokens) {
  read([](Transaction& tx) {
    const auto counts = must(tx.table_counts());
    EXPECT_EQ(count_of(counts, "accounts"), 0);
    EXPECT_EQ(count_of(counts, "api_tokens"), 0);
  });
  write([](Transaction& tx) {
    account_with_everything(tx, "Ana");
    const Account bob = account_with_everything(tx, "Bob");
    must(tx.insert_api_token(api_token(bob.id, "three", "bob-t3")));
    must(tx.insert_person(person("Carol")));  // a person without an account
  });
  read([](Transaction& tx) {
    const auto counts = must(tx.table_counts());
    EXPECT_EQ(count_of(counts, "accounts"), 2);
    EXPECT_EQ(count_of(counts, "api_tokens"), 5);
    EXPECT_EQ(count_of(counts, "people"), 3);
  });
}

TEST_P(Conformance, ClearAllEmptiesAccountTablesToo) {
  write([](Transaction& tx) {
    give_one_of_everything(tx, account_with_everything(tx, "Ana").person_id);
    account_with_everything(tx, "Bob");
    must(tx.insert_invite(invite("inv")));
    must(tx.put_rate_window(RateWindow{"login-ip:192.0.2.1", kCreated, 3}));
  });
  write([](Transaction& tx) { must(tx.clear_all()); });
  read([](Transaction& tx) {
    for (const auto& [table, n] : must(tx.table_counts())) EXPECT_EQ(n, 0) << table;
    EXPECT_TRUE(must(tx.list_accounts()).empty());
    EXPECT_EQ(must(tx.find_session("ana-s1")), std::nullopt);
    EXPECT_EQ(must(tx.find_api_token("bob-t1")), std::nullopt);
    EXPECT_EQ(must(tx.find_invite("inv")), std::nullopt);
    EXPECT_EQ(must(tx.find_rate_window("login-ip:192.0.2.1")), std::nullopt);
  });
  // The same emails, hashes and keys can be stored again.
  write([](Transaction& tx) {
    account_with_everything(tx, "Ana");
    must(tx.insert_invite(invite("inv")));
  });
}

// --- copying ---------------------------------------------------------------------------------------

TEST_P(Conformance, CopyDatabaseCarriesAccountsAndTokensToEveryBackend) {
  Account ana, bob;
  ApiToken active, revoked;
  write([&](Transaction& tx) {
    const Id ana_person = must(tx.insert_person(person("Ana")));
    ana = with_id(account(ana_person, "ana@example.org", /*admin=*/true), 500);
    must(tx.insert_account(ana));
    give_one_of_everything(tx, ana_person);
    bob = with_id(account(must(tx.insert_person(person("Bob"))), "bob@example.org"), 501);
    must(tx.insert_account(bob));
    must(tx.insert_person(person("Carol")));  // no account
    active = with_id(api_token(ana.id, "dashboard", "t-active"), 700);
    active.last_used_at = kCreated + 99;
    revoked = with_id(api_token(ana.id, "old script", "t-revoked", TokenScope::read_write), 701);
    revoked.revoked_at = kCreated + 100;
    must(tx.insert_api_token(active));
    must(tx.insert_api_token(revoked));
    must(tx.insert_session(session("ana-session", ana.id, kCreated, kCreated)));
    must(tx.set_setting("registration", "open"));
  });

  for (const Backend& target_backend : conformance_backends()) {
    SCOPED_TRACE(GetParam().name + " -> " + target_backend.name);
    auto target = target_backend.make_empty();
    ASSERT_NE(target, nullptr);
    const auto report = service::copy_database(*db_, *target, /*force=*/false);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(count_of(report->counts, "accounts"), 2);
    EXPECT_EQ(count_of(report->counts, "api_tokens"), 2);
    EXPECT_EQ(report->people, 3);

    const auto copied = with_read(*target, [&](Transaction& tx) -> Result<void> {
      EXPECT_EQ(text(must(tx.list_accounts())), text(std::vector{ana, bob}));
      EXPECT_EQ(text(must(tx.list_api_tokens(ana.id))), text(std::vector{active, revoked}));
      EXPECT_EQ(text(must(tx.find_account_by_email("bob@example.org"))), text(std::optional(bob)));
      EXPECT_EQ(must(tx.find_session("ana-session")), std::nullopt) << "sessions are not copied";
      EXPECT_EQ(must(tx.get_setting("registration")), "open");
      return {};
    });
    ASSERT_TRUE(copied) << copied.error().message;

    // New rows on the target get ids after the copied ones.
    const auto added = with_write(*target, [&](Transaction& tx) -> Result<std::pair<Id, Id>> {
      const Id dave = HW_TRY(tx.insert_person(person("Dave")));
      const Id acc = HW_TRY(tx.insert_account(account(dave, "dave@example.org")));
      const Id tok = HW_TRY(tx.insert_api_token(api_token(acc, "new", "t-new")));
      HW_CHECK(tx.insert_session(session("dave-session", acc, kCreated, kCreated)));  // cleared by --force
      return std::pair{acc, tok};
    });
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_GT(added->first, bob.id);
    EXPECT_GT(added->second, revoked.id);

    // A second copy needs force, and then replaces everything.
    const auto again = service::copy_database(*db_, *target, /*force=*/false);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    const auto forced = service::copy_database(*db_, *target, /*force=*/true);
    ASSERT_TRUE(forced) << forced.error().message;
    EXPECT_EQ(count_of(forced->counts, "accounts"), 2);
    EXPECT_EQ(count_of(forced->counts, "api_tokens"), 2);
  }
}

}  // namespace
}  // namespace headway::store::testing
