#include "core/boundary.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace headway::core {
namespace {

using Params = std::map<std::string, std::string>;

const std::vector<BoundaryType> kAllTypes = {BoundaryType::work_window,      BoundaryType::no_weekend_work,
                                             BoundaryType::weekly_hours_cap, BoundaryType::min_break,
                                             BoundaryType::meeting_free,     BoundaryType::no_messages_after};

TEST(BoundaryType, NamesRoundTrip) {
  for (BoundaryType t : kAllTypes) {
    const auto p = parse_boundary_type(to_string(t));
    ASSERT_TRUE(p) << to_string(t);
    EXPECT_EQ(*p, t);
  }
  for (const char* bad : {"", "work_window", "Work-Window", "no-weekend", "cap"}) {
    const auto p = parse_boundary_type(bad);
    ASSERT_FALSE(p) << bad;
    EXPECT_EQ(p.error().field, "type");
  }
}

TEST(BoundaryParams, ByType) {
  EXPECT_EQ(boundary_params(BoundaryType::work_window), (std::vector<std::string>{"days", "from", "to"}));
  EXPECT_EQ(boundary_params(BoundaryType::meeting_free), (std::vector<std::string>{"days", "from", "to"}));
  EXPECT_TRUE(boundary_params(BoundaryType::no_weekend_work).empty());
  EXPECT_EQ(boundary_params(BoundaryType::weekly_hours_cap), (std::vector<std::string>{"hours"}));
  EXPECT_EQ(boundary_params(BoundaryType::min_break), (std::vector<std::string>{"minutes"}));
  EXPECT_EQ(boundary_params(BoundaryType::no_messages_after), (std::vector<std::string>{"time"}));
}

TEST(MakeBoundary, ErrorsNameTheParameter) {
  struct Case {
    const char* name;
    BoundaryType type;
    Params params;
    const char* field;
  };
  const Params window = {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}};
  const auto without = [](Params p, const char* key) {
    p.erase(key);
    return p;
  };
  const auto with = [](Params p, const char* key, const char* value) {
    p[key] = value;
    return p;
  };
  const std::vector<Case> cases = {
      // missing
      {"window without days", BoundaryType::work_window, without(window, "days"), "days"},
      {"window without from", BoundaryType::work_window, without(window, "from"), "from"},
      {"window without to", BoundaryType::work_window, without(window, "to"), "to"},
      {"meeting-free without to", BoundaryType::meeting_free, without(window, "to"), "to"},
      {"cap without hours", BoundaryType::weekly_hours_cap, {}, "hours"},
      {"break without minutes", BoundaryType::min_break, {}, "minutes"},
      {"messages without time", BoundaryType::no_messages_after, {}, "time"},
      // unexpected
      {"window with hours", BoundaryType::work_window, with(window, "hours", "40"), "hours"},
      {"weekend with days", BoundaryType::no_weekend_work, {{"days", "Sat"}}, "days"},
      {"cap with minutes", BoundaryType::weekly_hours_cap, {{"hours", "40"}, {"minutes", "30"}}, "minutes"},
      {"break with time", BoundaryType::min_break, {{"minutes", "30"}, {"time", "19:00"}}, "time"},
      {"messages with from", BoundaryType::no_messages_after, {{"time", "19:00"}, {"from", "09:00"}}, "from"},
      {"an unknown key", BoundaryType::no_messages_after, {{"time", "19:00"}, {"colour", "red"}}, "colour"},
      // bad values
      {"bad days", BoundaryType::work_window, with(window, "days", "Funday"), "days"},
      {"bad from", BoundaryType::work_window, with(window, "from", "9am"), "from"},
      {"bad to", BoundaryType::meeting_free, with(window, "to", "25:00"), "to"},
      {"to before from", BoundaryType::work_window, with(window, "to", "08:00"), "to"},
      {"to equal to from", BoundaryType::meeting_free, with(window, "to", "09:00"), "to"},
      {"hours 0", BoundaryType::weekly_hours_cap, {{"hours", "0"}}, "hours"},
      {"hours 0.5", BoundaryType::weekly_hours_cap, {{"hours", "0.5"}}, "hours"},
      {"hours 168.5", BoundaryType::weekly_hours_cap, {{"hours", "168.5"}}, "hours"},
      {"hours 200", BoundaryType::weekly_hours_cap, {{"hours", "200"}}, "hours"},
      {"hours negative", BoundaryType::weekly_hours_cap, {{"hours", "-40"}}, "hours"},
      {"hours not a number", BoundaryType::weekly_hours_cap, {{"hours", "forty"}}, "hours"},
      {"hours empty", BoundaryType::weekly_hours_cap, {{"hours", ""}}, "hours"},
      {"hours with a unit", BoundaryType::weekly_hours_cap, {{"hours", "40h"}}, "hours"},
      {"hours with a space", BoundaryType::weekly_hours_cap, {{"hours", " 40"}}, "hours"},
      {"hours nan", BoundaryType::weekly_hours_cap, {{"hours", "nan"}}, "hours"},
      {"hours inf", BoundaryType::weekly_hours_cap, {{"hours", "inf"}}, "hours"},
      {"minutes 1.5", BoundaryType::min_break, {{"minutes", "1.5"}}, "minutes"},
      {"minutes 0", BoundaryType::min_break, {{"minutes", "0"}}, "minutes"},
      {"minutes 481", BoundaryType::min_break, {{"minutes", "481"}}, "minutes"},
      {"minutes huge", BoundaryType::min_break, {{"minutes", "1e300"}}, "minutes"},
      {"bad time", BoundaryType::no_messages_after, {{"time", "7pm"}}, "time"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto b = make_boundary(c.type, c.params);
    ASSERT_FALSE(b);
    EXPECT_EQ(b.error().code, ErrorCode::invalid);
    EXPECT_EQ(b.error().field, c.field) << b.error().message;
    EXPECT_FALSE(b.error().message.empty());
  }
}

TEST(MakeBoundary, ValidValues) {
  struct Case {
    BoundaryType type;
    Params params;
  };
  const std::vector<Case> cases = {
      {BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}},
      {BoundaryType::work_window, {{"days", "Mon,Wed-Fri"}, {"from", "00:00"}, {"to", "23:59"}}},
      {BoundaryType::meeting_free, {{"days", "Fri"}, {"from", "13:00"}, {"to", "17:00"}}},
      {BoundaryType::no_weekend_work, {}},
      {BoundaryType::weekly_hours_cap, {{"hours", "1"}}},
      {BoundaryType::weekly_hours_cap, {{"hours", "40"}}},
      {BoundaryType::weekly_hours_cap, {{"hours", "37.5"}}},
      {BoundaryType::weekly_hours_cap, {{"hours", "168"}}},
      {BoundaryType::min_break, {{"minutes", "1"}}},
      {BoundaryType::min_break, {{"minutes", "30"}}},
      {BoundaryType::min_break, {{"minutes", "30.0"}}},  // a whole number written with a decimal point
      {BoundaryType::min_break, {{"minutes", "480"}}},
      {BoundaryType::no_messages_after, {{"time", "19:00"}}},
  };
  for (const Case& c : cases) {
    const auto b = make_boundary(c.type, c.params);
    ASSERT_TRUE(b) << to_string(c.type) << ": " << b.error().field << ": " << b.error().message;
    EXPECT_EQ(b->type, c.type);
  }
}

