#include "core/checkin.hpp"

#include "core/motivation.hpp"

namespace headway::core {

int end_wall_minutes(const CheckIn& c) {
  if (!c.start || !c.end) return 0;
  return c.end->minutes <= c.start->minutes ? c.end->minutes + 1440 : c.end->minutes;
}

Result<void> finalize_checkin(CheckIn& c, const Zone& zone, CheckinMode mode) {
  HW_CHECK(validate_1_to_5(c.stress, "stress"));
  HW_CHECK(validate_1_to_5(c.energy, "energy"));
  const bool untimed = !c.off && !c.start && !c.end && mode == CheckinMode::times_optional;
  if (untimed) {
    if (c.after_hours) return invalid("after_hours", "needs working times (start and end) or a day off");
    if (c.break_minutes) return invalid("break", "needs working times (start and end)");
  } else if (c.off) {
    if (c.start || c.end) return invalid("off", "a day off has no --start or --end");
    if (c.break_minutes) return invalid("break", "a day off has no break");
  } else {
    if (!c.start) return invalid("start", "required (or use --off for a day without work)");
    if (!c.end) return invalid("end", "required (or use --off for a day without work)");
    if (c.start == c.end) return invalid("end", "must differ from start");
  }
  if (c.after_hours && (*c.after_hours < 0 || *c.after_hours > 1440))
    return invalid("after_hours", "must be 0 to 1440 minutes, got " + std::to_string(*c.after_hours));
  if (c.break_minutes && (*c.break_minutes < 0 || *c.break_minutes > 720))
    return invalid("break", "must be 0 to 720 minutes, got " + std::to_string(*c.break_minutes));
  HW_CHECK(validate_text(c.note, "note", 4000, false));
  int span = 0;
  if (!c.off && !untimed) {
    span = zone.elapsed_minutes(c.date, c.start->minutes, end_wall_minutes(c));
    if (span <= 0)  // only when the clock skips the start time on a DST night
      return invalid("end", "must be after start; the clock skipped " + to_string(*c.start) + " on " + to_string(c.date));
    if (c.break_minutes && *c.break_minutes >= span)
      return invalid("break", "is as long as the whole working day");
  }
  c.worked_minutes = span - c.break_minutes.value_or(0) + c.after_hours.value_or(0);
  return {};
}

}  // namespace headway::core
