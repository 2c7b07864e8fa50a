#include "core/date.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

// --- parse_date -------------------------------------------------------------------------------

struct DateCase {
  std::string text;
  bool ok;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};

TEST(ParseDate, Table) {
  const std::vector<DateCase> cases = {
      {"2026-01-01", true, 2026, 1, 1},
      {"2026-12-31", true, 2026, 12, 31},
      {"1970-01-01", true, 1970, 1, 1},
      {"2024-02-29", true, 2024, 2, 29},  // leap year
      {"2000-02-29", true, 2000, 2, 29},  // divisible by 400: leap
      {"2026-04-30", true, 2026, 4, 30},
      {"", false},
      {"2026-02-29", false},  // not a leap year
      {"2026-02-30", false},
      {"2026-04-31", false},
      {"2100-02-29", false},  // divisible by 100, not by 400
      {"2026-13-01", false},
      {"2026-00-10", false},
      {"2026-01-00", false},
      {"2026-01-32", false},
      {"26-01-01", false},
      {"2026-1-1", false},
      {"2026-01-1", false},
      {"2026/01/01", false},
      {"2026-01-01 ", false},
      {" 2026-01-01", false},
      {"2026-01-01T00:00:00Z", false},
      {"+026-01-01", false},
      {"2026-+1-01", false},
      {"20a6-01-01", false},
      {"abcd-ef-gh", false},
      {std::string(10000, '9'), false},
      {"2026-01-01" + std::string(5000, 'x'), false},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE("input: \"" + c.text.substr(0, 30) + "\"");
    const auto r = parse_date(c.text);
    ASSERT_EQ(r.has_value(), c.ok);
    if (c.ok) {
      EXPECT_EQ(*r, make_date(c.year, c.month, c.day));
      EXPECT_EQ(to_string(*r), c.text);
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, "date");
      EXPECT_FALSE(r.error().message.empty());
      EXPECT_LT(r.error().message.size(), 200u) << "error messages must not echo huge input";
    }
  }
}

TEST(ParseDate, ErrorNamesTheGivenField) {
  for (const char* field : {"from", "to", "since", "x"}) {
    const auto r = parse_date("2026-02-30", field);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, field);
  }
}

TEST(ParseDate, RoundTripsEveryDayOfSeveralYears) {
  for (Date d = make_date(1999, 1, 1); d <= make_date(2030, 12, 31); d = add_days(d, 1)) {
    const std::string s = to_string(d);
    const auto back = parse_date(s);
    ASSERT_TRUE(back) << s;
    ASSERT_EQ(*back, d) << s;
  }
}

TEST(Date, DaysSinceEpoch) {
  EXPECT_EQ(make_date(1970, 1, 1).days, 0);
  EXPECT_EQ(make_date(1970, 1, 2).days, 1);
  EXPECT_EQ(make_date(1969, 12, 31).days, -1);
  EXPECT_EQ(make_date(2000, 3, 1).days - make_date(2000, 2, 28).days, 2);  // 2000 is leap
  EXPECT_EQ(make_date(1900, 3, 1).days - make_date(1900, 2, 28).days, 1);  // 1900 is not
  EXPECT_EQ(days_between(make_date(2026, 1, 1), make_date(2027, 1, 1)), 365);
  EXPECT_EQ(days_between(make_date(2024, 1, 1), make_date(2025, 1, 1)), 366);
}

// --- weekday, week_start, iso_week_label ---------------------------------------------------------

TEST(Weekday, KnownDays) {
  struct Case {
    Date date;
    int wd;
  };
  const std::vector<Case> cases = {
      {make_date(1970, 1, 1), 3},    // Thursday
      {make_date(1969, 12, 29), 0},  // Monday before the epoch
      {make_date(1969, 12, 28), 6},  // Sunday before the epoch
      {make_date(2026, 11, 25), 2},  // Wednesday
      {make_date(2026, 3, 29), 6},   // Sunday (European DST change)
      {make_date(2024, 2, 29), 3},   // Thursday
      {make_date(1900, 1, 1), 0},    // Monday
  };
  for (const Case& c : cases) EXPECT_EQ(weekday(c.date), c.wd) << to_string(c.date);
}

TEST(Weekday, AdvancesByOneEachDay) {
  for (Date d = make_date(1965, 1, 1); d < make_date(1975, 1, 1); d = add_days(d, 1))
    ASSERT_EQ(weekday(add_days(d, 1)), (weekday(d) + 1) % 7) << to_string(d);
}

