#include "core/grant.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<Scope> parse_scope(std::string_view text, std::string_view field) {
  return parse_enum<Scope>(text, field, kScopeNames);
}

std::vector<std::string> ScopeSet::names() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < kScopeNames.size(); ++i)
    if (has(static_cast<Scope>(i))) out.emplace_back(kScopeNames[i]);
  return out;
}

Result<ScopeSet> parse_scopes(const std::vector<std::string>& names) {
  if (names.empty()) return invalid("scopes", "needs at least one of " + list_names(kScopeNames));
  ScopeSet set;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string field = "scopes[" + std::to_string(i) + "]";
    if (names[i] == "notes" || names[i] == "journal")
      return invalid(field, "notes and journal text are never shared; choose from " + list_names(kScopeNames));
    const Scope s = HW_TRY(parse_scope(names[i], field));
    if (set.has(s)) return invalid(field, "\"" + names[i] + "\" is listed twice");
    set.add(s);
  }
  return set;
}

Result<void> validate_grant_expiry(Instant expires_at, Instant now) {
  if (expires_at <= now) return invalid("expires", "must be in the future");
  if (expires_at - now > kGrantMaxSeconds) return invalid("expires", "must be within a year");
  return {};
}

}  // namespace headway::core
