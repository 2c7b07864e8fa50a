#include "core/account.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// --- validate_email --------------------------------------------------------------------------------

TEST(ValidateEmail, Table) {
  struct Case {
    const char* name;
    std::string input;
    std::optional<std::string> want;  // nullopt: refused with field "email"
  };
  const std::string long254 = std::string(242, 'a') + "@example.org";
  const std::string long255 = "a" + long254;
  const std::vector<Case> cases = {
      {"plain", "ana@example.org", "ana@example.org"},
      {"sub-domain and plus", "ana+work@mail.example.co.uk", "ana+work@mail.example.co.uk"},
      {"upper case is lowered", "Ana.Lopez@Example.ORG", "ana.lopez@example.org"},
      {"spaces and tabs around are trimmed", " \t ana@example.org\t ", "ana@example.org"},
      {"non-ASCII kept, ASCII lowered", "Zoë@Example.org", "zoë@example.org"},
      {"254 characters", long254, long254},
      {"254 characters inside spaces", "  " + long254 + "  ", long254},
      {"empty", "", std::nullopt},
      {"only spaces", "   \t ", std::nullopt},
      {"no @", "ana.example.org", std::nullopt},
      {"two @", "ana@lopez@example.org", std::nullopt},
      {"@ first", "@example.org", std::nullopt},
      {"nothing after @", "ana@", std::nullopt},
      {"no dot in domain", "ana@localhost", std::nullopt},
      {"domain starts with a dot", "ana@.example.org", std::nullopt},
      {"domain ends with a dot", "ana@example.org.", std::nullopt},
      {"space inside", "ana lopez@example.org", std::nullopt},
      {"space before @", "ana @example.org", std::nullopt},
      {"tab inside", "ana\t@example.org", std::nullopt},
      {"newline at the end (not trimmed)", "ana@example.org\n", std::nullopt},
      {"CR LF inside", "ana@example.org\r\nBcc: eve@example.org", std::nullopt},
      {"control character", std::string("ana\x01@example.org"), std::nullopt},
      {"NUL byte", std::string("ana\0@example.org", 16), std::nullopt},
      {"DEL", "ana\x7f@example.org", std::nullopt},
      {"display name with <>", "Ana <ana@example.org>", std::nullopt},
      {"list with a comma", "ana@example.org,bob@example.org", std::nullopt},
      {"255 characters", long255, std::nullopt},
      {"invalid UTF-8 byte", "ana\xff@example.org", std::nullopt},
      {"truncated UTF-8 sequence", "ana\xc3@example.org", std::nullopt},
      {"overlong UTF-8 '/'", "ana\xc0\xaf@example.org", std::nullopt},
      {"UTF-16 surrogate", "ana\xed\xa0\x80@example.org", std::nullopt},
  };
  ASSERT_EQ(long254.size(), 254u);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = validate_email(c.input);
    if (c.want) {
      ASSERT_TRUE(r) << r.error().message;
      EXPECT_EQ(*r, *c.want);
    } else {
      ASSERT_FALSE(r) << "accepted as " << *r;
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, "email");
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST(ValidateEmail, ErrorNamesTheGivenField) {
  const auto r = validate_email("nobody", "invite_email");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "invite_email");
}

// --- validate_password ------------------------------------------------------------------------------

TEST(ValidatePassword, Table) {
  struct Case {
    const char* name;
    std::string input;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"11 ASCII characters", std::string(11, 'a'), false},
      {"12 ASCII characters", std::string(12, 'a'), true},
      {"empty", "", false},
      {"11 two-byte characters (22 bytes)", repeat("ä", 11), false},
      {"12 two-byte characters count as 12", repeat("ä", 12), true},
      {"11 four-byte characters (44 bytes)", repeat("🌱", 11), false},
      {"12 four-byte characters count as 12", repeat("🌱", 12), true},
      {"11 ASCII and one three-byte character", std::string(11, 'a') + "€", true},
      {"1024 bytes", std::string(1024, 'a'), true},
      {"1025 bytes", std::string(1025, 'a'), false},
      {"1023 bytes then a two-byte character", std::string(1023, 'a') + "ä", false},
      {"invalid byte", std::string(12, 'a') + "\xff", false},
      {"truncated sequence at the end", std::string(12, 'a') + "\xe2\x82", false},
      {"lone continuation bytes", repeat("\x80", 12), false},
      {"UTF-16 surrogate", std::string(12, 'a') + "\xed\xa0\x80", false},
      {"overlong form", std::string(12, 'a') + "\xc0\xaf", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = validate_password(c.input);
    if (c.ok) {
      ASSERT_TRUE(r) << r.error().message;
      EXPECT_EQ(*r, c.input) << "a password is taken as typed";
    } else {
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, "password");
    }
  }
}

TEST(ValidatePassword, KeepsSpacesAndNamesTheGivenField) {
  const std::string spaced = "  correct horse battery  ";
  EXPECT_EQ(validate_password(spaced).value(), spaced);
  const auto r = validate_password("short", "new_password");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "new_password");
}

// --- session_alive ----------------------------------------------------------------------------------

