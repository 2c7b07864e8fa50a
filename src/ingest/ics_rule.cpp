#include "ingest/ics_rule.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/date.hpp"
#include "ingest/ics_zone.hpp"

namespace headway::ingest::ics {

namespace {

constexpr int kLastYear = 2582;  // libical's iterator gives nothing later

bool empty(const short* by) { return by[0] == ICAL_RECURRENCE_ARRAY_MAX; }

// libical's BYDAY weekday (1 = Sunday .. 7 = Saturday) as Monday 0 .. Sunday 6.
int weekday_of(short by_day) {
  return (static_cast<int>(icalrecurrencetype_day_day_of_week(by_day)) + 5) % 7;
}

core::Date day_of(const icaltimetype& t) {
  return core::make_date(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int month_length(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

template <size_t N>
int count(const short (&by)[N]) {
  int n = 0;
  while (n < static_cast<int>(N) && by[n] != ICAL_RECURRENCE_ARRAY_MAX) ++n;
  return n;
}

// True when every BYMONTHDAY is past the end of every BYMONTH month, e.g. BYMONTH=2;BYMONTHDAY=30.
bool no_such_month_day(const icalrecurrencetype& rule) {
  if (empty(rule.by_month_day)) return false;
  static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int longest = 0;
  for (int i = 0; i < count(rule.by_month); ++i) {
    const int m = icalrecurrencetype_month_month(rule.by_month[i]);
    if (m >= 1 && m <= 12) longest = std::max(longest, month_days[m - 1]);
  }
  if (longest == 0) longest = 31;
  for (int i = 0; i < count(rule.by_month_day); ++i)
    if (std::abs(rule.by_month_day[i]) <= longest) return false;
  return true;
}

// Whether day d of month m, year y, is one a MONTHLY or YEARLY rule picks before BYSETPOS. An
// ordinal BYDAY counts within the month, or within the year for YEARLY without BYMONTH (RFC 5545
// 3.3.10, as libical reads it).
bool picks(const icalrecurrencetype& rule, const icaltimetype& dtstart, int y, int m, int d, int day_of_year) {
  const bool yearly = rule.freq == ICAL_YEARLY_RECURRENCE;
  if (!empty(rule.by_month)) {
    bool found = false;
    for (int i = 0; i < count(rule.by_month) && !found; ++i) found = icalrecurrencetype_month_month(rule.by_month[i]) == m;
    if (!found) return false;
  }
  const int length = month_length(y, m);
  if (!empty(rule.by_month_day)) {
    bool found = false;
    for (int i = 0; i < count(rule.by_month_day) && !found; ++i) {
      const int v = rule.by_month_day[i];
      found = v > 0 ? d == v : d == length + 1 + v;
    }
    if (!found) return false;
  }
  if (!empty(rule.by_day)) {
    const int wd = core::weekday(core::make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
    const int year_length = leap(y) ? 366 : 365;
    bool found = false;
    for (int i = 0; i < count(rule.by_day) && !found; ++i) {
      if (weekday_of(rule.by_day[i]) != wd) continue;
      const int pos = icalrecurrencetype_day_position(rule.by_day[i]);
      auto nth = [&](int index, int last) { return pos > 0 ? (index - 1) / 7 + 1 == pos : (last - index) / 7 + 1 == -pos; };
      found = pos == 0 || (yearly && empty(rule.by_month) ? nth(day_of_year, year_length) : nth(d, length));
    }
    if (!found) return false;
  }
  if (empty(rule.by_day) && empty(rule.by_month_day))  // the day of DTSTART
    return d == dtstart.day && (!yearly || !empty(rule.by_month) || m == dtstart.month);
  return true;
}

}  // namespace

bool never_matches(const icalrecurrencetype& rule, const icaltimetype& dtstart) {
  if (no_such_month_day(rule)) return true;
  if (rule.freq != ICAL_MONTHLY_RECURRENCE && rule.freq != ICAL_YEARLY_RECURRENCE) return false;
  if (empty(rule.by_day) && empty(rule.by_set_pos)) return false;
  if (!empty(rule.by_week_no) || !empty(rule.by_year_day)) return false;
  const int64_t per_day = int64_t{std::max(1, count(rule.by_hour))} * std::max(1, count(rule.by_minute)) *
                          std::max(1, count(rule.by_second));
  // Whether a month's or a year's set of `days` matching days has an instance after BYSETPOS.
  auto any = [&](int64_t days) {
    const int64_t size = days * per_day;
    if (size == 0) return false;
    if (empty(rule.by_set_pos)) return true;
    for (int i = 0; i < count(rule.by_set_pos); ++i)
      if (rule.by_set_pos[i] != 0 && std::abs(static_cast<int64_t>(rule.by_set_pos[i])) <= size) return true;
    return false;
  };
  for (int y = dtstart.year; y < dtstart.year + 400; ++y) {
    int64_t in_year = 0;
    int day_of_year = 0;
    for (int m = 1; m <= 12; ++m) {
      int64_t in_month = 0;
      for (int d = 1; d <= month_length(y, m); ++d)
        if (picks(rule, dtstart, y, m, d, ++day_of_year)) ++in_month;
      if (rule.freq == ICAL_MONTHLY_RECURRENCE && any(in_month)) return false;
      in_year += in_month;
    }
    if (rule.freq == ICAL_YEARLY_RECURRENCE && any(in_year)) return false;
  }
  return true;
}

std::optional<SimpleRule> SimpleRule::of(const icalrecurrencetype& rule, const icaltimetype& dtstart) {
  if (rule.interval < 1 || rule.count < 0 || (rule.count > 0 && !icaltime_is_null_time(rule.until))) return std::nullopt;
  if (dtstart.second >= 60 || dtstart.year < 1800 || dtstart.year > kLastYear) return std::nullopt;
  if (!empty(rule.by_second) || !empty(rule.by_minute) || !empty(rule.by_hour) || !empty(rule.by_year_day) ||
      !empty(rule.by_week_no) || !empty(rule.by_month) || !empty(rule.by_set_pos))
    return std::nullopt;
  SimpleRule s;
  s.start_ = dtstart;
  s.until_ = rule.until;
  s.interval_ = rule.interval;
  s.count_ = rule.count;
  const core::Date d0 = day_of(dtstart);
  const bool by_day = !empty(rule.by_day);
  switch (rule.freq) {
    case ICAL_DAILY_RECURRENCE:
      if (by_day || !empty(rule.by_month_day)) return std::nullopt;
      s.step_ = Step::days;
      break;
    case ICAL_WEEKLY_RECURRENCE: {
      if (!empty(rule.by_month_day)) return std::nullopt;
      s.step_ = Step::days;
      s.interval_ = rule.interval * 7;
      if (!by_day) break;
      uint8_t mask = 0;
      for (int i = 0; i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
        const unsigned bit = 1u << weekday_of(rule.by_day[i]);
        // libical repeats the instances of a repeated weekday
        if (icalrecurrencetype_day_position(rule.by_day[i]) != 0 || (mask & bit)) return std::nullopt;
        mask = static_cast<uint8_t>(mask | bit);
      }
      if (!(mask & (1u << core::weekday(d0)))) return std::nullopt;  // DTSTART must be an instance
      if (mask == (1u << core::weekday(d0))) break;                  // one weekday: every INTERVAL weeks
      if (rule.interval != 1) return std::nullopt;             // which week counts depends on WKST
      s.interval_ = 1;
      s.weekdays_ = mask;
      break;
    }
    case ICAL_MONTHLY_RECURRENCE:
      if (by_day || dtstart.day > 28) return std::nullopt;
      if (!empty(rule.by_month_day) && (rule.by_month_day[0] != dtstart.day || rule.by_month_day[1] != ICAL_RECURRENCE_ARRAY_MAX))
        return std::nullopt;
      s.step_ = Step::months;
      break;
    case ICAL_YEARLY_RECURRENCE:
      if (by_day || !empty(rule.by_month_day) || (dtstart.month == 2 && dtstart.day == 29)) return std::nullopt;
      s.step_ = Step::years;
      break;
    default:
      return std::nullopt;
  }
  return s;
}

icaltimetype SimpleRule::current() const {
  icaltimetype t = start_;
  switch (step_) {
    case Step::days: {
      const core::Ymd ymd = core::to_ymd(core::add_days(day_of(start_), static_cast<int>(position_)));
      t.year = ymd.year;
      t.month = static_cast<int>(ymd.month);
      t.day = static_cast<int>(ymd.day);
      break;
    }
    case Step::months: {
      const int64_t months = static_cast<int64_t>(start_.year) * 12 + (start_.month - 1) + position_;
      t.year = static_cast<int>(months / 12);
      t.month = static_cast<int>(months % 12) + 1;
      break;
    }
    case Step::years:
      t.year = static_cast<int>(start_.year + position_);
      break;
  }
  return t;
}

void SimpleRule::skip_to(const icaltimetype& from) {
  int64_t target = 0;  // the position a day before `from`, rounded down to a step
  switch (step_) {
    case Step::days:
      target = day_of(from).days - 1 - day_of(start_).days;
      break;
    case Step::months:
      target = (static_cast<int64_t>(from.year) * 12 + from.month - 1) - (static_cast<int64_t>(start_.year) * 12 + start_.month - 1) - 1;
      break;
    case Step::years:
      target = from.year - start_.year - 1;
      break;
  }
  if (weekdays_) {
    if (target > position_) position_ = target;  // next() moves on to a listed weekday
    return;
  }
  const int64_t steps = target / interval_;
  if (steps * interval_ > position_) {
    produced_ += steps - position_ / interval_;
    position_ = steps * interval_;
  }
}

icaltimetype SimpleRule::next() {
  if (done_ || (count_ > 0 && produced_ >= count_)) return icaltime_null_time();
  if (weekdays_) {
    while (!(weekdays_ & (1u << core::weekday(core::add_days(day_of(start_), static_cast<int>(position_)))))) ++position_;
  }
  const icaltimetype t = current();
  if (t.year > kLastYear || (!icaltime_is_null_time(until_) && wall_seconds(t) > wall_seconds(until_))) {
    done_ = true;
    return icaltime_null_time();
  }
  position_ += weekdays_ ? 1 : interval_;
  ++produced_;
  return t;
}

}  // namespace headway::ingest::ics
