#include "service/accounts.hpp"

#include <sodium.h>

#include <charconv>
#include <mutex>

#include "core/zone.hpp"
#include "service/circles.hpp"

namespace headway::service {
namespace {

constexpr const char* kRegistrationKey = "registration";

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no safe random source: nothing secure can run
  });
}

Error wrong_credentials() { return Error{ErrorCode::unauthenticated, "email or password is wrong", ""}; }
Error signed_out() { return Error{ErrorCode::unauthenticated, "sign in first: the session is missing, expired or ended", ""}; }

// A hash of a random password, verified against when the email is unknown, so that a wrong
// email costs as long as a wrong password and reveals nothing.
const std::string& dummy_hash() {
  static const std::string hash = *hash_password(random_token());
  return hash;
}

std::string default_name(const std::string& email) { return email.substr(0, email.find('@')); }

Result<core::Person> new_person(Context& ctx, const NewAccount& in, const std::string& email) {
  core::Person p;
  p.name = HW_TRY(core::validate_name(in.name.empty() ? default_name(email) : in.name, "name"));
  p.timezone = HW_TRY(core::Zone::find(in.timezone)).name();
  p.work_hours = HW_TRY(core::parse_work_hours(in.work_hours));
  p.email = email;
  p.created_at = ctx.clock();
  return p;
}

Principal principal_of(const core::Account& a) {
  Principal p;
  p.actor = Actor{a.person_id};
  p.account_id = a.id;
  p.admin = a.admin;
  return p;
}

// Counts an attempt in key's window when the window allows one more; otherwise returns the wait.
Result<core::Instant> take_attempt(store::Transaction& tx, const std::string& key, core::Instant now, int limit) {
  auto d = core::rate_check(HW_TRY(tx.find_rate_window(key)), key, now, kLoginWindowSeconds, limit);
  if (d.retry_after == 0) HW_CHECK(tx.put_rate_window(d.window));
  return d.retry_after;
}

// The rate_limited error for `what` ("failed sign-ins"), with the wait for Retry-After.
tl::unexpected<Error> too_many(const std::string& what, core::Instant wait, std::string field = {}) {
  Error e{ErrorCode::rate_limited, "too many " + what + "; try again in " + std::to_string(wait) + " seconds",
          std::move(field)};
  e.retry_after = wait;
  return tl::unexpected(e);
}

// The longest wait either window imposes, 0 when both allow another attempt.
Result<core::Instant> login_wait(store::Transaction& tx, const std::string& account_key, const std::string& ip_key,
                                 core::Instant now) {
  core::Instant wait = 0;
  for (const auto& [key, limit] : {std::pair{account_key, kLoginAccountLimit}, std::pair{ip_key, kLoginIpLimit}})
    wait = std::max(wait, core::rate_check(HW_TRY(tx.find_rate_window(key)), key, now, kLoginWindowSeconds, limit).retry_after);
  return wait;
}

Result<core::Account> insert_new_account(store::Transaction& tx, Context& ctx, const NewAccount& in,
                                         const std::string& email, const std::string& hash, bool link_local) {
  if (HW_TRY(tx.find_account_by_email(email)))
    return fail(ErrorCode::conflict, "an account with this email exists already", "email");
  core::Account a;
  a.email = email;
  a.password_hash = hash;
  a.admin = in.admin;
  a.created_at = a.password_changed_at = ctx.clock();
  if (link_local) {
    core::Id id = 0;
    if (auto local = HW_TRY(tx.get_setting("local_person_id"));
        local && std::from_chars(local->data(), local->data() + local->size(), id).ec == std::errc{}) {
      auto person = HW_TRY(tx.find_person(id));
      const auto profile_email = person ? core::validate_email(person->email) : Result<std::string>(std::string());
      if (person && profile_email && *profile_email == email && !HW_TRY(tx.find_account_by_person(id))) a.person_id = id;
    }
  }
  if (a.person_id == 0) a.person_id = HW_TRY(tx.insert_person(HW_TRY(new_person(ctx, in, email))));
  a.id = HW_TRY(tx.insert_account(a));
  return a;
}

}  // namespace

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string hash_token(std::string_view token) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<std::string> hash_password(std::string_view password, const PasswordCost& cost) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return fail(ErrorCode::internal, "out of memory while hashing the password");
  return std::string(out);
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash) {
  ensure_sodium();
  return crypto_pwhash_str_needs_rehash(hash.c_str(), kPasswordCost.ops, kPasswordCost.memory_bytes) != 0;
}

