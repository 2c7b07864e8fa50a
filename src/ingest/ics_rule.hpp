#pragma once
// Arithmetic stepping through the recurrence rules most calendars hold, which libical's iterator
// (built on ICU calendars) steps through at several microseconds an instance. Internal to
// ics*.cpp; any other rule goes through libical.
#include <cstdint>
#include <optional>

#include <libical/ical.h>

namespace headway::ingest::ics {

// True when the rule produces no instance at all: no BYMONTHDAY fits any BYMONTH month, or, for
// a MONTHLY or YEARLY rule with BYDAY or BYSETPOS, no month (year) in the Gregorian calendar's
// 400-year cycle has a day that matches (with a BYSETPOS inside its set). libical's iterator
// searches such a rule up to the year 2582 before it gives up, seconds of CPU per rule. With
// BYWEEKNO or BYYEARDAY it answers false and leaves the rule to libical.
bool never_matches(const icalrecurrencetype& rule, const icaltimetype& dtstart);

// DAILY; WEEKLY without BYDAY or on DTSTART's weekday (or, every week, on several weekdays that
// include it); MONTHLY on DTSTART's day when it is at most 28 (BYMONTHDAY may repeat it); YEARLY
// on DTSTART's date, not 29 February. Any INTERVAL, COUNT or UNTIL (not both); no other BY part.
// Gives the instances libical gives, in the same order, as floating wall times.
class SimpleRule {
 public:
  // Empty when the rule is not one of the above; `rule.until` is a floating time or null.
  static std::optional<SimpleRule> of(const icalrecurrencetype& rule, const icaltimetype& dtstart);
  // Leaves out instances more than a day before `from`; what it keeps includes every instance
  // at or after `from` (icalrecur_iterator_set_start, with a day to spare).
  void skip_to(const icaltimetype& from);
  // The next instance, or a null time after the last (COUNT reached or past UNTIL).
  icaltimetype next();

 private:
  enum class Step { days, months, years };
  SimpleRule() = default;
  // The instance at the current position, whether or not it exists yet.
  icaltimetype current() const;

  icaltimetype start_ = icaltime_null_time();  // DTSTART
  icaltimetype until_ = icaltime_null_time();
  Step step_ = Step::days;
  int interval_ = 1;         // days (times 7 for weeks), months or years per step
  uint8_t weekdays_ = 0;     // every-week rules on several weekdays: bit 0 = Monday; else 0
  int64_t count_ = 0;        // 0: no COUNT
  int64_t produced_ = 0;     // instances returned so far, counting skipped ones
  int64_t position_ = 0;     // days, months or years since DTSTART's
  bool done_ = false;
};

}  // namespace headway::ingest::ics
