#pragma once
// Partners and coaches: a member grants another account read-only access to chosen scopes,
// until the grant expires or the member revokes it; revocation counts from the next request.
// Every read a grantee makes is recorded for the member to see. Notes and journal text are
// never part of any scope.
#include <optional>
#include <string>
#include <vector>

#include "core/circle.hpp"
#include "core/grant.hpp"
#include "core/instrument.hpp"
#include "core/win.hpp"
#include "service/circles.hpp"
#include "service/context.hpp"
#include "service/goals.hpp"

namespace headway::service {

struct NewGrant {
  std::optional<std::string> grantee_email;  // an account's e-mail; without it an invite link is made
  std::vector<std::string> scopes;
  // "YYYY-MM-DD" (the end of that day in the member's zone) or an ISO 8601 instant; default 90 days.
  std::optional<std::string> expires;
};
struct GrantCreated {
  core::Grant grant;
  std::optional<std::string> code;  // the invite link's code, shown once
};
// E-mail grants link to the account with that e-mail now or, when none exists yet, once one does.
Result<GrantCreated> create_grant(Context& ctx, const Actor& actor, const NewGrant& input);
// The grantee accepts an invite link's code.
Result<core::Grant> accept_grant(Context& ctx, const Actor& actor, const std::string& code);
Result<std::vector<core::Grant>> grants_given(Context& ctx, const Actor& actor);
// Grants made to the actor (live, expired and revoked), after linking e-mail grants waiting for them.
Result<std::vector<core::Grant>> grants_received(Context& ctx, const Actor& actor);
// The owner revokes; the grantee is told.
Result<void> revoke_grant(Context& ctx, const Actor& actor, Id grant);
// Who looked at what, and when: the newest `limit` reads of the actor's data by grantees.
Result<std::vector<core::GrantAccess>> access_log(Context& ctx, const Actor& actor, int limit = 200);

// --- what a grantee sees, one scope at a time ---------------------------------------------
// Each call checks that the grant is the actor's, live and holds the scope (otherwise
// not_found, as for any object that is not theirs) and records the access.
struct SharedWin {
  core::Win win;
  std::vector<core::Kudos> kudos;  // given through grants
};
struct WeekFigures {
  Date week;  // Monday
  int checkins = 0;
  double stress = 0, energy = 0;  // means over the week's check-ins
  double hours = 0;               // mean over the check-ins with work times (days off count as 0)
  bool hours_known = false;
  int after_hours_minutes = 0;
  int setbacks = 0;
};
struct SharedAssessment {
  std::string instrument_id;
  std::string instrument_title;
  Date date;
  std::vector<core::ScaleScore> scores;
};
struct SharedPlan {
  core::ConversationPlan plan;
  std::vector<core::PlanComment> comments;
};

Result<core::Grant> shared_grant(Context& ctx, const Actor& actor, Id grant);
Result<std::vector<GoalView>> shared_goals(Context& ctx, const Actor& actor, Id grant);
Result<std::vector<SharedWin>> shared_wins(Context& ctx, const Actor& actor, Id grant);
inline constexpr int kSharedWeeks = 12;
Result<std::vector<WeekFigures>> shared_checkin_summary(Context& ctx, const Actor& actor, Id grant);
Result<std::vector<SharedAssessment>> shared_assessments(Context& ctx, const Actor& actor, Id grant);
Result<std::vector<SharedPlan>> shared_plans(Context& ctx, const Actor& actor, Id grant);
// Kudos from a grantee with the wins scope on one of the member's wins; the member is told.
Result<core::Kudos> give_grant_kudos(Context& ctx, const Actor& actor, Id grant, Id win, const NewKudos& input);
// A coach with the conversation-plans scope comments on a plan; the member is told.
Result<core::PlanComment> comment_on_plan(Context& ctx, const Actor& actor, Id grant, Id plan, const std::string& text);

}  // namespace headway::service
