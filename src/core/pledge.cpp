#include "core/pledge.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<PledgeStatus> parse_pledge_status(std::string_view text, std::string_view field) {
  return parse_enum<PledgeStatus>(text, field, kPledgeStatusNames);
}

Result<void> validate_pledge(const Pledge& p, Instant now) {
  HW_CHECK(validate_text(p.text, "text", kPledgeTextBytes, true));
  if (p.threshold < kPledgeMinThreshold)
    return invalid("threshold", "must be at least 2: a pledge waits for others, got " + std::to_string(p.threshold));
  if (p.threshold > kPledgeMaxThreshold)
    return invalid("threshold", "must be at most 1000, got " + std::to_string(p.threshold));
  if (p.deadline <= now) return invalid("deadline", "must be in the future");
  if (p.deadline - now > kPledgeMaxSeconds) return invalid("deadline", "must be within a year");
  return {};
}

PledgeStatus status_at(const Pledge& p, Instant now) {
  if (p.status == PledgeStatus::collecting && now >= p.deadline) return PledgeStatus::expired;
  return p.status;
}

Result<void> may_sign(const Pledge& p, Instant now) {
  switch (status_at(p, now)) {
    case PledgeStatus::expired: return fail(ErrorCode::conflict, "this pledge has expired", "pledge");
    case PledgeStatus::active:
      if (now >= p.deadline) return fail(ErrorCode::conflict, "this pledge's deadline has passed", "pledge");
      return {};
    case PledgeStatus::collecting: return {};
  }
  return {};
}

Result<void> may_withdraw(const Pledge& p, Instant now) {
  switch (status_at(p, now)) {
    case PledgeStatus::collecting: return {};
    case PledgeStatus::active:
      return fail(ErrorCode::conflict, "this pledge is active: signatures are kept once it activates", "pledge");
    case PledgeStatus::expired: return fail(ErrorCode::conflict, "this pledge has expired", "pledge");
  }
  return {};
}

}  // namespace headway::core