TEST(WeekStart, IsTheMondayOnOrBefore) {
  const Date monday = make_date(2026, 11, 23);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(week_start(add_days(monday, i)), monday) << i;
  EXPECT_EQ(week_start(add_days(monday, 7)), add_days(monday, 7));
  EXPECT_EQ(week_start(add_days(monday, -1)), add_days(monday, -7));
  // Across the epoch, where days are negative.
  EXPECT_EQ(week_start(make_date(1970, 1, 1)), make_date(1969, 12, 29));
}

TEST(IsoWeekLabel, Table) {
  struct Case {
    Date date;
    const char* label;
  };
  const std::vector<Case> cases = {
      {make_date(2026, 1, 1), "2026-W01"},    // Thursday: week 1 of 2026
      {make_date(2025, 12, 29), "2026-W01"},  // its Monday, still in 2025
      {make_date(2027, 1, 1), "2026-W53"},    // Friday: 2026 has 53 weeks
      {make_date(2027, 1, 3), "2026-W53"},
      {make_date(2027, 1, 4), "2027-W01"},
      {make_date(2024, 12, 30), "2025-W01"},
      {make_date(2026, 11, 25), "2026-W48"},
      {make_date(2020, 12, 31), "2020-W53"},
      {make_date(2021, 1, 3), "2020-W53"},
      {make_date(2021, 1, 4), "2021-W01"},
  };
  for (const Case& c : cases) EXPECT_EQ(iso_week_label(c.date), c.label) << to_string(c.date);
}

TEST(IsoWeekLabel, SameForEveryDayOfAWeek) {
  for (Date d = make_date(2019, 12, 1); d < make_date(2028, 2, 1); d = add_days(d, 1))
    ASSERT_EQ(iso_week_label(d), iso_week_label(week_start(d))) << to_string(d);
}

TEST(WeekdayName, Names) {
  const char* names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (int i = 0; i < 7; ++i) EXPECT_STREQ(weekday_name(i), names[i]);
}

// --- parse_time --------------------------------------------------------------------------------

TEST(ParseTime, Table) {
  struct Case {
    std::string text;
    std::optional<int> minutes;
  };
  const std::vector<Case> cases = {
      {"00:00", 0},
      {"09:00", 540},
      {"17:30", 1050},
      {"23:59", 1439},
      {"12:05", 725},
      {"24:00", std::nullopt},
      {"12:60", std::nullopt},
      {"99:99", std::nullopt},
      {"9:00", std::nullopt},
      {"09:0", std::nullopt},
      {"0900", std::nullopt},
      {"09-00", std::nullopt},
      {"09:00 ", std::nullopt},
      {" 9:00", std::nullopt},
      {"+9:00", std::nullopt},
      {"-1:00", std::nullopt},
      {"09:00:00", std::nullopt},
      {"ab:cd", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("input: \"" + c.text + "\"");
    const auto r = parse_time(c.text, "start");
    ASSERT_EQ(r.has_value(), c.minutes.has_value());
    if (c.minutes) {
      EXPECT_EQ(r->minutes, *c.minutes);
      EXPECT_EQ(to_string(*r), c.text);
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, "start");
    }
  }
}

TEST(ParseTime, RoundTripsEveryMinute) {
  for (int m = 0; m < 1440; ++m) {
    const auto r = parse_time(to_string(TimeOfDay{m}));
    ASSERT_TRUE(r) << m;
    ASSERT_EQ(r->minutes, m);
  }
}

// --- parse_days --------------------------------------------------------------------------------

constexpr uint8_t bit(int wd) { return static_cast<uint8_t>(1u << wd); }
constexpr uint8_t kMon = bit(0), kTue = bit(1), kWed = bit(2), kThu = bit(3), kFri = bit(4), kSat = bit(5),
                  kSun = bit(6);

