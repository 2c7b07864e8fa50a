#include "core/zone.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace headway::core {
namespace {

Zone zone(const char* name) {
  auto z = Zone::find(name);
  EXPECT_TRUE(z) << name << ": " << (z ? "" : z.error().message);
  return z ? *z : Zone::utc();
}

Instant at(const char* utc) {
  auto t = parse_instant(utc);
  EXPECT_TRUE(t) << utc;
  return t.value_or(0);
}

// --- Zone::find --------------------------------------------------------------------------------

TEST(ZoneFind, AcceptsIanaNames) {
  for (const char* name : {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Tokyo",
                           "America/St_Johns", "Pacific/Kiritimati", "UTC", "Etc/UTC"}) {
    const auto z = Zone::find(name);
    ASSERT_TRUE(z) << name;
    EXPECT_EQ(z->name(), name);
  }
}

TEST(ZoneFind, RejectsBadNames) {
  const std::vector<std::string> bad = {
      "Mars/Olympus",
      "",
      "../etc/passwd",
      "/etc/passwd",
      "/usr/share/zoneinfo/Europe/Berlin",
      "Europe/../Europe/Berlin",
      "Europe/Berlin\n",
      " Europe/Berlin",
      "Europe/Berlin ",
      std::string("Europe/Berlin\0x", 15),  // an embedded NUL
      "Europe",
      "Berlin",
      std::string(300, 'A'),
      "Europe/" + std::string(100, 'x'),
  };
  for (const std::string& name : bad) {
    SCOPED_TRACE("name: \"" + name.substr(0, 40) + "\"");
    const auto z = Zone::find(name);
    ASSERT_FALSE(z);
    EXPECT_EQ(z.error().code, ErrorCode::invalid);
    EXPECT_EQ(z.error().field, "timezone");
    EXPECT_LT(z.error().message.size(), 250u);
  }
}

TEST(ZoneFind, ErrorNamesTheGivenField) {
  const auto z = Zone::find("Mars/Olympus", "tz");
  ASSERT_FALSE(z);
  EXPECT_EQ(z.error().field, "tz");
}

// --- day_minutes -------------------------------------------------------------------------------

TEST(ZoneDayMinutes, DstChangeDays) {
  struct Case {
    const char* zone;
    Date date;
    int minutes;
  };
  const std::vector<Case> cases = {
      {"Europe/Berlin", make_date(2026, 3, 29), 1380},    // spring forward
      {"Europe/Berlin", make_date(2026, 10, 25), 1500},   // fall back
      {"Europe/Berlin", make_date(2026, 6, 1), 1440},
      {"Europe/Berlin", make_date(2026, 3, 28), 1440},    // the day before the change
      {"Europe/Berlin", make_date(2026, 3, 30), 1440},    // the day after
      {"America/New_York", make_date(2026, 3, 8), 1380},
      {"America/New_York", make_date(2026, 11, 1), 1500},
      {"America/New_York", make_date(2026, 3, 29), 1440},  // Europe's change day is ordinary here
      {"Australia/Sydney", make_date(2026, 4, 5), 1500},   // southern hemisphere: autumn in April
      {"Australia/Sydney", make_date(2026, 10, 4), 1380},
      {"Australia/Lord_Howe", make_date(2026, 4, 5), 1470},   // a half-hour shift
      {"Australia/Lord_Howe", make_date(2026, 10, 4), 1410},
      {"America/Santiago", make_date(2026, 9, 6), 1380},  // the change skips local midnight itself
      {"America/Santiago", make_date(2026, 4, 4), 1500},
      {"Asia/Tokyo", make_date(2026, 3, 29), 1440},       // no DST at all
      {"UTC", make_date(2026, 3, 29), 1440},
  };
  for (const Case& c : cases) {
    const Zone z = zone(c.zone);
    EXPECT_EQ(z.day_minutes(c.date), c.minutes) << c.zone << " " << to_string(c.date);
  }
}

TEST(ZoneDayMinutes, AYearHasTheRightLength) {
  // Every day is 1440 minutes except the two change days, which cancel out.
  const Zone berlin = zone("Europe/Berlin");
  int total = 0, changes = 0;
  for (Date d = make_date(2026, 1, 1); d < make_date(2027, 1, 1); d = add_days(d, 1)) {
    const int m = berlin.day_minutes(d);
    total += m;
    changes += m != 1440;
  }
  EXPECT_EQ(total, 365 * 1440);
  EXPECT_EQ(changes, 2);
}

// --- local_date and wall_minutes -----------------------------------------------------------------

TEST(ZoneLocalDate, NearMidnight) {
  // Offsets are the zones' standard and summer offsets in 2026.
  struct Case {
    const char* zone;
    const char* utc;
    Date local;
    int wall;  // minutes past local midnight
  };
  const std::vector<Case> cases = {
      {"Europe/Berlin", "2026-06-30T21:59:59Z", make_date(2026, 6, 30), 1439},  // UTC+2
      {"Europe/Berlin", "2026-06-30T22:00:00Z", make_date(2026, 7, 1), 0},
      {"Europe/Berlin", "2026-12-31T22:59:59Z", make_date(2026, 12, 31), 1439},  // UTC+1
      {"Europe/Berlin", "2026-12-31T23:00:00Z", make_date(2027, 1, 1), 0},
      {"America/New_York", "2026-07-01T03:59:59Z", make_date(2026, 6, 30), 1439},  // UTC-4
      {"America/New_York", "2026-07-01T04:00:00Z", make_date(2026, 7, 1), 0},
      {"America/New_York", "2026-01-01T04:59:59Z", make_date(2025, 12, 31), 1439},  // UTC-5
      {"America/New_York", "2026-01-01T05:00:00Z", make_date(2026, 1, 1), 0},
      {"Asia/Tokyo", "2026-06-30T14:59:59Z", make_date(2026, 6, 30), 1439},  // UTC+9
      {"Asia/Tokyo", "2026-06-30T15:00:00Z", make_date(2026, 7, 1), 0},
      {"Asia/Kolkata", "2026-06-30T18:29:59Z", make_date(2026, 6, 30), 1439},  // UTC+5:30
      {"Asia/Kolkata", "2026-06-30T18:30:00Z", make_date(2026, 7, 1), 0},
      {"America/St_Johns", "2026-07-01T02:29:59Z", make_date(2026, 6, 30), 1439},  // UTC-2:30
      {"America/St_Johns", "2026-07-01T02:30:00Z", make_date(2026, 7, 1), 0},
      {"Pacific/Kiritimati", "2026-06-30T09:59:59Z", make_date(2026, 6, 30), 1439},  // UTC+14
      {"Pacific/Kiritimati", "2026-06-30T10:00:00Z", make_date(2026, 7, 1), 0},
      {"UTC", "2026-06-30T23:59:59Z", make_date(2026, 6, 30), 1439},
      {"UTC", "2026-07-01T00:00:00Z", make_date(2026, 7, 1), 0},
      // Around the spring-forward gap in Berlin: 01:59:59 CET, then 03:00 CEST.
      {"Europe/Berlin", "2026-03-29T00:59:59Z", make_date(2026, 3, 29), 119},
      {"Europe/Berlin", "2026-03-29T01:00:00Z", make_date(2026, 3, 29), 180},
  };
  for (const Case& c : cases) {
    const Zone z = zone(c.zone);
    const Instant t = at(c.utc);
    EXPECT_EQ(to_string(z.local_date(t)), to_string(c.local)) << c.zone << " " << c.utc;
    EXPECT_EQ(z.wall_minutes(t), c.wall) << c.zone << " " << c.utc;
  }
}

TEST(ZoneLocalDate, BeforeTheEpoch) {
  const Zone utc = Zone::utc();
  EXPECT_EQ(utc.local_date(-1), make_date(1969, 12, 31));
  EXPECT_EQ(utc.wall_minutes(-1), 1439);
  EXPECT_EQ(utc.local_date(-86400), make_date(1969, 12, 31));
  EXPECT_EQ(utc.local_date(-86401), make_date(1969, 12, 30));
}

// --- to_instant --------------------------------------------------------------------------------

TEST(ZoneToInstant, OrdinaryTimes) {
  struct Case {
    const char* zone;
    Date date;
    int wall;
    const char* utc;
  };
  const std::vector<Case> cases = {
      {"Europe/Berlin", make_date(2026, 6, 1), 9 * 60, "2026-06-01T07:00:00Z"},
      {"Europe/Berlin", make_date(2026, 1, 15), 9 * 60, "2026-01-15T08:00:00Z"},
      {"America/New_York", make_date(2026, 6, 1), 17 * 60 + 30, "2026-06-01T21:30:00Z"},
      {"Asia/Kolkata", make_date(2026, 6, 1), 0, "2026-05-31T18:30:00Z"},
      // Minutes past 1440 mean the next day.
      {"Europe/Berlin", make_date(2026, 6, 1), 1440 + 6 * 60, "2026-06-02T04:00:00Z"},
      {"UTC", make_date(2026, 6, 1), 1439, "2026-06-01T23:59:00Z"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(format_instant(zone(c.zone).to_instant(c.date, c.wall)), c.utc) << c.zone << " " << c.wall;
}

TEST(ZoneToInstant, SpringForwardGapLandsAfterTheGap) {
  const Zone berlin = zone("Europe/Berlin");
  const Date d = make_date(2026, 3, 29);
  // 02:30 does not exist in Berlin that night: the clock jumps from 02:00 CET to 03:00 CEST.
  const Instant t = berlin.to_instant(d, 2 * 60 + 30);
  EXPECT_EQ(format_instant(t), "2026-03-29T01:30:00Z");  // 03:30 CEST
  EXPECT_EQ(berlin.local_date(t), d);
  EXPECT_GE(berlin.wall_minutes(t), 3 * 60) << "landed inside or before the gap";
  EXPECT_GT(t, berlin.to_instant(d, 1 * 60 + 59));
  EXPECT_GE(t, berlin.to_instant(d, 3 * 60));
}

TEST(ZoneToInstant, RepeatedTimeMapsToFirstOccurrence) {
  const Zone berlin = zone("Europe/Berlin");
  // 02:30 happens twice on 2026-10-25: first at CEST (00:30Z), then at CET (01:30Z).
  EXPECT_EQ(format_instant(berlin.to_instant(make_date(2026, 10, 25), 2 * 60 + 30)), "2026-10-25T00:30:00Z");
  const Zone ny = zone("America/New_York");
  // 01:30 happens twice on 2026-11-01: first at EDT (05:30Z).
  EXPECT_EQ(format_instant(ny.to_instant(make_date(2026, 11, 1), 90)), "2026-11-01T05:30:00Z");
}

TEST(ZoneToInstant, RoundTripsWithWallMinutesOnOrdinaryDays) {
  for (const char* name : {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"}) {
    const Zone z = zone(name);
    const Date d = make_date(2026, 7, 14);
    for (int m = 0; m < 1440; m += 7) {
      const Instant t = z.to_instant(d, m);
      ASSERT_EQ(z.local_date(t), d) << name << " " << m;
      ASSERT_EQ(z.wall_minutes(t), m) << name << " " << m;
    }
  }
}

// --- elapsed_minutes ---------------------------------------------------------------------------

TEST(ZoneElapsedMinutes, OvernightAcrossDst) {
  struct Case {
    const char* zone;
    Date date;
    int from, to;
    int minutes;
  };
  const int six_next = 6 * 60 + 1440;
  const std::vector<Case> cases = {
      {"Europe/Berlin", make_date(2026, 3, 28), 22 * 60, six_next, 7 * 60},    // an hour is skipped
      {"Europe/Berlin", make_date(2026, 10, 24), 22 * 60, six_next, 9 * 60},   // an hour is repeated
      {"Europe/Berlin", make_date(2026, 6, 1), 22 * 60, six_next, 8 * 60},
      {"America/New_York", make_date(2026, 3, 7), 22 * 60, six_next, 7 * 60},
      {"America/New_York", make_date(2026, 10, 31), 22 * 60, six_next, 9 * 60},
      {"Australia/Sydney", make_date(2026, 10, 3), 22 * 60, six_next, 7 * 60},
      {"Australia/Sydney", make_date(2026, 4, 4), 22 * 60, six_next, 9 * 60},
      {"UTC", make_date(2026, 3, 28), 22 * 60, six_next, 8 * 60},
      // Daytime spans on the change day itself, after the change.
      {"Europe/Berlin", make_date(2026, 3, 29), 9 * 60, 17 * 60, 8 * 60},
      // A span that crosses the change on the same day.
      {"Europe/Berlin", make_date(2026, 3, 29), 1 * 60, 4 * 60, 2 * 60},
      {"Europe/Berlin", make_date(2026, 10, 25), 1 * 60, 4 * 60, 4 * 60},
  };
  for (const Case& c : cases)
    EXPECT_EQ(zone(c.zone).elapsed_minutes(c.date, c.from, c.to), c.minutes)
        << c.zone << " " << to_string(c.date) << " " << c.from << "-" << c.to;
}

}  // namespace
}  // namespace headway::core
