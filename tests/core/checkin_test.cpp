#include "core/checkin.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace headway::core {
namespace {

Zone zone(const char* name) {
  auto z = Zone::find(name);
  EXPECT_TRUE(z) << name;
  return z ? *z : Zone::utc();
}

// An ordinary, valid working day: 09:00-17:30 on a Wednesday.
CheckIn workday() {
  CheckIn c;
  c.date = make_date(2026, 11, 25);
  c.start = TimeOfDay{9 * 60};
  c.end = TimeOfDay{17 * 60 + 30};
  c.stress = 3;
  c.energy = 3;
  return c;
}

TEST(FinalizeCheckin, ValidWorkdayPasses) {
  CheckIn c = workday();
  ASSERT_TRUE(finalize_checkin(c, Zone::utc()));
  EXPECT_EQ(c.worked_minutes, 8 * 60 + 30);
}

TEST(FinalizeCheckin, ValidationTable) {
  struct Case {
    const char* name;
    std::function<void(CheckIn&)> change;
    const char* field;  // empty: valid
  };
  const std::vector<Case> cases = {
      {"stress 0", [](CheckIn& c) { c.stress = 0; }, "stress"},
      {"stress 6", [](CheckIn& c) { c.stress = 6; }, "stress"},
      {"stress -1", [](CheckIn& c) { c.stress = -1; }, "stress"},
      {"stress 1", [](CheckIn& c) { c.stress = 1; }, ""},
      {"stress 5", [](CheckIn& c) { c.stress = 5; }, ""},
      {"energy 0", [](CheckIn& c) { c.energy = 0; }, "energy"},
      {"energy 6", [](CheckIn& c) { c.energy = 6; }, "energy"},
      {"energy 1", [](CheckIn& c) { c.energy = 1; }, ""},
      {"energy 5", [](CheckIn& c) { c.energy = 5; }, ""},
      {"missing start", [](CheckIn& c) { c.start.reset(); }, "start"},
      {"missing end", [](CheckIn& c) { c.end.reset(); }, "end"},
      {"missing both", [](CheckIn& c) { c.start.reset(), c.end.reset(); }, "start"},
      {"off with start and end", [](CheckIn& c) { c.off = true; }, "off"},
      {"off with start only", [](CheckIn& c) { c.off = true, c.end.reset(); }, "off"},
      {"off with end only", [](CheckIn& c) { c.off = true, c.start.reset(); }, "off"},
      {"off without times", [](CheckIn& c) { c.off = true, c.start.reset(), c.end.reset(); }, ""},
      {"start equals end", [](CheckIn& c) { c.end = c.start; }, "end"},
      {"break equals span", [](CheckIn& c) { c.break_minutes = 8 * 60 + 30; }, "break"},
      {"break above span", [](CheckIn& c) { c.break_minutes = 9 * 60; }, "break"},
      {"break one below span", [](CheckIn& c) { c.break_minutes = 8 * 60 + 29; }, ""},
      {"break negative", [](CheckIn& c) { c.break_minutes = -1; }, "break"},
      {"break 721", [](CheckIn& c) { c.break_minutes = 721; }, "break"},
      {"break 0", [](CheckIn& c) { c.break_minutes = 0; }, ""},
      {"after_hours negative", [](CheckIn& c) { c.after_hours = -1; }, "after_hours"},
      {"after_hours 1441", [](CheckIn& c) { c.after_hours = 1441; }, "after_hours"},
      {"after_hours 1440", [](CheckIn& c) { c.after_hours = 1440; }, ""},
      {"after_hours 0", [](CheckIn& c) { c.after_hours = 0; }, ""},
      {"note with control char", [](CheckIn& c) { c.note = "fine\x01" "day"; }, "note"},
      {"note with escape", [](CheckIn& c) { c.note = "\x1b[31mred"; }, "note"},
      {"note with DEL", [](CheckIn& c) { c.note = "a\x7f"; }, "note"},
      {"note with carriage return", [](CheckIn& c) { c.note = "a\rb"; }, "note"},
      {"note with newline and tab", [](CheckIn& c) { c.note = "line one\n\tline two"; }, ""},
      {"note with UTF-8", [](CheckIn& c) { c.note = "M\xc3\xbc" "de, aber gut"; }, ""},
      {"note too long", [](CheckIn& c) { c.note = std::string(4001, 'a'); }, "note"},
      {"note at the limit", [](CheckIn& c) { c.note = std::string(4000, 'a'); }, ""},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.name);
    CheckIn c = workday();
    k.change(c);
    const auto r = finalize_checkin(c, Zone::utc());
    if (std::string(k.field).empty()) {
      EXPECT_TRUE(r) << r.error().field << ": " << r.error().message;
    } else {
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::invalid);
      EXPECT_EQ(r.error().field, k.field) << r.error().message;
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST(FinalizeCheckin, WorkedMinutesIsSpanLessBreakPlusAfterHours) {
  struct Case {
    int start, end;
    std::optional<int> brk, after;
    int worked;
  };
  const std::vector<Case> cases = {
      {9 * 60, 17 * 60, std::nullopt, std::nullopt, 480},
      {9 * 60, 17 * 60, 30, std::nullopt, 450},
      {9 * 60, 17 * 60, std::nullopt, 45, 525},
      {9 * 60, 17 * 60, 60, 90, 510},
      {8 * 60 + 10, 18 * 60 + 45, 35, 0, 600},
      {0, 23 * 60 + 59, 0, 0, 1439},
      {22 * 60, 6 * 60, 30, std::nullopt, 450},  // overnight: end before start means the next morning
      {23 * 60, 1 * 60, std::nullopt, std::nullopt, 120},
  };
  for (const Case& k : cases) {
    CheckIn c = workday();
    c.start = TimeOfDay{k.start};
    c.end = TimeOfDay{k.end};
    c.break_minutes = k.brk;
    c.after_hours = k.after;
    ASSERT_TRUE(finalize_checkin(c, Zone::utc())) << k.start << "-" << k.end;
    EXPECT_EQ(c.worked_minutes, k.worked) << k.start << "-" << k.end;
  }
}

TEST(FinalizeCheckin, OffDayCountsOnlyAfterHours) {
  CheckIn c = workday();
  c.off = true;
  c.start.reset();
  c.end.reset();
  ASSERT_TRUE(finalize_checkin(c, Zone::utc()));
  EXPECT_EQ(c.worked_minutes, 0);
  c.after_hours = 40;
  ASSERT_TRUE(finalize_checkin(c, Zone::utc()));
  EXPECT_EQ(c.worked_minutes, 40);
}

TEST(FinalizeCheckin, OffDayWithBreakNeverGivesNegativeWork) {
  CheckIn c = workday();
  c.off = true;
  c.start.reset();
  c.end.reset();
  c.break_minutes = 30;
  const auto r = finalize_checkin(c, Zone::utc());
  // Either reject the break on a day off, or count no work: never negative minutes.
  if (r) {
    EXPECT_GE(c.worked_minutes, 0);
  } else {
    EXPECT_EQ(r.error().field, "break");
  }
}

TEST(FinalizeCheckin, OvernightShiftAcrossDstCountsRealTime) {
  struct Case {
    const char* zone;
    Date date;
    std::optional<int> brk;
    int worked;
  };
  const std::vector<Case> cases = {
      {"Europe/Berlin", make_date(2026, 3, 28), std::nullopt, 420},  // 22:00-06:00 is 7 real hours
      {"Europe/Berlin", make_date(2026, 3, 28), 30, 390},
      {"Europe/Berlin", make_date(2026, 10, 24), 30, 510},           // 9 real hours, less the break
      {"Europe/Berlin", make_date(2026, 6, 6), 30, 450},             // an ordinary night: 8 hours
      {"America/New_York", make_date(2026, 3, 7), std::nullopt, 420},
      {"America/New_York", make_date(2026, 10, 31), std::nullopt, 540},
  };
  for (const Case& k : cases) {
    CheckIn c = workday();
    c.date = k.date;
    c.start = TimeOfDay{22 * 60};
    c.end = TimeOfDay{6 * 60};
    c.break_minutes = k.brk;
    ASSERT_TRUE(finalize_checkin(c, zone(k.zone))) << k.zone << " " << to_string(k.date);
    EXPECT_EQ(c.worked_minutes, k.worked) << k.zone << " " << to_string(k.date);
  }
}

TEST(FinalizeCheckin, BreakMustBeShorterThanTheRealSpan) {
  // 22:00-06:00 on the spring-forward night is 420 real minutes, so a 420-minute break fills it.
  CheckIn c = workday();
  c.date = make_date(2026, 3, 28);
  c.start = TimeOfDay{22 * 60};
  c.end = TimeOfDay{6 * 60};
  c.break_minutes = 420;
  const auto r = finalize_checkin(c, zone("Europe/Berlin"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "break");
  c.break_minutes = 419;
  EXPECT_TRUE(finalize_checkin(c, zone("Europe/Berlin")));
  EXPECT_EQ(c.worked_minutes, 1);
}

TEST(FinalizeCheckin, StartInsideTheSpringForwardGapNeverCountsNegative) {
  // 02:30 does not exist that night; whatever the start is taken to mean, the work cannot be negative.
  CheckIn c = workday();
  c.date = make_date(2026, 3, 29);
  c.start = TimeOfDay{2 * 60 + 30};
  c.end = TimeOfDay{3 * 60};
  const auto r = finalize_checkin(c, zone("Europe/Berlin"));
  if (r) {
    EXPECT_GE(c.worked_minutes, 0);
  } else {
    EXPECT_TRUE(r.error().field == "start" || r.error().field == "end") << r.error().field;
  }
}

TEST(EndWallMinutes, WrapsPastMidnight) {
  struct Case {
    std::optional<int> start, end;
    int wall;
  };
  const std::vector<Case> cases = {
      {9 * 60, 17 * 60, 17 * 60},
      {22 * 60, 6 * 60, 6 * 60 + 1440},
      {23 * 60 + 59, 0, 1440},
      {std::nullopt, 17 * 60, 0},
      {9 * 60, std::nullopt, 0},
  };
  for (const Case& k : cases) {
    CheckIn c;
    if (k.start) c.start = TimeOfDay{*k.start};
    if (k.end) c.end = TimeOfDay{*k.end};
    EXPECT_EQ(end_wall_minutes(c), k.wall);
  }
}

}  // namespace
}  // namespace headway::core
