#pragma once
// JSON forms of the domain objects, shared by the CLI's --format json, the export and the API.
// Field names are the CLI's flag names in snake_case.
#include <nlohmann/json_fwd.hpp>

#include "core/evaluator.hpp"
#include "core/report.hpp"
#include "core/strategy.hpp"
#include "service/assessments.hpp"
#include "service/evidence.hpp"
#include "service/goals.hpp"
#include "service/values.hpp"

namespace headway::service {

nlohmann::json to_json(const core::Person& p);
nlohmann::json to_json(const core::Value& v);
nlohmann::json to_json(const core::Motivation& m);
nlohmann::json to_json(const core::Catalyst& c);
nlohmann::json to_json(const core::Boundary& b);
nlohmann::json to_json(const core::Goal& g);
nlohmann::json to_json(const core::StageEntry& e);
nlohmann::json to_json(const core::CheckIn& c);
nlohmann::json to_json(const core::Win& w);
nlohmann::json to_json(const core::Reflection& r);
nlohmann::json to_json(const core::Assessment& a);
nlohmann::json to_json(const core::Evaluation& e);
nlohmann::json to_json(const GoalView& v);
nlohmann::json to_json(const core::Suggestion& s);
nlohmann::json to_json(const core::Instrument& in);
nlohmann::json to_json(const AssessmentResult& r);
nlohmann::json to_json(const core::WeeklyReport& r);
nlohmann::json to_json(const core::EvidenceSource& s);
nlohmann::json to_json(const CalendarImportSummary& s);
nlohmann::json to_json(const ActivityImportSummary& s);
// One day with exactly the names `headway signals --format json` documents; with_coverage adds
// has_calendar and has_activity (the API's form), which tell a day nothing covers from a zero day.
nlohmann::json to_json(const core::DailySignals& d, bool with_coverage = false);

}  // namespace headway::service
