// SimpleRule, the importer's arithmetic stepping through common recurrence rules, against
// libical's iterator on the same rules: same instances, same order, same end.
#include "ingest/ics_rule.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "core/date.hpp"

namespace headway::ingest::ics {
namespace {

struct Case {
  std::string rule;
  icaltimetype dtstart;
};

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string ical_text(const icaltimetype& t) {
  std::string s = std::to_string(t.year) + two(t.month) + two(t.day);
  if (!t.is_date) s += "T" + two(t.hour) + two(t.minute) + two(t.second);
  return s;
}

icaltimetype at_day(core::Date d, const icaltimetype& like) {
  const core::Ymd ymd = core::to_ymd(d);
  icaltimetype t = like;
  t.year = ymd.year;
  t.month = static_cast<int>(ymd.month);
  t.day = static_cast<int>(ymd.day);
  return t;
}

// Random rules, mostly of the kinds SimpleRule takes, some just outside them.
Case random_case(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  icaltimetype start = icaltime_null_time();
  const core::Date day{pick(core::make_date(1995, 1, 1).days, core::make_date(2030, 12, 31).days)};
  start = at_day(day, start);
  if (pick(0, 5) == 0) {
    start.is_date = 1;
  } else {
    start.hour = pick(0, 23);
    start.minute = pick(0, 59);
    start.second = pick(0, 2) == 0 ? pick(0, 59) : 0;
  }
  static const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  const int wd = core::weekday(day);
  std::string rule;
  switch (pick(0, 3)) {
    case 0:
      rule = "FREQ=DAILY";
      break;
    case 1:
      rule = "FREQ=WEEKLY";
      if (pick(0, 3) > 0) {
        rule += std::string(";BYDAY=") + kDays[wd];
        for (int extra = pick(0, 2); extra > 0; --extra) rule += std::string(",") + kDays[pick(0, 6)];
      }
      if (pick(0, 4) == 0) rule += std::string(";WKST=") + kDays[pick(0, 6)];
      break;
    case 2:
      rule = "FREQ=MONTHLY";
      if (pick(0, 2) == 0) rule += ";BYMONTHDAY=" + std::to_string(pick(0, 3) > 0 ? start.day : pick(1, 28));
      break;
    default:
      rule = "FREQ=YEARLY";
  }
  if (pick(0, 2) == 0) rule += ";INTERVAL=" + std::to_string(pick(2, 5));
  switch (pick(0, 2)) {
    case 0:
      rule += ";COUNT=" + std::to_string(pick(1, 60));
      break;
    case 1: {
      icaltimetype until = at_day(core::add_days(day, pick(0, 2000)), start);
      if (!start.is_date) until.hour = pick(0, 23);
      rule += ";UNTIL=" + ical_text(until);
      break;
    }
    default:
      break;  // open-ended
  }
  return Case{rule, start};
}

std::vector<std::string> from_libical(const icalrecurrencetype& rule, const icaltimetype& start,
                                      const icaltimetype* skip, size_t limit) {
  std::vector<std::string> out;
  icalrecur_iterator* it = icalrecur_iterator_new(rule, start);
  if (!it) return out;
  if (skip) (void)icalrecur_iterator_set_start(it, *skip);
  for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) && out.size() < limit;
       t = icalrecur_iterator_next(it))
    if (!skip || icaltime_compare(t, *skip) >= 0) out.push_back(ical_text(t));
  icalrecur_iterator_free(it);
  return out;
}

std::vector<std::string> from_simple(SimpleRule rule, const icaltimetype* skip, size_t limit) {
  std::vector<std::string> out;
  if (skip) rule.skip_to(*skip);
  for (icaltimetype t = rule.next(); !icaltime_is_null_time(t) && out.size() < limit; t = rule.next())
    if (!skip || icaltime_compare(t, *skip) >= 0) out.push_back(ical_text(t));
  return out;
}

TEST(IcsRule, SameInstancesAsLibical) {
  std::mt19937 rng(20261125);
  int simple = 0;
  for (int i = 0; i < 2000; ++i) {
    const Case c = random_case(rng);
    SCOPED_TRACE(c.rule + " from " + ical_text(c.dtstart));
    const icalrecurrencetype rule = icalrecurrencetype_from_string(c.rule.c_str());
    ASSERT_NE(rule.freq, ICAL_NO_RECURRENCE);
    const auto s = SimpleRule::of(rule, c.dtstart);
    if (!s) continue;
    ++simple;
    const auto a = from_simple(*s, nullptr, 300), b = from_libical(rule, c.dtstart, nullptr, 300);
    size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    ASSERT_EQ(a, b) << "first difference at " << k << ": " << (k < a.size() ? a[k] : "end") << " vs "
                    << (k < b.size() ? b[k] : "end");
  }
  EXPECT_GT(simple, 1000);  // most of the cases above are simple ones
}

