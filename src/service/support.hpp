#pragma once
// The support network (people a member lists, how they relate and what support they give) and
// the conversation planner (a prepared boundary conversation with a manager). Both belong to
// the member alone; a coach reads plans only through a grant (service/grants.hpp).
#include <optional>
#include <string>
#include <vector>

#include "core/conversation.hpp"
#include "core/supporter.hpp"
#include "service/context.hpp"

namespace headway::service {

struct SupporterInput {
  std::string name;
  std::string relation;
  std::vector<std::string> kinds;
  // Links the supporter to the Headway account with this e-mail when there is one. On update,
  // leaving it out keeps the link as it was and an empty e-mail removes it.
  std::optional<std::string> account_email;
};
Result<core::Supporter> add_supporter(Context& ctx, const Actor& actor, const SupporterInput& input);
Result<core::Supporter> update_supporter(Context& ctx, const Actor& actor, Id id, const SupporterInput& input);
Result<void> remove_supporter(Context& ctx, const Actor& actor, Id id);

struct SupportNetwork {
  std::vector<core::Supporter> people;
  std::optional<core::Barrier> top_barrier;  // from the latest barrier profile, else the goals' barriers
  std::vector<core::SupportGap> gaps;        // where support is thin
};
Result<SupportNetwork> support_network(Context& ctx, const Actor& actor);

// Conversation plans. A new plan starts as a draft seeded from the goal (when given), the active
// boundaries and the last 4 weeks of evidence (core::seed_plan).
Result<core::ConversationPlan> create_plan(Context& ctx, const Actor& actor, std::optional<Id> goal);
struct PlanView {
  core::ConversationPlan plan;
  std::vector<core::PlanComment> comments;
};
// The actor's plans, latest change first, each with its coaches' comments.
Result<std::vector<PlanView>> list_plans(Context& ctx, const Actor& actor);
Result<PlanView> get_plan(Context& ctx, const Actor& actor, Id id);
// Replaces the plan's text fields (title, sections, objections); validated as a whole.
Result<core::ConversationPlan> save_plan(Context& ctx, const Actor& actor, Id id, const core::ConversationPlan& text);
Result<void> delete_plan(Context& ctx, const Actor& actor, Id id);
// The printable documents: a one-page HTML (serve with ingest::kPlanHtmlCsp) and a one-page PDF.
Result<std::string> plan_document(Context& ctx, const Actor& actor, Id id, bool pdf);

}  // namespace headway::service
