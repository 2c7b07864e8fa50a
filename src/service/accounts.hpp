#pragma once
// Accounts, sign-in, sessions, personal API tokens and invites: who is acting, decided here only.
// Secrets leave this layer once (the token a caller must keep) and are stored only as hashes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.hpp"
#include "service/context.hpp"

namespace headway::service {

// --- secrets --------------------------------------------------------------------------------
// 256 random bits, base64url without padding (43 characters).
std::string random_token();
// Hex SHA-256 of a token: what the database keeps instead of the token.
std::string hash_token(std::string_view token);

// argon2id cost; the defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane).
struct PasswordCost {
  unsigned long long ops = 2;
  size_t memory_bytes = 19u << 20;
};
inline constexpr PasswordCost kPasswordCost{};
Result<std::string> hash_password(std::string_view password, const PasswordCost& cost = kPasswordCost);
bool verify_password(const std::string& hash, std::string_view password);
// True when the hash was made with other parameters than kPasswordCost.
bool password_needs_rehash(const std::string& hash);

// --- accounts -------------------------------------------------------------------------------
struct NewAccount {
  std::string email;
  std::string password;
  std::string name;              // default: the part of the email before the @
  std::string timezone = "UTC";
  std::string work_hours = "Mon-Fri 09:00-17:30";
  bool admin = false;
  std::string invite;            // registration by invite: the invite token
  std::string client_ip;         // registration over the API: attempts are limited per address
};

// Creates an account from the command line (no registration rules). A local profile with the
// same email and no account becomes this account's person, so its data stays.
Result<core::Account> create_account(Context& ctx, const NewAccount& in);
// Self-service registration over the API: open, or invite-only with a valid unused invite.
Result<core::Account> register_account(Context& ctx, const NewAccount& in);
Result<std::vector<core::Account>> list_accounts(Context& ctx);

enum class Registration { invite_only, open };
std::string_view to_string(Registration r);
Result<Registration> registration_mode(Context& ctx);
Result<void> set_registration_mode(Context& ctx, std::string_view mode);

struct CreatedInvite {
  core::Invite invite;
  std::string token;  // shown once
};
inline constexpr int kInviteDays = 7;
Result<CreatedInvite> create_invite(Context& ctx, core::Id created_by, const std::string& email, int days = kInviteDays);

// --- sign-in --------------------------------------------------------------------------------
// Who a request acts for, and how it proved it.
struct Principal {
  Actor actor;
  core::Id account_id = 0;
  bool admin = false;
  bool via_token = false;                         // a personal API token rather than a session
  core::TokenScope scope = core::TokenScope::read_write;
  std::string session_hash;                       // the session's token hash (sessions only)
  std::string csrf_token;                         // sessions only
};

inline constexpr int kLoginAccountLimit = 5;   // failed attempts per account per window
inline constexpr int kLoginIpLimit = 30;       // failed attempts per client address per window
inline constexpr core::Instant kLoginWindowSeconds = 15 * 60;
inline constexpr int kRegisterIpLimit = 20;    // registration attempts per client address per window

struct LoginResult {
  std::string token;  // the cookie value, shown once
  Principal principal;
};
// Checks the password (slow by design: run it off the I/O threads) and starts a new session.
// Failures are counted per account and per client address; over the limit the answer is
// rate_limited with retry_after, even for the right password.
Result<LoginResult> login(Context& ctx, std::string_view email, std::string_view password, const std::string& client_ip);
// Checks an email and password like `login`, without starting a session or counting the attempt:
// for the command line, which holds the database already.
Result<Principal> verify_credentials(Context& ctx, std::string_view email, std::string_view password);
// The principal of a session cookie token; unauthenticated when unknown, expired or idle.
Result<Principal> authenticate_session(Context& ctx, std::string_view token);
// The principal of a personal API token; unauthenticated when unknown or revoked.
Result<Principal> authenticate_token(Context& ctx, std::string_view token);
Result<void> logout(Context& ctx, const Principal& who);
// Changes the password after checking the current one, and ends the account's other sessions.
Result<void> change_password(Context& ctx, const Principal& who, std::string_view current, std::string_view next);
// Deletes the account, its person and everything they own, after checking the password.
Result<void> delete_account(Context& ctx, const Principal& who, std::string_view password);
// Removes sessions that can no longer be used.
Result<int64_t> prune_sessions(Context& ctx);

// --- personal API tokens --------------------------------------------------------------------
struct CreatedToken {
  core::ApiToken token;
  std::string secret;  // shown once
};
Result<CreatedToken> create_api_token(Context& ctx, const Principal& who, const std::string& name, std::string_view scope);
Result<std::vector<core::ApiToken>> list_api_tokens(Context& ctx, const Principal& who);
Result<void> revoke_api_token(Context& ctx, const Principal& who, core::Id id);
// Sets a new password from the command line (no current password) and ends every session.
Result<void> reset_password(Context& ctx, std::string_view email, std::string_view password);
// The principal of an account, for commands an operator runs on its behalf.
Principal principal_for(const core::Account& a);
// Looks an account up by email, for the command line.
Result<core::Account> account_by_email(Context& ctx, std::string_view email);

}  // namespace headway::service