TEST(MakeBoundary, StoresTheParameters) {
  const auto w = make_boundary(BoundaryType::work_window, {{"days", "Mon,Wed"}, {"from", "08:15"}, {"to", "16:45"}});
  ASSERT_TRUE(w);
  EXPECT_EQ(w->days.bits, 0x05);
  EXPECT_EQ(w->from.minutes, 8 * 60 + 15);
  EXPECT_EQ(w->to.minutes, 16 * 60 + 45);
  const auto cap = make_boundary(BoundaryType::weekly_hours_cap, {{"hours", "37.5"}});
  ASSERT_TRUE(cap);
  EXPECT_DOUBLE_EQ(cap->hours, 37.5);
  const auto brk = make_boundary(BoundaryType::min_break, {{"minutes", "45"}});
  ASSERT_TRUE(brk);
  EXPECT_EQ(brk->minutes, 45);
  const auto msg = make_boundary(BoundaryType::no_messages_after, {{"time", "19:30"}});
  ASSERT_TRUE(msg);
  EXPECT_EQ(msg->time.minutes, 19 * 60 + 30);
}

TEST(BoundaryParamsText, RoundTripsForEveryType) {
  const std::vector<std::pair<BoundaryType, Params>> cases = {
      {BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}},
      {BoundaryType::work_window, {{"days", "Fri-Mon"}, {"from", "07:05"}, {"to", "11:55"}}},
      {BoundaryType::meeting_free, {{"days", "Mon,Wed,Fri"}, {"from", "13:00"}, {"to", "17:00"}}},
      {BoundaryType::no_weekend_work, {}},
      {BoundaryType::weekly_hours_cap, {{"hours", "40"}}},
      {BoundaryType::weekly_hours_cap, {{"hours", "37.5"}}},
      {BoundaryType::weekly_hours_cap, {{"hours", "0012.25"}}},
      {BoundaryType::min_break, {{"minutes", "30"}}},
      {BoundaryType::no_messages_after, {{"time", "19:00"}}},
  };
  for (const auto& [type, params] : cases) {
    SCOPED_TRACE(to_string(type));
    const auto b = make_boundary(type, params);
    ASSERT_TRUE(b);
    const std::string text = params_text(*b);
    const auto parsed = parse_params(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(parsed->size(), boundary_params(type).size()) << text;
    const auto again = make_boundary(type, *parsed);
    ASSERT_TRUE(again) << text << ": " << again.error().message;
    EXPECT_EQ(again->days, b->days);
    EXPECT_EQ(again->from, b->from);
    EXPECT_EQ(again->to, b->to);
    EXPECT_DOUBLE_EQ(again->hours, b->hours);
    EXPECT_EQ(again->minutes, b->minutes);
    EXPECT_EQ(again->time, b->time);
    EXPECT_EQ(params_text(*again), text);
  }
}

