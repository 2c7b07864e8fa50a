#pragma once
// JSON forms of the social objects, for the API and the CLI's --format json.
#include <nlohmann/json.hpp>

#include "core/notification.hpp"
#include "core/supporter.hpp"
#include "service/circles.hpp"
#include "service/grants.hpp"
#include "service/notifications.hpp"
#include "service/pledges.hpp"

namespace headway::service {

// An instant as ISO 8601 UTC, or null for 0 (not yet / never).
nlohmann::json instant(core::Instant t);

nlohmann::json to_json(const core::Supporter& s);
nlohmann::json to_json(const CircleSummary& c);
nlohmann::json to_json(const CircleDetail& d, Id viewer);
nlohmann::json to_json(const FeedPage& p, Id viewer);
nlohmann::json to_json(const core::Kudos& k);
nlohmann::json to_json(const WinKudos& w);
nlohmann::json to_json(const PledgeView& p);
nlohmann::json to_json(const core::Notification& n);
nlohmann::json to_json(const NotificationPage& p);
// A grant as its owner or grantee sees it at `now` (status pending, active, expired or revoked).
nlohmann::json to_json(const core::Grant& g, core::Instant now);
nlohmann::json to_json(const core::GrantAccess& a);
nlohmann::json to_json(const SharedWin& w);
nlohmann::json to_json(const WeekFigures& w);
nlohmann::json to_json(const SharedAssessment& a);
nlohmann::json to_json(const core::ConversationPlan& p);
nlohmann::json to_json(const core::PlanComment& c);
nlohmann::json to_json(const SharedPlan& p);

}  // namespace headway::service