TEST(ParseDays, Table) {
  struct Case {
    std::string text;
    std::optional<uint8_t> bits;
    std::string canonical;  // to_string of the result
  };
  const std::vector<Case> cases = {
      {"Mon-Fri", kMon | kTue | kWed | kThu | kFri, "Mon-Fri"},
      {"weekdays", kMon | kTue | kWed | kThu | kFri, "Mon-Fri"},
      {"Sat,Sun", kSat | kSun, "Sat,Sun"},
      {"weekend", kSat | kSun, "Sat,Sun"},
      {"daily", 0x7f, "Mon-Sun"},
      {"Mon-Sun", 0x7f, "Mon-Sun"},
      {"Fri-Mon", kFri | kSat | kSun | kMon, "Mon,Fri-Sun"},  // wraps past Sunday
      {"Sun-Tue", kSun | kMon | kTue, "Mon,Tue,Sun"},
      {"Mon,Wed-Fri", kMon | kWed | kThu | kFri, "Mon,Wed-Fri"},
      {"Mon,Wed,Fri", kMon | kWed | kFri, "Mon,Wed,Fri"},
      {"Wed", kWed, "Wed"},
      {"Wed-Wed", kWed, "Wed"},
      {"Tue,Tue", kTue, "Tue"},
      {"mon-fri", kMon | kTue | kWed | kThu | kFri, "Mon-Fri"},  // lower-case first letter is accepted
      {"", std::nullopt, ""},
      {"Mon-", std::nullopt, ""},
      {"-Fri", std::nullopt, ""},
      {"Mon,", std::nullopt, ""},
      {",Mon", std::nullopt, ""},
      {"Mon,,Tue", std::nullopt, ""},
      {"Mon-Fri-Sun", std::nullopt, ""},
      {"Monday", std::nullopt, ""},
      {"MON", std::nullopt, ""},
      {"Mo-Fr", std::nullopt, ""},
      {"Mon Fri", std::nullopt, ""},
      {"Mon;Fri", std::nullopt, ""},
      {"weekly", std::nullopt, ""},
      {"Xyz", std::nullopt, ""},
      {std::string(5000, ','), std::nullopt, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("input: \"" + c.text.substr(0, 30) + "\"");
    const auto r = parse_days(c.text, "days");
    ASSERT_EQ(r.has_value(), c.bits.has_value());
    if (c.bits) {
      EXPECT_EQ(r->bits, *c.bits);
      EXPECT_EQ(to_string(*r), c.canonical);
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, "days");
      EXPECT_LT(r.error().message.size(), 200u);
    }
  }
}

TEST(ParseDays, ErrorNamesTheGivenField) {
  const auto r = parse_days("Funday", "weekdays_field");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "weekdays_field");
}

TEST(ParseDays, ToStringRoundTripsEveryNonEmptySet) {
  for (unsigned bits = 1; bits < 128; ++bits) {
    const DaySet set{static_cast<uint8_t>(bits)};
    const std::string text = to_string(set);
    const auto back = parse_days(text);
    ASSERT_TRUE(back) << bits << " -> \"" << text << "\"";
    EXPECT_EQ(*back, set) << bits << " -> \"" << text << "\"";
  }
}

TEST(DaySet, Contains) {
  const DaySet weekend{static_cast<uint8_t>(kSat | kSun)};
  for (int wd = 0; wd < 7; ++wd) EXPECT_EQ(weekend.contains(wd), wd >= 5) << wd;
}

// --- instants ----------------------------------------------------------------------------------

TEST(Instant, KnownValues) {
  // Seconds since the epoch, worked out independently (Python's datetime).
  struct Case {
    Instant t;
    const char* text;
  };
  const std::vector<Case> cases = {
      {0, "1970-01-01T00:00:00Z"},
      {1795622733, "2026-11-25T16:05:33Z"},
      {951782400, "2000-02-29T00:00:00Z"},
      {-1, "1969-12-31T23:59:59Z"},
      {-2208988800, "1900-01-01T00:00:00Z"},
      {7289654399, "2200-12-31T23:59:59Z"},
      {86399, "1970-01-01T23:59:59Z"},
      {86400, "1970-01-02T00:00:00Z"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(format_instant(c.t), c.text) << c.t;
    const auto back = parse_instant(c.text);
    ASSERT_TRUE(back) << c.text;
    EXPECT_EQ(*back, c.t) << c.text;
  }
}

TEST(Instant, RoundTripsAcrossManyValues) {
  // Steps of a prime number of seconds hit every second-of-minute, minute and hour over time.
  for (Instant t = -400000000; t < 2000000000; t += 999983) {
    const std::string s = format_instant(t);
    const auto back = parse_instant(s);
    ASSERT_TRUE(back) << s;
    ASSERT_EQ(*back, t) << s;
  }
}

TEST(ParseInstant, Rejects) {
  const std::vector<std::string> bad = {
      "",
      "2026-11-25",
      "2026-11-25T16:05:33",       // no Z
      "2026-11-25T16:05:33+01:00",  // offsets are not accepted: instants are UTC
      "2026-11-25 16:05:33Z",
      "2026-11-25t16:05:33z",
      "2026-11-25T24:00:00Z",
      "2026-11-25T16:60:00Z",
      "2026-11-25T16:05:60Z",
      "2026-02-30T10:00:00Z",
      "2026-11-25T1a:05:33Z",
      "2026-11-25T16:05:3Z",
      std::string(3000, 'Z'),
  };
  for (const std::string& s : bad) {
    const auto r = parse_instant(s, "at");
    ASSERT_FALSE(r) << s.substr(0, 40);
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_EQ(r.error().field, "at") << s.substr(0, 40);
  }
}

}  // namespace
}  // namespace headway::core
