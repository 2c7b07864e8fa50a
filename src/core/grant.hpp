#pragma once
// Grants: a member lets a partner or coach read chosen parts of their data, read-only, until the
// grant expires or the member revokes it. Notes and journal text are never part of any scope.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/person.hpp"

namespace headway::core {

enum class Scope { goals, wins, checkin_summary, assessments, conversation_plans };
inline constexpr std::array<const char*, 5> kScopeNames{"goals", "wins", "checkin-summary", "assessments",
                                                       "conversation-plans"};
inline const char* to_string(Scope s) { return kScopeNames[static_cast<size_t>(s)]; }
Result<Scope> parse_scope(std::string_view text, std::string_view field = "scopes");

// A set of scopes as bits (1 << Scope).
struct ScopeSet {
  unsigned bits = 0;
  bool has(Scope s) const { return bits & (1u << static_cast<unsigned>(s)); }
  void add(Scope s) { bits |= 1u << static_cast<unsigned>(s); }
  bool empty() const { return bits == 0; }
  std::vector<std::string> names() const;
  bool operator==(const ScopeSet&) const = default;
};
// Parses a list of scope names; at least one, no repeats. The error names "scopes[i]".
Result<ScopeSet> parse_scopes(const std::vector<std::string>& names);

struct Grant {
  Id id = 0;
  Id owner_id = 0;
  std::optional<Id> grantee_id;   // empty while an invite link waits to be accepted
  std::string grantee_email;      // lower-case; empty for an invite link
  std::string code_hash;          // SHA-256 of the invite link's code; empty for e-mail grants
  ScopeSet scopes;
  Instant created_at = 0;
  Instant expires_at = 0;
  Instant revoked_at = 0;   // 0 = not revoked
  Instant accepted_at = 0;  // 0 = not yet linked to the grantee (invite link)
  // read with the grant
  std::string owner_name;
  std::string grantee_name;
};
inline constexpr int64_t kGrantDefaultSeconds = 90 * 86400;
inline constexpr int64_t kGrantMaxSeconds = 366 * 86400;

// Whether the grant lets its grantee read anything at `now`.
inline bool grant_live(const Grant& g, Instant now) {
  return g.revoked_at == 0 && now < g.expires_at && g.grantee_id.has_value();
}
// Checks a new grant's expiry at `now`: after now, within a year and a day.
Result<void> validate_grant_expiry(Instant expires_at, Instant now);

// One read by a grantee, shown to the member: who looked at what, and when.
struct GrantAccess {
  Id id = 0;
  Id grant_id = 0;
  Id owner_id = 0;
  Id grantee_id = 0;
  std::string grantee_name;  // read with the access
  Scope scope = Scope::goals;
  std::string what;  // e.g. "goals", "goal 12", "wins"
  Instant at = 0;
};

}  // namespace headway::core