TEST(IcsRule, SkipKeepsEveryInstanceFromTheSkipPoint) {
  std::mt19937 rng(7);
  int simple = 0;
  for (int i = 0; i < 2000; ++i) {
    Case c = random_case(rng);
    const size_t semi = c.rule.find(";COUNT=");
    if (semi != std::string::npos) c.rule.erase(semi);  // the importer skips only rules without COUNT
    SCOPED_TRACE(c.rule + " from " + ical_text(c.dtstart));
    const icalrecurrencetype rule = icalrecurrencetype_from_string(c.rule.c_str());
    const auto s = SimpleRule::of(rule, c.dtstart);
    if (!s) continue;
    ++simple;
    const core::Date start_day = core::make_date(c.dtstart.year, static_cast<unsigned>(c.dtstart.month),
                                                 static_cast<unsigned>(c.dtstart.day));
    icaltimetype skip = at_day(core::add_days(start_day, std::uniform_int_distribution<int>(1, 3000)(rng)), c.dtstart);
    if (!skip.is_date) skip.hour = std::uniform_int_distribution<int>(0, 23)(rng);
    ASSERT_EQ(from_simple(*s, &skip, 100), from_libical(rule, c.dtstart, &skip, 100));
  }
  EXPECT_GT(simple, 1000);
}

// Random MONTHLY and YEARLY rules with ordinals, month days and BYSETPOS, many of which never
// match. libical takes most of a second to give up on each of those, so only a few are checked
// against it; the rest show that never_matches lets through whatever libical expands.
TEST(IcsRule, NeverMatchesOnlyWhatLibicalNeverExpands) {
  std::mt19937 rng(2582);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  static const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  const icaltimetype start = icaltime_from_string("20250101T090000");
  int never = 0, checked_never = 0, some = 0;
  for (int i = 0; i < 400; ++i) {
    std::string rule = pick(0, 1) ? "FREQ=MONTHLY" : "FREQ=YEARLY";
    if (pick(0, 2) > 0) {
      rule += ";BYDAY=";
      for (int n = pick(1, 2); n > 0; --n) {
        const int ordinal = pick(0, 2) ? pick(-7, 7) : 0;
        rule += (ordinal ? std::to_string(ordinal) : "") + kDays[pick(0, 6)] + (n > 1 ? "," : "");
      }
    }
    if (pick(0, 2) == 0) rule += ";BYMONTHDAY=" + std::to_string(pick(0, 1) ? pick(1, 31) : -pick(1, 31));
    if (pick(0, 2) == 0) rule += ";BYMONTH=" + std::to_string(pick(1, 12));
    if (pick(0, 1) == 0) rule += ";BYSETPOS=" + std::to_string(pick(0, 1) ? pick(1, 60) : -pick(1, 60));
    if (pick(0, 3) == 0) rule += ";BYHOUR=8,12";
    SCOPED_TRACE(rule);
    const icalrecurrencetype r = icalrecurrencetype_from_string(rule.c_str());
    ASSERT_NE(r.freq, ICAL_NO_RECURRENCE);
    if (never_matches(r, start)) {
      ++never;
      if (checked_never < 5) {
        ++checked_never;
        EXPECT_TRUE(from_libical(r, start, nullptr, 1).empty()) << "libical expands a rule never_matches refuses";
      }
    } else if (!from_libical(r, start, nullptr, 1).empty()) {
      ++some;
    }
  }
  EXPECT_GT(never, 50);
  EXPECT_GT(some, 100);
}

TEST(IcsRule, RulesOutsideTheSimpleKindsAreLeftToLibical) {
  icaltimetype thursday = icaltime_from_string("20250102T100000");
  for (const char* text : {"FREQ=WEEKLY;BYDAY=MO", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,FR",
                           "FREQ=DAILY;BYHOUR=9,10", "FREQ=YEARLY;BYMONTH=3", "FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=1TH",
                           "FREQ=MONTHLY;BYMONTHDAY=2,3", "FREQ=DAILY;BYSETPOS=1"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(SimpleRule::of(icalrecurrencetype_from_string(text), thursday));
  }
  EXPECT_FALSE(SimpleRule::of(icalrecurrencetype_from_string("FREQ=MONTHLY"), icaltime_from_string("20250131T100000")));
  EXPECT_FALSE(SimpleRule::of(icalrecurrencetype_from_string("FREQ=YEARLY"), icaltime_from_string("20240229T100000")));
  EXPECT_TRUE(SimpleRule::of(icalrecurrencetype_from_string("FREQ=WEEKLY;BYDAY=TH,FR"), thursday));
}

}  // namespace
}  // namespace headway::ingest::ics