std::string_view to_string(Registration r) { return r == Registration::open ? "open" : "invite-only"; }

Result<Registration> registration_mode(Context& ctx) {
  auto v = HW_TRY(store::with_read(ctx.db, [](store::Transaction& tx) { return tx.get_setting(kRegistrationKey); }));
  return v && *v == "open" ? Registration::open : Registration::invite_only;
}

Result<void> set_registration_mode(Context& ctx, std::string_view mode) {
  if (mode != "open" && mode != "invite-only")
    return invalid("registration", "registration must be open or invite-only, not \"" + std::string(mode) + "\"");
  return store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.set_setting(kRegistrationKey, std::string(mode)); });
}

Result<core::Account> create_account(Context& ctx, const NewAccount& in) {
  const std::string email = HW_TRY(core::validate_email(in.email));
  HW_CHECK(core::validate_password(in.password));
  HW_CHECK(new_person(ctx, in, email));  // check name, zone and hours before the slow hash
  const std::string hash = HW_TRY(hash_password(in.password));
  return store::with_write(ctx.db, [&](store::Transaction& tx) { return insert_new_account(tx, ctx, in, email, hash, true); });
}

namespace {
// Refuses an invite that is unknown, used, expired or for another address.
Result<core::Invite> usable_invite(store::Transaction& tx, Context& ctx, const std::string& token, const std::string& email) {
  auto invite = HW_TRY(tx.find_invite(hash_token(token)));
  if (!invite || invite->used_at != 0 || invite->expires_at <= ctx.clock())
    return invalid("invite", "this invite is unknown, used or expired");
  if (!invite->email.empty() && invite->email != email) return invalid("invite", "this invite is for another email address");
  return *invite;
}
}  // namespace

Result<core::Account> register_account(Context& ctx, const NewAccount& in) {
  // Every attempt counts against the client address first: each one may cost a slow hash.
  const std::string ip_key = "register-ip:" + in.client_ip;
  const auto wait = HW_TRY(store::with_write(
      ctx.db, [&](store::Transaction& tx) { return take_attempt(tx, ip_key, ctx.clock(), kRegisterIpLimit); }));
  if (wait > 0) return too_many("registrations from this address", wait);
  const std::string email = HW_TRY(core::validate_email(in.email));
  HW_CHECK(core::validate_password(in.password));
  NewAccount member = in;
  member.admin = false;
  HW_CHECK(new_person(ctx, member, email));
  const Registration mode = HW_TRY(registration_mode(ctx));
  if (mode == Registration::invite_only && in.invite.empty())
    return invalid("invite", "registration on this server is by invite only; ask an administrator for an invite link");
  if (!in.invite.empty())
    HW_CHECK(store::with_read(ctx.db, [&](store::Transaction& tx) { return usable_invite(tx, ctx, in.invite, email); }));
  const std::string hash = HW_TRY(hash_password(in.password));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Account> {
    if (!in.invite.empty()) {
      const auto invite = HW_TRY(usable_invite(tx, ctx, in.invite, email));
      if (!HW_TRY(tx.use_invite(invite.id, ctx.clock()))) return invalid("invite", "this invite is used already");
    }
    return insert_new_account(tx, ctx, member, email, hash, false);
  });
}

Result<std::vector<core::Account>> list_accounts(Context& ctx) {
  return store::with_read(ctx.db, [](store::Transaction& tx) { return tx.list_accounts(); });
}

Result<core::Account> account_by_email(Context& ctx, std::string_view email_text) {
  const std::string email = HW_TRY(core::validate_email(email_text));
  auto a = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_account_by_email(email); }));
  if (!a) return fail(ErrorCode::not_found, "no account with the email " + email, "email");
  return *a;
}

Result<CreatedInvite> create_invite(Context& ctx, core::Id created_by, const std::string& email_text, int days) {
  if (days < 1 || days > 90) return invalid("days", "an invite lasts 1 to 90 days");
  CreatedInvite out;
  if (!email_text.empty()) out.invite.email = HW_TRY(core::validate_email(email_text));
  out.token = random_token();
  out.invite.token_hash = hash_token(out.token);
  out.invite.created_by = created_by;
  out.invite.created_at = ctx.clock();
  out.invite.expires_at = out.invite.created_at + days * 86400;
  out.invite.id = HW_TRY(store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.insert_invite(out.invite); }));
  return out;
}