TEST(SessionAlive, IdleAndAbsoluteBoundaries) {
  constexpr Instant t = 1'764'000'000;
  constexpr Instant minute = 60, hour = 3600;
  ASSERT_EQ(kSessionIdleSeconds, 30 * minute);
  ASSERT_EQ(kSessionAbsoluteSeconds, 12 * hour);
  struct Case {
    const char* name;
    Instant created_at, last_seen, now;
    bool alive;
  };
  const std::vector<Case> cases = {
      {"just made", t, t, t, true},
      {"29 minutes idle", t, t, t + 29 * minute, true},
      {"exactly 30 minutes idle", t, t, t + 30 * minute, true},
      {"30 minutes and 1 second idle", t, t, t + 30 * minute + 1, false},
      {"31 minutes idle", t, t, t + 31 * minute, false},
      {"idle counts from last_seen, not created_at", t, t + 2 * hour, t + 2 * hour + 29 * minute, true},
      {"idle after recent activity", t, t + 2 * hour, t + 2 * hour + 31 * minute, false},
      {"exactly 12 hours old, just seen", t, t + 12 * hour, t + 12 * hour, true},
      {"12 hours and 1 second old, just seen", t, t + 12 * hour + 1, t + 12 * hour + 1, false},
      {"12 hours old, seen 10 minutes ago", t, t + 11 * hour + 50 * minute, t + 12 * hour, true},
      {"13 hours old, seen 1 minute ago", t, t + 13 * hour - minute, t + 13 * hour, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Session s;
    s.token_hash = "h";
    s.account_id = 1;
    s.created_at = c.created_at;
    s.last_seen = c.last_seen;
    EXPECT_EQ(session_alive(s, c.now), c.alive);
  }
}

// --- rate_check ---------------------------------------------------------------------------------------

std::string show(const RateWindow& w) {
  return "{" + w.key + " start=" + std::to_string(w.window_start) + " count=" + std::to_string(w.count) + "}";
}

TEST(RateCheck, Table) {
  constexpr Instant window = 900;
  constexpr int limit = 5;
  constexpr Instant t = 1000;
  const std::string key = "login-account:ana@example.org";
  struct Case {
    const char* name;
    std::optional<RateWindow> current;
    Instant now;
    Instant retry_after;
    RateWindow want;  // the window to store (or, when limited, the unchanged current one)
  };
  const std::vector<Case> cases = {
      {"first attempt opens a window", std::nullopt, t, 0, {key, t, 1}},
      {"second attempt counts", RateWindow{key, t, 1}, t + 10, 0, {key, t, 2}},
      {"the limit-th attempt is still allowed", RateWindow{key, t, 4}, t + 100, 0, {key, t, 5}},
      {"at the limit: wait for the rest of the window", RateWindow{key, t, 5}, t + 100, 800, {key, t, 5}},
      {"at the limit, right after the window opened", RateWindow{key, t, 5}, t, 900, {key, t, 5}},
      {"at the limit in the last second of the window", RateWindow{key, t, 5}, t + 899, 1, {key, t, 5}},
      {"over the limit (another node counted too)", RateWindow{key, t, 9}, t + 300, 600, {key, t, 9}},
      {"window over exactly: a fresh window", RateWindow{key, t, 5}, t + 900, 0, {key, t + 900, 1}},
      {"window long over: a fresh window", RateWindow{key, t, 5}, t + 86400, 0, {key, t + 86400, 1}},
      {"clock went back: a fresh window from now", RateWindow{key, t, 5}, t - 1, 0, {key, t - 1, 1}},
      {"clock went far back: never a wait longer than a window", RateWindow{key, t, 5}, t - 5000, 0,
       {key, t - 5000, 1}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const RateDecision d = rate_check(c.current, key, c.now, window, limit);
    EXPECT_EQ(d.retry_after, c.retry_after);
    EXPECT_EQ(show(d.window), show(c.want));
    EXPECT_GE(d.retry_after, 0);
    EXPECT_LE(d.retry_after, window);
  }
}

TEST(RateCheck, CountingFromNothingAllowsExactlyLimitAttempts) {
  for (int limit : {1, 5, 30}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    std::optional<RateWindow> stored;
    int allowed = 0;
    for (int attempt = 0; attempt < limit + 3; ++attempt) {
      const RateDecision d = rate_check(stored, "k", 5000 + attempt, 900, limit);
      if (d.retry_after == 0) {
        ++allowed;
        stored = d.window;
      }
    }
    EXPECT_EQ(allowed, limit);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->count, limit);
    EXPECT_EQ(stored->window_start, 5000);
  }
}

// --- token scopes ---------------------------------------------------------------------------------

TEST(TokenScope, RoundTripsAndRejectsOthers) {
  for (TokenScope s : {TokenScope::read, TokenScope::read_write}) EXPECT_EQ(parse_token_scope(to_string(s)), s);
  EXPECT_EQ(to_string(TokenScope::read_write), "read-write");
  for (const char* bad : {"", "write", "READ", "read_write", "read "}) EXPECT_EQ(parse_token_scope(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace headway::core
