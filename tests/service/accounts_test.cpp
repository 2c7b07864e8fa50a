#include "service/accounts.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <latch>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "service/profile.hpp"
#include "store/database.hpp"

namespace headway::service {
namespace {

using core::Account;
using core::Instant;
using core::TokenScope;

constexpr Instant kStart = 1'764'000'000;  // 2025-11-24, an arbitrary fixed instant
constexpr Instant kMinute = 60;
constexpr Instant kHour = 3600;
constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kOtherPassword = "a different long passphrase";
// Cheap enough to make many accounts quickly; login upgrades it to kPasswordCost.
constexpr PasswordCost kCheapCost{1, 8u << 20};

// Unwraps a Result, or throws with the error and the calling line (reported as a test failure).
template <typename T>
T must(Result<T> r, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
  if (!r)
    throw std::runtime_error(std::string(file) + ":" + std::to_string(line) + ": unexpected " +
                             to_string(r.error().code) + " error: " + r.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

// The error code of a result that must have failed.
template <typename T>
ErrorCode code_of(const Result<T>& r) {
  EXPECT_FALSE(r.has_value()) << "expected an error";
  return r ? ErrorCode::internal : r.error().code;
}

NewAccount input(const std::string& email, const std::string& password) {
  NewAccount in;
  in.email = email;
  in.password = password;
  return in;
}

Principal principal_of(const Account& a) {
  Principal p;
  p.actor = Actor{a.person_id};
  p.account_id = a.id;
  p.admin = a.admin;
  return p;
}

// A real SQLite file in a fresh temporary directory, and a clock the test moves by hand.
class Accounts : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "headway-accounts-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto db = store::open_database("sqlite://" + (dir_ / "headway.db").string(), {.create = true});
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ctx_ = std::make_unique<Context>(Context{*db_, [this] { return now_; }, ""});
  }
  void TearDown() override {
    ctx_.reset();
    db_.reset();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  Context& ctx() { return *ctx_; }

  Account create(const std::string& email, const std::string& password = kPassword, bool admin = false) {
    NewAccount in = input(email, password);
    in.admin = admin;
    return must(create_account(ctx(), in));
  }
  // An account whose password hash is cheap (and out of date), written straight to the store.
  Account create_cheap(const std::string& email, const std::string& password = kPassword) {
    const std::string hash = must(hash_password(password, kCheapCost));
    return must(store::with_write(*db_, [&](store::Transaction& tx) -> Result<Account> {
      core::Person p;
      p.name = email.substr(0, email.find('@'));
      p.email = email;
      p.timezone = "UTC";
      p.created_at = now_;
      Account a;
      a.person_id = HW_TRY(tx.insert_person(p));
      a.email = email;
      a.password_hash = hash;
      a.created_at = a.password_changed_at = now_;
      a.id = HW_TRY(tx.insert_account(a));
      return a;
    }));
  }
  LoginResult sign_in(const std::string& email, const std::string& password = kPassword,
                      const std::string& ip = "192.0.2.1") {
    return must(login(ctx(), email, password, ip));
  }
  std::optional<Account> stored_account(core::Id id) {
    return must(store::with_read(*db_, [&](store::Transaction& tx) { return tx.find_account(id); }));
  }
  std::optional<core::Session> stored_session(const std::string& hash) {
    return must(store::with_read(*db_, [&](store::Transaction& tx) { return tx.find_session(hash); }));
  }
  std::optional<core::Person> stored_person(core::Id id) {
    return must(store::with_read(*db_, [&](store::Transaction& tx) { return tx.find_person(id); }));
  }
  std::vector<core::Person> people() {
    return must(store::with_read(*db_, [](store::Transaction& tx) { return tx.list_people(); }));
  }
  void add_value(core::Id person, const std::string& name) {
    must(store::with_write(*db_, [&](store::Transaction& tx) {
      return tx.insert_value(core::Value{0, person, name, true, 1, now_});
    }));
  }
  std::vector<core::Value> values_of(core::Id person) {
    return must(store::with_read(*db_, [&](store::Transaction& tx) { return tx.list_values(person); }));
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Context> ctx_;
  Instant now_ = kStart;
};

// --- secrets ---------------------------------------------------------------------------------------

TEST(PasswordHash, IsAnArgon2idStringThatNeverHoldsThePassword) {
  const std::string a = must(hash_password(kPassword));
  const std::string b = must(hash_password(kPassword));
  EXPECT_NE(a.find("$argon2id$"), std::string::npos) << a;
  EXPECT_EQ(a.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << a;
  EXPECT_EQ(a.find(kPassword), std::string::npos);
  EXPECT_NE(a, b) << "each hash has its own salt";
  EXPECT_TRUE(verify_password(a, kPassword));
  EXPECT_TRUE(verify_password(b, kPassword));
  EXPECT_FALSE(verify_password(a, kOtherPassword));
  EXPECT_FALSE(verify_password(a, std::string(kPassword) + " "));
  EXPECT_FALSE(verify_password("not a hash", kPassword));
  EXPECT_FALSE(password_needs_rehash(a));

  const std::string cheap = must(hash_password(kPassword, kCheapCost));
  EXPECT_EQ(cheap.rfind("$argon2id$v=19$m=8192,t=1,p=1$", 0), 0u) << cheap;
  EXPECT_TRUE(verify_password(cheap, kPassword));
  EXPECT_TRUE(password_needs_rehash(cheap));
}

TEST(SecretTokens, AreRandomBase64UrlAndStoredAsHexSha256) {
  const std::string t1 = random_token(), t2 = random_token();
  EXPECT_EQ(t1.size(), 43u);
  EXPECT_NE(t1, t2);
  EXPECT_EQ(t1.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos)
      << t1;
  EXPECT_EQ(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hash_token(t1), hash_token(t1));
  EXPECT_NE(hash_token(t1), hash_token(t2));
  EXPECT_EQ(hash_token(t1).size(), 64u);
}

// --- accounts and sign-in ----------------------------------------------------------------------------

TEST_F(Accounts, CreatedAccountSignsInAndItsSessionAuthenticates) {
  const Account ana = create("  Ana@Example.org ", kPassword, /*admin=*/true);
  EXPECT_EQ(ana.email, "ana@example.org");
  EXPECT_TRUE(ana.admin);
  EXPECT_EQ(ana.created_at, kStart);
  ASSERT_TRUE(stored_person(ana.person_id));
  EXPECT_EQ(stored_person(ana.person_id)->name, "ana");
  const Account stored = stored_account(ana.id).value();
  EXPECT_NE(stored.password_hash.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(stored.password_hash.find(kPassword), std::string::npos);

  now_ += 10;
  const LoginResult in = sign_in("ANA@example.org");
  EXPECT_EQ(in.token.size(), 43u);
  EXPECT_EQ(in.principal.account_id, ana.id);
  EXPECT_EQ(in.principal.actor.person_id, ana.person_id);
  EXPECT_TRUE(in.principal.admin);
  EXPECT_FALSE(in.principal.via_token);
  EXPECT_EQ(in.principal.session_hash, hash_token(in.token));
  EXPECT_FALSE(in.principal.csrf_token.empty());
  // The store keeps the hash, never the cookie value.
  EXPECT_FALSE(stored_session(in.token));
  const auto s = stored_session(hash_token(in.token));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->account_id, ana.id);
  EXPECT_EQ(s->created_at, kStart + 10);

  now_ += 5 * kMinute;
  const Principal who = must(authenticate_session(ctx(), in.token));
  EXPECT_EQ(who.account_id, ana.id);
  EXPECT_EQ(who.actor.person_id, ana.person_id);
  EXPECT_TRUE(who.admin);
  EXPECT_EQ(who.session_hash, in.principal.session_hash);
  EXPECT_EQ(who.csrf_token, in.principal.csrf_token);
  EXPECT_EQ(stored_session(who.session_hash)->last_seen, now_) << "activity moves last_seen";
}

TEST_F(Accounts, CreateAccountRefusesBadInputAndTakenEmails) {
  NewAccount in;
  in.email = "ana@example.org";
  in.password = "short";
  EXPECT_EQ(code_of(create_account(ctx(), in)), ErrorCode::invalid);
  in.password = kPassword;
  in.email = "not an email";
  EXPECT_EQ(code_of(create_account(ctx(), in)), ErrorCode::invalid);
  in.email = "ana@example.org";
  in.timezone = "Mars/Olympus_Mons";
  EXPECT_EQ(code_of(create_account(ctx(), in)), ErrorCode::invalid);
  in.timezone = "UTC";
  in.name = "two\nlines";
  EXPECT_EQ(code_of(create_account(ctx(), in)), ErrorCode::invalid);
  EXPECT_TRUE(must(list_accounts(ctx())).empty());
  create("ana@example.org");
  const auto again = create_account(ctx(), input("ANA@example.org", kOtherPassword));
  EXPECT_EQ(code_of(again), ErrorCode::conflict);
  EXPECT_EQ(must(list_accounts(ctx())).size(), 1u);
  EXPECT_EQ(people().size(), 1u) << "the refused account left a person behind";
}

TEST_F(Accounts, WrongPasswordAndUnknownEmailAreRefusedAlike) {
  create_cheap("ana@example.org");
  const auto wrong = login(ctx(), "ana@example.org", kOtherPassword, "192.0.2.1");
  const auto unknown = login(ctx(), "nobody@example.org", kPassword, "192.0.2.1");
  const auto malformed = login(ctx(), "nobody", kPassword, "192.0.2.1");
  for (const auto* r : {&wrong, &unknown, &malformed}) {
    ASSERT_FALSE(r->has_value());
    EXPECT_EQ(r->error().code, ErrorCode::unauthenticated);
    EXPECT_EQ(r->error().message, wrong.error().message) << "the answer must not tell which part was wrong";
  }
  EXPECT_EQ(code_of(login(ctx(), "", kPassword, "192.0.2.1")), ErrorCode::invalid);
  EXPECT_EQ(code_of(login(ctx(), "ana@example.org", "", "192.0.2.1")), ErrorCode::invalid);
  EXPECT_EQ(code_of(login(ctx(), "ana@example.org", std::string(2000, 'x'), "192.0.2.1")), ErrorCode::unauthenticated);

  for (const std::string& token : std::vector<std::string>{"", "garbage", std::string(500, 'a')})
    EXPECT_EQ(code_of(authenticate_session(ctx(), token)), ErrorCode::unauthenticated) << token.size();
}

// --- rate limits -------------------------------------------------------------------------------------

TEST_F(Accounts, FiveFailuresLockTheAccountForTheWindowEvenWithTheRightPassword) {
  ASSERT_EQ(kLoginAccountLimit, 5);
  ASSERT_EQ(kLoginWindowSeconds, 15 * kMinute);
  create_cheap("ana@example.org");
  create_cheap("bob@example.org");
  // Case does not make another account key: all five count against ana@example.org.
  const std::vector<std::string> spellings{"ana@example.org", "Ana@example.org", "ANA@EXAMPLE.ORG", "ana@Example.org",
                                           " ana@example.org"};
  for (size_t i = 0; i < spellings.size(); ++i) {
    now_ = kStart + static_cast<Instant>(i) * 10;
    EXPECT_EQ(code_of(login(ctx(), spellings[i], kOtherPassword, "192.0.2." + std::to_string(i))),
              ErrorCode::unauthenticated);
  }
  now_ = kStart + kMinute;
  for (const char* ip : {"192.0.2.1", "198.51.100.7"}) {
    const auto locked = login(ctx(), "ana@example.org", kPassword, ip);
    ASSERT_FALSE(locked.has_value()) << "the right password got through a locked account from " << ip;
    EXPECT_EQ(locked.error().code, ErrorCode::rate_limited);
    EXPECT_EQ(locked.error().retry_after, 15 * kMinute - kMinute);
  }
  // Another account from the same address is not affected.
  EXPECT_TRUE(login(ctx(), "bob@example.org", kPassword, "192.0.2.1").has_value());

  now_ = kStart + 15 * kMinute - 1;
  const auto last_second = login(ctx(), "ana@example.org", kPassword, "192.0.2.1");
  ASSERT_FALSE(last_second.has_value());
  EXPECT_EQ(last_second.error().code, ErrorCode::rate_limited);
  EXPECT_EQ(last_second.error().retry_after, 1);

  now_ = kStart + 15 * kMinute;  // the window is over
  const LoginResult in = sign_in("ana@example.org");
  EXPECT_TRUE(authenticate_session(ctx(), in.token).has_value());
  // Signing in cleared the account's failures: four more wrong tries leave the right one open.
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(code_of(login(ctx(), "ana@example.org", kOtherPassword, "192.0.2.1")), ErrorCode::unauthenticated);
  EXPECT_TRUE(login(ctx(), "ana@example.org", kPassword, "192.0.2.1").has_value());
}

TEST_F(Accounts, ThirtyFailuresFromOneAddressLockItAcrossEmails) {
  ASSERT_EQ(kLoginIpLimit, 30);
  std::vector<std::string> emails;
  for (int i = 0; i < 10; ++i) emails.push_back("user" + std::to_string(i) + "@example.org");
  for (const auto& e : emails) create_cheap(e);
  create_cheap("victim@example.org");
  const std::string attacker = "203.0.113.9";
  int failures = 0;
  for (int round = 0; round < 3; ++round)  // three per account: no account reaches its own limit
    for (size_t i = 0; i < emails.size() && failures < 29; ++i, ++failures) {
      now_ = kStart + failures;
      EXPECT_EQ(code_of(login(ctx(), emails[i], kOtherPassword, attacker)), ErrorCode::unauthenticated);
    }
  now_ = kStart + 29;  // the 30th failure is for an email without an account
  EXPECT_EQ(code_of(login(ctx(), "nobody@example.org", kOtherPassword, attacker)), ErrorCode::unauthenticated);

  now_ = kStart + 100;
  const auto locked = login(ctx(), "victim@example.org", kPassword, attacker);
  ASSERT_FALSE(locked.has_value()) << "the 31st attempt from one address was checked";
  EXPECT_EQ(locked.error().code, ErrorCode::rate_limited);
  EXPECT_EQ(locked.error().retry_after, 15 * kMinute - 100);
  // The victim, from their own address, is not locked out.
  EXPECT_TRUE(login(ctx(), "victim@example.org", kPassword, "192.0.2.50").has_value());

  now_ = kStart + 15 * kMinute;
  EXPECT_TRUE(login(ctx(), "victim@example.org", kPassword, attacker).has_value());
}

TEST_F(Accounts, ConcurrentWrongPasswordsAreCheckedNoMoreThanTheLimitAllows) {
  create_cheap("ana@example.org");
  constexpr int kGuesses = 16;
  std::latch start(kGuesses);
  std::atomic<int> checked{0}, limited{0}, other{0};
  std::vector<std::thread> guessers;
  for (int i = 0; i < kGuesses; ++i)
    guessers.emplace_back([&, i] {
      start.arrive_and_wait();  // all at once, as a scripted attacker would
      const auto r = login(ctx(), "ana@example.org", "wrong guess " + std::to_string(i), "192.0.2." + std::to_string(i));
      if (r) ++other;
      else if (r.error().code == ErrorCode::unauthenticated) ++checked;
      else if (r.error().code == ErrorCode::rate_limited) ++limited;
      else ++other;
    });
  for (auto& t : guessers) t.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_LE(checked.load(), kLoginAccountLimit)
      << checked.load() << " parallel guesses were checked against the password; " << limited.load()
      << " were refused. The attempt must be counted before the slow check, in the same transaction as the "
         "limit test, or parallel requests get past the limit.";
}

// --- session lifetimes ---------------------------------------------------------------------------------

TEST_F(Accounts, SessionEndsAfterThirtyIdleMinutes) {
  create("ana@example.org");
  const LoginResult a = sign_in("ana@example.org");
  const LoginResult b = sign_in("ana@example.org");

  now_ = kStart + 29 * kMinute;
  EXPECT_TRUE(authenticate_session(ctx(), a.token).has_value()) << "29 idle minutes";
  now_ = kStart + 31 * kMinute;
  EXPECT_EQ(code_of(authenticate_session(ctx(), b.token)), ErrorCode::unauthenticated) << "31 idle minutes";
  EXPECT_FALSE(stored_session(b.principal.session_hash)) << "an expired session is removed";
  now_ = kStart;  // even with the clock back, an ended session stays ended
  EXPECT_EQ(code_of(authenticate_session(ctx(), b.token)), ErrorCode::unauthenticated);

  // a was used at minute 29: idle time counts from there.
  now_ = kStart + 29 * kMinute + 29 * kMinute;
  EXPECT_TRUE(authenticate_session(ctx(), a.token).has_value());
  now_ = kStart + 58 * kMinute + 31 * kMinute;
  EXPECT_EQ(code_of(authenticate_session(ctx(), a.token)), ErrorCode::unauthenticated);
}

TEST_F(Accounts, SessionEndsAfterTwelveHoursHoweverActive) {
  create("ana@example.org");
  const LoginResult in = sign_in("ana@example.org");
  for (Instant t = 20 * kMinute; t <= 11 * kHour + 40 * kMinute; t += 20 * kMinute) {
    now_ = kStart + t;
    ASSERT_TRUE(authenticate_session(ctx(), in.token).has_value()) << "after " << t / kMinute << " minutes";
  }
  now_ = kStart + 12 * kHour + 1;  // 20 minutes and a second after the last activity
  EXPECT_EQ(code_of(authenticate_session(ctx(), in.token)), ErrorCode::unauthenticated);
}

TEST_F(Accounts, PruneSessionsRemovesOnlyUnusableOnes) {
  const Account ana = create_cheap("ana@example.org");
  must(store::with_write(*db_, [&](store::Transaction& tx) -> Result<void> {
    HW_CHECK(tx.insert_session(core::Session{"fresh", ana.id, "c", kStart, kStart + 12 * kHour - 10 * kMinute}));
    HW_CHECK(tx.insert_session(core::Session{"idle", ana.id, "c", kStart + 11 * kHour, kStart + 11 * kHour}));
    HW_CHECK(tx.insert_session(core::Session{"old", ana.id, "c", kStart - 1, kStart + 12 * kHour - kMinute}));
    return {};
  }));
  now_ = kStart + 12 * kHour;
  EXPECT_EQ(must(prune_sessions(ctx())), 2);
  EXPECT_TRUE(stored_session("fresh"));
  EXPECT_FALSE(stored_session("idle"));
  EXPECT_FALSE(stored_session("old"));
}

TEST_F(Accounts, LogoutEndsOnlyThatSession) {
  create("ana@example.org");
  const LoginResult a = sign_in("ana@example.org");
  const LoginResult b = sign_in("ana@example.org");
  const Principal who = must(authenticate_session(ctx(), a.token));
  must(logout(ctx(), who));
  EXPECT_EQ(code_of(authenticate_session(ctx(), a.token)), ErrorCode::unauthenticated);
  EXPECT_TRUE(authenticate_session(ctx(), b.token).has_value());
  must(logout(ctx(), who));  // twice is harmless
}

// --- passwords -----------------------------------------------------------------------------------------

TEST_F(Accounts, ChangePasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  const Account ana = create("ana@example.org");
  const LoginResult here = sign_in("ana@example.org");
  const LoginResult elsewhere = sign_in("ana@example.org");
  const CreatedToken token = must(create_api_token(ctx(), here.principal, "script", "read"));

  const auto wrong = change_password(ctx(), here.principal, kOtherPassword, "my brand new passphrase");
  EXPECT_EQ(code_of(wrong), ErrorCode::forbidden);
  EXPECT_EQ(wrong.error().field, "current_password");
  EXPECT_EQ(code_of(change_password(ctx(), here.principal, "", "my brand new passphrase")), ErrorCode::invalid);
  const auto too_short = change_password(ctx(), here.principal, kPassword, "short");
  EXPECT_EQ(code_of(too_short), ErrorCode::invalid);
  EXPECT_EQ(too_short.error().field, "new_password");
  EXPECT_TRUE(authenticate_session(ctx(), elsewhere.token).has_value()) << "a refused change ended sessions";

  now_ = kStart + 5 * kMinute;
  must(change_password(ctx(), here.principal, kPassword, "my brand new passphrase"));
  EXPECT_TRUE(authenticate_session(ctx(), here.token).has_value()) << "the session that changed it stays";
  EXPECT_EQ(code_of(authenticate_session(ctx(), elsewhere.token)), ErrorCode::unauthenticated);
  EXPECT_TRUE(authenticate_token(ctx(), token.secret).has_value()) << "API tokens are revoked one by one";
  EXPECT_EQ(stored_account(ana.id)->password_changed_at, kStart + 5 * kMinute);

  EXPECT_EQ(code_of(login(ctx(), "ana@example.org", kPassword, "192.0.2.1")), ErrorCode::unauthenticated);
  EXPECT_TRUE(login(ctx(), "ana@example.org", "my brand new passphrase", "192.0.2.1").has_value());
}

TEST_F(Accounts, SignInUpgradesAnOutdatedHash) {
  const Account ana = create_cheap("ana@example.org");
  const std::string before = stored_account(ana.id)->password_hash;
  ASSERT_EQ(before.rfind("$argon2id$v=19$m=8192,t=1,p=1$", 0), 0u) << before;

  now_ += kHour;
  sign_in("ana@example.org");
  const Account after = stored_account(ana.id).value();
  EXPECT_EQ(after.password_hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << after.password_hash;
  EXPECT_EQ(after.password_hash.find(kPassword), std::string::npos);
  EXPECT_EQ(after.password_changed_at, ana.password_changed_at) << "a rehash is not a password change";
  EXPECT_TRUE(login(ctx(), "ana@example.org", kPassword, "192.0.2.1").has_value());
  EXPECT_EQ(stored_account(ana.id)->password_hash, after.password_hash) << "an up-to-date hash is kept";
}

// --- personal API tokens ---------------------------------------------------------------------------------

TEST_F(Accounts, ApiTokensAuthenticateWithTheirScopeUntilRevoked) {
  const Account ana = create("ana@example.org");
  const Account bob = create_cheap("bob@example.org");
  const LoginResult in = sign_in("ana@example.org");

  const CreatedToken reader = must(create_api_token(ctx(), in.principal, "dashboard", "read"));
  const CreatedToken writer = must(create_api_token(ctx(), in.principal, "sync", "read-write"));
  EXPECT_EQ(reader.secret.rfind("hw_", 0), 0u);
  EXPECT_NE(reader.secret, writer.secret);
  EXPECT_EQ(code_of(create_api_token(ctx(), in.principal, "bad", "admin")), ErrorCode::invalid);
  EXPECT_EQ(code_of(create_api_token(ctx(), in.principal, "", "read")), ErrorCode::invalid);

  const auto listed = must(list_api_tokens(ctx(), in.principal));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].token_hash, hash_token(reader.secret));
  EXPECT_EQ(listed[0].name, "dashboard");
  for (const auto& t : listed) EXPECT_EQ(t.token_hash.find(reader.secret.substr(3)), std::string::npos);
  EXPECT_TRUE(must(list_api_tokens(ctx(), principal_of(bob))).empty());

  now_ += kMinute;
  const Principal r = must(authenticate_token(ctx(), reader.secret));
  EXPECT_TRUE(r.via_token);
  EXPECT_EQ(r.scope, TokenScope::read);
  EXPECT_EQ(r.account_id, ana.id);
  EXPECT_EQ(r.actor.person_id, ana.person_id);
  EXPECT_TRUE(r.session_hash.empty());
  EXPECT_EQ(must(authenticate_token(ctx(), writer.secret)).scope, TokenScope::read_write);
  EXPECT_EQ(must(list_api_tokens(ctx(), in.principal))[0].last_used_at, now_);
  // Session cookies and API tokens are not interchangeable.
  EXPECT_EQ(code_of(authenticate_token(ctx(), in.token)), ErrorCode::unauthenticated);
  EXPECT_EQ(code_of(authenticate_session(ctx(), reader.secret)), ErrorCode::unauthenticated);
  EXPECT_EQ(code_of(authenticate_token(ctx(), "hw_unknown")), ErrorCode::unauthenticated);

  // Bob cannot revoke Ana's token, and trying changes nothing.
  EXPECT_EQ(code_of(revoke_api_token(ctx(), principal_of(bob), reader.token.id)), ErrorCode::not_found);
  EXPECT_TRUE(authenticate_token(ctx(), reader.secret).has_value());

  must(revoke_api_token(ctx(), in.principal, reader.token.id));
  EXPECT_EQ(code_of(authenticate_token(ctx(), reader.secret)), ErrorCode::unauthenticated);
  EXPECT_TRUE(authenticate_token(ctx(), writer.secret).has_value());
  EXPECT_EQ(code_of(revoke_api_token(ctx(), in.principal, reader.token.id)), ErrorCode::not_found);
}

// --- registration ----------------------------------------------------------------------------------------

NewAccount member(const std::string& email, const std::string& invite = "") {
  NewAccount in;
  in.email = email;
  in.password = kPassword;
  in.invite = invite;
  in.admin = true;  // ignored: registration never makes an administrator
  return in;
}

TEST_F(Accounts, InviteOnlyRegistrationNeedsAValidUnusedInviteForTheEmail) {
  EXPECT_EQ(must(registration_mode(ctx())), Registration::invite_only) << "invite-only is the default";
  const auto without = register_account(ctx(), member("carol@example.org"));
  EXPECT_EQ(code_of(without), ErrorCode::invalid);
  EXPECT_EQ(without.error().field, "invite");

  const CreatedInvite anyone = must(create_invite(ctx(), 0, ""));
  EXPECT_EQ(anyone.invite.expires_at, kStart + kInviteDays * 86400);
  const Account carol = must(register_account(ctx(), member("carol@example.org", anyone.token)));
  EXPECT_FALSE(carol.admin);
  EXPECT_FALSE(stored_account(carol.id)->admin);

  struct Refused {
    const char* name;
    NewAccount in;
  };
  const CreatedInvite for_erin = must(create_invite(ctx(), carol.id, "Erin@Example.org"));
  const CreatedInvite short_lived = must(create_invite(ctx(), 0, "", 1));
  now_ = kStart + 86400;  // short_lived expires now
  const std::vector<Refused> refused = {
      {"used invite", member("dave@example.org", anyone.token)},
      {"unknown invite", member("dave@example.org", "not-an-invite")},
      {"expired invite", member("dave@example.org", short_lived.token)},
      {"invite for another email", member("frank@example.org", for_erin.token)},
  };
  for (const Refused& r : refused) {
    SCOPED_TRACE(r.name);
    const auto result = register_account(ctx(), r.in);
    EXPECT_EQ(code_of(result), ErrorCode::invalid);
    if (!result) {
      EXPECT_EQ(result.error().field, "invite");
    }
  }
  EXPECT_EQ(must(list_accounts(ctx())).size(), 1u);

  const Account erin = must(register_account(ctx(), member("erin@example.org", for_erin.token)));
  EXPECT_EQ(erin.email, "erin@example.org");
  EXPECT_EQ(code_of(register_account(ctx(), member("erin2@example.org", for_erin.token))), ErrorCode::invalid);
}

TEST_F(Accounts, RefusedRegistrationLeavesTheInviteUnused) {
  create_cheap("carol@example.org");
  const CreatedInvite invite = must(create_invite(ctx(), 0, ""));
  EXPECT_EQ(code_of(register_account(ctx(), member("carol@example.org", invite.token))), ErrorCode::conflict);
  EXPECT_TRUE(register_account(ctx(), member("gina@example.org", invite.token)).has_value());
}

TEST_F(Accounts, OpenRegistrationNeedsNoInvite) {
  EXPECT_EQ(code_of(set_registration_mode(ctx(), "closed")), ErrorCode::invalid);
  must(set_registration_mode(ctx(), "open"));
  EXPECT_EQ(must(registration_mode(ctx())), Registration::open);
  const Account hana = must(register_account(ctx(), member("hana@example.org")));
  EXPECT_FALSE(hana.admin);
  EXPECT_TRUE(login(ctx(), "hana@example.org", kPassword, "192.0.2.1").has_value());
  EXPECT_EQ(code_of(register_account(ctx(), member("HANA@example.org"))), ErrorCode::conflict);

  must(set_registration_mode(ctx(), "invite-only"));
  EXPECT_EQ(code_of(register_account(ctx(), member("ivan@example.org"))), ErrorCode::invalid);
}

// --- deleting and linking ----------------------------------------------------------------------------------

TEST_F(Accounts, DeleteAccountNeedsThePasswordAndRemovesOnlyThatPerson) {
  const Account ana = create("ana@example.org");
  const Account bob = create_cheap("bob@example.org");
  add_value(ana.person_id, "Family");
  add_value(bob.person_id, "Health");
  const LoginResult ana_in = sign_in("ana@example.org");
  const LoginResult bob_in = sign_in("bob@example.org");
  const CreatedToken ana_token = must(create_api_token(ctx(), ana_in.principal, "script", "read"));
  const CreatedToken bob_token = must(create_api_token(ctx(), bob_in.principal, "script", "read"));

  const auto wrong = delete_account(ctx(), ana_in.principal, kOtherPassword);
  EXPECT_EQ(code_of(wrong), ErrorCode::forbidden);
  EXPECT_EQ(code_of(delete_account(ctx(), ana_in.principal, "")), ErrorCode::invalid);
  EXPECT_TRUE(stored_account(ana.id));
  EXPECT_EQ(values_of(ana.person_id).size(), 1u);

  must(delete_account(ctx(), ana_in.principal, kPassword));
  EXPECT_FALSE(stored_account(ana.id));
  EXPECT_FALSE(stored_person(ana.person_id));
  EXPECT_TRUE(values_of(ana.person_id).empty());
  EXPECT_EQ(code_of(authenticate_session(ctx(), ana_in.token)), ErrorCode::unauthenticated);
  EXPECT_EQ(code_of(authenticate_token(ctx(), ana_token.secret)), ErrorCode::unauthenticated);
  EXPECT_EQ(code_of(login(ctx(), "ana@example.org", kPassword, "192.0.2.1")), ErrorCode::unauthenticated);

  EXPECT_TRUE(stored_account(bob.id));
  EXPECT_TRUE(stored_person(bob.person_id));
  EXPECT_EQ(values_of(bob.person_id).size(), 1u);
  EXPECT_TRUE(authenticate_session(ctx(), bob_in.token).has_value());
  EXPECT_TRUE(authenticate_token(ctx(), bob_token.secret).has_value());
}

TEST_F(Accounts, CreateAccountAdoptsTheLocalProfileWithTheSameEmail) {
  const core::Person local = must(init_profile(
      ctx(), InitRequest{.name = "Ana", .timezone = "Europe/Berlin", .email = "ana@example.org"}));
  add_value(local.id, "Family");
  const Account bob = create("bob@example.org");  // another email: a person of its own
  EXPECT_NE(bob.person_id, local.id);
  const Account ana = create("ana@example.org");
  EXPECT_EQ(ana.person_id, local.id);
  EXPECT_EQ(people().size(), 2u);
  EXPECT_EQ(values_of(ana.person_id).size(), 1u) << "the profile's data stays with the account";

  // Deleting the account deletes the local profile too, and a new one can be made.
  const LoginResult in = sign_in("ana@example.org");
  must(delete_account(ctx(), in.principal, kPassword));
  EXPECT_FALSE(stored_person(local.id));
  EXPECT_TRUE(init_profile(ctx(), InitRequest{.name = "Ana", .timezone = "UTC", .email = "ana@example.org"}).has_value());
}

TEST_F(Accounts, CreateAccountAdoptsTheLocalProfileWhateverTheEmailsCase) {
  const core::Person local =
      must(init_profile(ctx(), InitRequest{.name = "Ana", .timezone = "UTC", .email = "Ana@Example.org"}));
  const Account linked = create("ana@example.org");
  EXPECT_EQ(linked.person_id, local.id) << "the profile's email differs only in case, yet a new person was made";
}

TEST_F(Accounts, CreateAccountAdoptsTheLocalProfileOnlyOnce) {
  const core::Person local =
      must(init_profile(ctx(), InitRequest{.name = "Ana", .timezone = "UTC", .email = "ana@example.org"}));
  const Account ana = create("ana@example.org");
  ASSERT_EQ(ana.person_id, local.id);
  // The same email again is a conflict, not a second account on the same person.
  EXPECT_EQ(code_of(create_account(ctx(), input("ana@example.org", kOtherPassword))),
            ErrorCode::conflict);
  EXPECT_EQ(people().size(), 1u);
}

TEST_F(Accounts, RegistrationNeverAdoptsTheLocalProfile) {
  const core::Person local =
      must(init_profile(ctx(), InitRequest{.name = "Ana", .timezone = "UTC", .email = "ana@example.org"}));
  add_value(local.id, "Family");
  must(set_registration_mode(ctx(), "open"));
  const Account stranger = must(register_account(ctx(), member("ana@example.org")));
  EXPECT_NE(stranger.person_id, local.id) << "a self-registered account took over the local profile's data";
  EXPECT_EQ(people().size(), 2u);
  EXPECT_TRUE(values_of(stranger.person_id).empty());
}

}  // namespace
}  // namespace headway::service