namespace {
// The lower-case email of a sign-in attempt; a malformed email fails like a wrong password.
Result<std::string> credentials_email(std::string_view email_text, std::string_view password) {
  if (email_text.empty()) return invalid("email", "email is required");
  if (password.empty()) return invalid("password", "password is required");
  if (password.size() > core::kMaxPasswordBytes) return tl::unexpected(wrong_credentials());
  auto email = core::validate_email(email_text);
  if (!email) return tl::unexpected(wrong_credentials());
  return *email;
}

// The account when the password is its own; an unknown email takes as long and fails the same way.
Result<core::Account> account_with_password(Context& ctx, const std::string& email, std::string_view password) {
  auto account = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_account_by_email(email); }));
  const bool ok = verify_password(account ? account->password_hash : dummy_hash(), password) && account;
  if (!ok) return tl::unexpected(wrong_credentials());
  return *account;
}
}  // namespace

Result<Principal> verify_credentials(Context& ctx, std::string_view email_text, std::string_view password) {
  const auto email = HW_TRY(credentials_email(email_text, password));
  return principal_of(HW_TRY(account_with_password(ctx, email, password)));
}

Result<LoginResult> login(Context& ctx, std::string_view email_text, std::string_view password, const std::string& client_ip) {
  const auto email = credentials_email(email_text, password);
  if (!email) return tl::unexpected(email.error());
  const std::string account_key = "login-account:" + *email;
  const std::string ip_key = "login-ip:" + client_ip;
  const core::Instant now = ctx.clock();

  // The attempt is counted before the slow check, in the transaction that checks the limit, so
  // parallel guesses cannot all slip under it; a successful sign-in takes its count back.
  const auto wait = HW_TRY(store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Instant> {
    const auto w = HW_TRY(login_wait(tx, account_key, ip_key, now));
    if (w == 0) {
      HW_CHECK(take_attempt(tx, account_key, now, kLoginAccountLimit));
      HW_CHECK(take_attempt(tx, ip_key, now, kLoginIpLimit));
    }
    return w;
  }));
  if (wait > 0) return too_many("failed sign-ins", wait);
  const auto account = HW_TRY(account_with_password(ctx, *email, password));
  std::optional<std::string> rehash;
  if (password_needs_rehash(account.password_hash)) rehash = HW_TRY(hash_password(password));

  LoginResult out;
  out.token = random_token();
  out.principal = principal_of(account);
  out.principal.session_hash = hash_token(out.token);
  out.principal.csrf_token = random_token();
  HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    HW_CHECK(tx.delete_rate_window(account_key));
    if (auto ip = HW_TRY(tx.find_rate_window(ip_key)); ip && ip->count > 0) {
      --ip->count;
      HW_CHECK(tx.put_rate_window(*ip));
    }
    if (rehash) {
      auto a = HW_TRY(tx.find_account(account.id));
      if (a && a->password_hash == account.password_hash) {  // not changed meanwhile
        a->password_hash = *rehash;
        HW_CHECK(tx.update_account(*a));
      }
    }
    return tx.insert_session(core::Session{out.principal.session_hash, account.id, out.principal.csrf_token, now, now});
  }));
  return out;
}

Result<Principal> authenticate_session(Context& ctx, std::string_view token) {
  if (token.empty() || token.size() > 128) return tl::unexpected(signed_out());
  const std::string hash = hash_token(token);
  const core::Instant now = ctx.clock();
  const auto found = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_session_account(hash); }));
  if (!found) return tl::unexpected(signed_out());
  const auto& [session, account] = *found;
  if (!core::session_alive(session, now)) {
    HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.delete_session(hash).map([](bool) {}); }));
    return tl::unexpected(signed_out());
  }
  if (now - session.last_seen >= core::kSessionTouchSeconds)
    HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.touch_session(hash, now); }));
  Principal p = principal_of(account);
  p.session_hash = hash;
  p.csrf_token = session.csrf_token;
  return p;
}

Result<Principal> authenticate_token(Context& ctx, std::string_view token) {
  const auto unknown = [] { return tl::unexpected(Error{ErrorCode::unauthenticated, "the API token is unknown or revoked", ""}); };
  if (token.empty() || token.size() > 128) return unknown();
  const std::string hash = hash_token(token);
  const core::Instant now = ctx.clock();
  const auto found = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_api_token_account(hash); }));
  if (!found || found->first.revoked_at != 0) return unknown();
  const auto& [api_token, account] = *found;
  if (now - api_token.last_used_at >= core::kSessionTouchSeconds)
    HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.touch_api_token(api_token.id, now); }));
  Principal p = principal_of(account);
  p.via_token = true;
  p.scope = api_token.scope;
  return p;
}

