#pragma once
// Sign-in accounts, browser sessions, personal API tokens, invites and rate-limit windows.
// Secrets never appear here: tokens are kept only as hashes, passwords only as argon2id strings.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/person.hpp"

namespace headway::core {

struct Account {
  Id id = 0;
  Id person_id = 0;
  std::string email;          // lower-case
  std::string password_hash;  // argon2id string
  bool admin = false;
  Instant created_at = 0;
  Instant password_changed_at = 0;
};

struct Session {
  std::string token_hash;  // hex SHA-256 of the cookie token
  Id account_id = 0;
  std::string csrf_token;
  Instant created_at = 0;
  Instant last_seen = 0;
};

enum class TokenScope { read, read_write };
std::string_view to_string(TokenScope s);
std::optional<TokenScope> parse_token_scope(std::string_view text);

struct ApiToken {
  Id id = 0;
  Id account_id = 0;
  std::string name;
  std::string token_hash;
  TokenScope scope = TokenScope::read;
  Instant created_at = 0;
  Instant last_used_at = 0;  // 0 = never
  Instant revoked_at = 0;    // 0 = active
};

struct Invite {
  Id id = 0;
  std::string token_hash;
  std::string email;  // empty: anyone holding the link
  Id created_by = 0;  // 0 = made on the command line
  Instant created_at = 0;
  Instant expires_at = 0;
  Instant used_at = 0;  // 0 = unused
};

// A fixed window of attempts for one rate-limit key ("login-account:..." or "login-ip:...").
struct RateWindow {
  std::string key;
  Instant window_start = 0;
  int count = 0;
};

// Session lifetimes.
inline constexpr Instant kSessionIdleSeconds = 30 * 60;
inline constexpr Instant kSessionAbsoluteSeconds = 12 * 3600;
// last_seen is rewritten at most this often, so reads stay reads.
inline constexpr Instant kSessionTouchSeconds = 60;
// True when the session is still valid at `now`.
bool session_alive(const Session& s, Instant now);

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;

// Checks and normalises an email address (trimmed, lower-case, one '@', a dot in the domain).
Result<std::string> validate_email(std::string_view text, std::string_view field = "email");
// Checks a new password: at least 12 characters (code points), at most 1 KiB, valid UTF-8.
Result<std::string> validate_password(std::string_view text, std::string_view field = "password");
// Checks a token's name: 1-100 characters, no control characters.
Result<std::string> validate_token_name(std::string_view text, std::string_view field = "name");

// Counts an attempt in a fixed window; returns the seconds to wait when `limit` is already
// reached, otherwise 0 and the updated window.
struct RateDecision {
  Instant retry_after = 0;
  RateWindow window;
};
RateDecision rate_check(const std::optional<RateWindow>& current, const std::string& key, Instant now,
                        Instant window_seconds, int limit);

}  // namespace headway::core
