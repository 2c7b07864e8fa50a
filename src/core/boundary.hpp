#pragma once
// Boundaries: typed, machine-checkable rules about a person's day.
#include <array>
#include <map>
#include <optional>
#include <string>

#include "core/person.hpp"

namespace headway::core {

enum class BoundaryType { work_window, no_weekend_work, weekly_hours_cap, min_break, meeting_free, no_messages_after };
inline constexpr std::array<const char*, 6> kBoundaryTypeNames{
    "work-window", "no-weekend-work", "weekly-hours-cap", "min-break", "meeting-free", "no-messages-after"};
inline const char* to_string(BoundaryType t) { return kBoundaryTypeNames[static_cast<size_t>(t)]; }
Result<BoundaryType> parse_boundary_type(std::string_view text, std::string_view field = "type");

struct Boundary {
  Id id = 0;
  Id person_id = 0;
  BoundaryType type = BoundaryType::no_weekend_work;
  // Parameters; which ones a type uses is fixed by the type.
  DaySet days{0x1f};       // work-window, meeting-free
  TimeOfDay from{0};       // work-window, meeting-free
  TimeOfDay to{0};         // work-window, meeting-free
  double hours = 0;        // weekly-hours-cap
  int minutes = 0;         // min-break
  TimeOfDay time{0};       // no-messages-after
  std::string label;       // optional words of the person's own
  bool active = true;
  Instant created_at = 0;
};

// The parameter names each type takes, e.g. {"days","from","to"} for work-window.
std::vector<std::string> boundary_params(BoundaryType t);
// Builds a boundary from named parameters, e.g. {"days":"Mon-Fri","from":"09:00","to":"17:30"}.
// Missing or unexpected parameters are errors that name the parameter.
Result<Boundary> make_boundary(BoundaryType t, const std::map<std::string, std::string>& params);
// Canonical parameter text, e.g. "days=Mon-Fri from=09:00 to=17:30"; parse_params reverses it.
std::string params_text(const Boundary& b);
Result<std::map<std::string, std::string>> parse_params(std::string_view text);
// One-line human description: "No work outside 09:00-17:30 on Mon-Fri".
std::string describe(const Boundary& b);

}  // namespace headway::core