Result<void> logout(Context& ctx, const Principal& who) {
  if (who.session_hash.empty()) return {};
  return store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.delete_session(who.session_hash).map([](bool) {}); });
}

namespace {
Result<core::Account> check_current_password(Context& ctx, const Principal& who, std::string_view password,
                                            const char* field) {
  if (password.empty()) return invalid(field, std::string(field) + " is required");
  auto a = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.find_account(who.account_id); }));
  if (!a) return tl::unexpected(signed_out());
  // Wrong current passwords count like failed sign-ins, so a stolen session cannot guess freely.
  const std::string key = "login-account:" + a->email;
  const core::Instant now = ctx.clock();
  const auto wait = HW_TRY(store::with_write(
      ctx.db, [&](store::Transaction& tx) { return take_attempt(tx, key, now, kLoginAccountLimit); }));
  if (wait > 0) return too_many("wrong passwords", wait, field);
  if (password.size() > core::kMaxPasswordBytes || !verify_password(a->password_hash, password))
    return fail(ErrorCode::forbidden, "the password is wrong", field);
  HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.delete_rate_window(key); }));
  return *a;
}
}  // namespace

Result<void> change_password(Context& ctx, const Principal& who, std::string_view current, std::string_view next) {
  HW_CHECK(core::validate_password(next, "new_password"));
  const core::Account before = HW_TRY(check_current_password(ctx, who, current, "current_password"));
  const std::string hash = HW_TRY(hash_password(next));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    auto a = HW_TRY(tx.find_account(who.account_id));
    if (!a) return tl::unexpected(signed_out());
    a->password_hash = hash;
    a->password_changed_at = ctx.clock();
    HW_CHECK(tx.update_account(*a));
    // Other browsers are signed out; API tokens stay, since they are revoked one by one.
    HW_CHECK(tx.delete_account_sessions(a->id, who.session_hash));
    return {};
  });
}

Result<void> delete_account(Context& ctx, const Principal& who, std::string_view password) {
  HW_CHECK(check_current_password(ctx, who, password, "password"));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    // An owner's circles pass to their longest-standing member rather than go with the owner.
    HW_CHECK(leave_all_circles(tx, who.actor.person_id));
    HW_CHECK(tx.delete_person(who.actor.person_id));  // cascades to the account, sessions and tokens
    auto local = HW_TRY(tx.get_setting("local_person_id"));
    if (local && *local == std::to_string(who.actor.person_id)) HW_CHECK(tx.set_setting("local_person_id", ""));
    return {};
  });
}

Result<void> reset_password(Context& ctx, std::string_view email, std::string_view password) {
  const core::Account a = HW_TRY(account_by_email(ctx, email));
  HW_CHECK(core::validate_password(password));
  const std::string hash = HW_TRY(hash_password(password));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    auto current = HW_TRY(tx.find_account(a.id));
    if (!current) return not_found("the account was removed");
    current->password_hash = hash;
    current->password_changed_at = ctx.clock();
    HW_CHECK(tx.update_account(*current));
    HW_CHECK(tx.delete_account_sessions(a.id, ""));
    return {};
  });
}

Principal principal_for(const core::Account& a) { return principal_of(a); }

Result<int64_t> prune_sessions(Context& ctx) {
  const core::Instant now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) {
    return tx.delete_stale_sessions(now - core::kSessionIdleSeconds, now - core::kSessionAbsoluteSeconds);
  });
}

Result<CreatedToken> create_api_token(Context& ctx, const Principal& who, const std::string& name, std::string_view scope) {
  CreatedToken out;
  out.token.name = HW_TRY(core::validate_token_name(name));
  auto s = core::parse_token_scope(scope);
  if (!s) return invalid("scope", "scope must be read or read-write, not \"" + std::string(scope) + "\"");
  out.token.scope = *s;
  out.secret = "hw_" + random_token();
  out.token.token_hash = hash_token(out.secret);
  out.token.account_id = who.account_id;
  out.token.created_at = ctx.clock();
  out.token.id = HW_TRY(store::with_write(ctx.db, [&](store::Transaction& tx) { return tx.insert_api_token(out.token); }));
  return out;
}

Result<std::vector<core::ApiToken>> list_api_tokens(Context& ctx, const Principal& who) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.list_api_tokens(who.account_id); });
}

Result<void> revoke_api_token(Context& ctx, const Principal& who, core::Id id) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.revoke_api_token(who.account_id, id, ctx.clock()))) return not_found("no API token " + std::to_string(id));
    return {};
  });
}

}  // namespace headway::service
