#pragma once
// Pledges (DESIGN §4.6): "I will do X if N others in this circle do too". All or nothing: the
// pledge activates exactly once, when its Nth signature arrives before the deadline; an unmet
// pledge expires at the deadline and binds nobody.
#include <array>
#include <optional>
#include <string>

#include "core/boundary.hpp"
#include "core/person.hpp"

namespace headway::core {

enum class PledgeStatus { collecting, active, expired };
inline constexpr std::array<const char*, 3> kPledgeStatusNames{"collecting", "active", "expired"};
inline const char* to_string(PledgeStatus s) { return kPledgeStatusNames[static_cast<size_t>(s)]; }
Result<PledgeStatus> parse_pledge_status(std::string_view text, std::string_view field = "status");

struct Pledge {
  Id id = 0;
  Id circle_id = 0;
  Id author_id = 0;
  std::string text;
  int threshold = 2;
  Instant deadline = 0;
  std::optional<BoundaryType> boundary_type;
  PledgeStatus status = PledgeStatus::collecting;
  int signers = 0;  // read with the pledge: the number of signatures
  Instant created_at = 0;
  Instant activated_at = 0;  // 0 = not active
  Instant expired_at = 0;    // 0 = not expired
};

inline constexpr int kPledgeMinThreshold = 2;
inline constexpr int kPledgeMaxThreshold = 1000;
inline constexpr size_t kPledgeTextBytes = 500;
inline constexpr int64_t kPledgeDefaultSeconds = 14 * 86400;
inline constexpr int64_t kPledgeMaxSeconds = 365 * 86400;
// An active pledge's group adherence is shown only when at least this many signers have evidence.
inline constexpr int kPledgeMinEvidence = 5;

// Checks a new pledge at `now`: text 1..500 bytes, threshold 2..1000, deadline after now and
// within a year. Errors name the field.
Result<void> validate_pledge(const Pledge& p, Instant now);

// The state machine. Each function says what a change does; the store applies it atomically.
// The status a pledge has at `now` if nothing else happens: a collecting pledge whose deadline has
// passed is expired.
PledgeStatus status_at(const Pledge& p, Instant now);
// Whether a signature arriving at `now` may be taken: only before the deadline, while collecting
// or active (joining an active pledge binds the new signer at once).
Result<void> may_sign(const Pledge& p, Instant now);
// Whether a signer may withdraw at `now`: only while collecting.
Result<void> may_withdraw(const Pledge& p, Instant now);
// Whether `signers` signatures make a collecting pledge active.
inline bool reaches_threshold(const Pledge& p, int signers) {
  return p.status == PledgeStatus::collecting && signers >= p.threshold;
}

}  // namespace headway::core