TEST(BoundaryParamsText, CanonicalForm) {
  const auto w = make_boundary(BoundaryType::work_window, {{"days", "weekdays"}, {"from", "09:00"}, {"to", "17:30"}});
  ASSERT_TRUE(w);
  EXPECT_EQ(params_text(*w), "days=Mon-Fri from=09:00 to=17:30");
  const auto cap = make_boundary(BoundaryType::weekly_hours_cap, {{"hours", "40.0"}});
  ASSERT_TRUE(cap);
  EXPECT_EQ(params_text(*cap), "hours=40");
  const auto weekend = make_boundary(BoundaryType::no_weekend_work, {});
  ASSERT_TRUE(weekend);
  EXPECT_EQ(params_text(*weekend), "");
}

TEST(ParseParams, Table) {
  struct Case {
    std::string text;
    bool ok;
    Params params = {};
  };
  const std::vector<Case> cases = {
      {"", true, {}},
      {"hours=40", true, {{"hours", "40"}}},
      {"days=Mon-Fri from=09:00 to=17:30", true, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}},
      {"a=", true, {{"a", ""}}},
      {"a=b=c", true, {{"a", "b=c"}}},
      {"hours", false},
      {"=40", false},
      {"hours=40 minutes", false},
      {"hours=40  minutes=3", false},  // an empty part between two spaces
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("\"" + c.text + "\"");
    const auto p = parse_params(c.text);
    ASSERT_EQ(p.has_value(), c.ok);
    if (c.ok) {
      EXPECT_EQ(*p, c.params);
    } else {
      EXPECT_EQ(p.error().field, "params");
    }
  }
}

TEST(Describe, EveryTypeReadsWell) {
  struct Case {
    BoundaryType type;
    Params params;
    std::vector<std::string> mentions;
  };
  const std::vector<Case> cases = {
      {BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}, {"09:00", "17:30", "Mon-Fri"}},
      {BoundaryType::meeting_free, {{"days", "Fri"}, {"from", "13:00"}, {"to", "17:00"}}, {"meeting", "13:00", "Fri"}},
      {BoundaryType::no_weekend_work, {}, {"weekend"}},
      {BoundaryType::weekly_hours_cap, {{"hours", "37.5"}}, {"37.5", "hours"}},
      {BoundaryType::min_break, {{"minutes", "30"}}, {"30", "break"}},
      {BoundaryType::no_messages_after, {{"time", "19:00"}}, {"19:00"}},
  };
  for (const Case& c : cases) {
    const auto b = make_boundary(c.type, c.params);
    ASSERT_TRUE(b);
    const std::string d = describe(*b);
    EXPECT_FALSE(d.empty()) << to_string(c.type);
    for (const std::string& m : c.mentions) EXPECT_NE(d.find(m), std::string::npos) << d << " lacks " << m;
  }
}

}  // namespace
}  // namespace headway::core
