#pragma once
// Pledges (DESIGN §4.6) in circles: only members see them; while collecting, only the number of
// signers is shown. Signing runs on the pledge's row lock, so the Nth signature activates the
// pledge exactly once even when signatures arrive at once on several app servers.
#include <optional>
#include <string>
#include <vector>

#include "core/pledge.hpp"
#include "service/context.hpp"

namespace headway::service {

// How the signers of an active pledge linked to a boundary type keep it, as one group figure.
struct PledgeAdherence {
  Date from, to;             // the local days looked at: since activation, at most the last 28
  int members_with_evidence = 0;
  int kept_days = 0;
  int judged_days = 0;       // kept + broken
  double rate = 0;           // kept / judged
};
inline constexpr int kAdherenceDays = 28;

struct PledgeView {
  core::Pledge pledge;
  std::string circle_name;
  bool signed_by_me = false;
  bool mine = false;  // the actor wrote it
  // Shown only for an active pledge with a boundary type, and only when at least
  // core::kPledgeMinEvidence signers have evidence; `adherence_note` says why it is missing.
  std::optional<PledgeAdherence> adherence;
  std::string adherence_note;
};

struct NewPledge {
  std::string text;
  int threshold = 0;
  // "YYYY-MM-DD" (the end of that day in the author's time zone) or an ISO 8601 instant;
  // default: 14 days from now.
  std::optional<std::string> deadline;
  std::optional<std::string> boundary_type;
};
Result<PledgeView> create_pledge(Context& ctx, const Actor& actor, Id circle, const NewPledge& input);
Result<std::vector<PledgeView>> list_pledges(Context& ctx, const Actor& actor, Id circle);
Result<PledgeView> get_pledge(Context& ctx, const Actor& actor, Id pledge);
// Signs; a duplicate signature is a conflict and changes nothing.
Result<PledgeView> sign_pledge(Context& ctx, const Actor& actor, Id pledge);
// Withdraws the actor's signature while the pledge is collecting.
Result<PledgeView> withdraw_pledge(Context& ctx, const Actor& actor, Id pledge);

// Expires every collecting pledge whose deadline has passed and tells its signers and author.
// Returns how many expired. Runs before pledges and notifications are read.
Result<int> expire_due_pledges(Context& ctx);

}  // namespace headway::service
