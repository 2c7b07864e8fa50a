#include "core/account.hpp"

#include <algorithm>

namespace headway::core {

std::string_view to_string(TokenScope s) { return s == TokenScope::read ? "read" : "read-write"; }

std::optional<TokenScope> parse_token_scope(std::string_view text) {
  if (text == "read") return TokenScope::read;
  if (text == "read-write") return TokenScope::read_write;
  return std::nullopt;
}

bool session_alive(const Session& s, Instant now) {
  return now - s.last_seen <= kSessionIdleSeconds && now - s.created_at <= kSessionAbsoluteSeconds;
}

Result<std::string> validate_email(std::string_view text, std::string_view field) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return invalid(std::string(field), "email address is required");
  if (text.size() > 254) return invalid(std::string(field), "email address is longer than 254 characters");
  if (!valid_utf8(text)) return invalid(std::string(field), "email address is not valid UTF-8");
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f || ch == '<' || ch == '>' || ch == ',' || ch == ';' || ch == '"')
      return invalid(std::string(field), "email address may not contain spaces, control characters or <>,;\"");
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  const auto at = out.find('@');
  if (at == std::string::npos || at == 0 || out.find('@', at + 1) != std::string::npos)
    return invalid(std::string(field), "email address needs exactly one @ with a name before it");
  const std::string_view domain = std::string_view(out).substr(at + 1);
  const auto dot = domain.find('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.')
    return invalid(std::string(field), "email address needs a domain such as example.org after the @");
  return out;
}

Result<std::string> validate_password(std::string_view text, std::string_view field) {
  if (text.size() > kMaxPasswordBytes) return invalid(std::string(field), "password is longer than 1024 bytes");
  if (!valid_utf8(text)) return invalid(std::string(field), "password is not valid UTF-8");
  size_t code_points = 0;
  for (char ch : text)
    if ((static_cast<unsigned char>(ch) & 0xc0) != 0x80) ++code_points;
  if (code_points < kMinPasswordLength)
    return invalid(std::string(field), "password must be at least " + std::to_string(kMinPasswordLength) + " characters");
  return std::string(text);
}

Result<std::string> validate_token_name(std::string_view text, std::string_view field) {
  return validate_name(text, field);
}

RateDecision rate_check(const std::optional<RateWindow>& current, const std::string& key, Instant now,
                        Instant window_seconds, int limit) {
  RateDecision d;
  if (!current || now - current->window_start >= window_seconds || now < current->window_start) {
    d.window = RateWindow{key, now, 1};
    return d;
  }
  d.window = *current;
  if (current->count >= limit) {
    d.retry_after = std::max<Instant>(1, current->window_start + window_seconds - now);
    return d;
  }
  ++d.window.count;
  return d;
}

}  // namespace headway::core
