#include "core/conversation.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace headway::core {
namespace {

ConversationPlan valid_plan() {
  ConversationPlan p;
  p.title = "Ending my day at 17:30";
  p.situation = "In the last 4 weeks I worked past 17:30 on 11 days.";
  p.need = "I need my evenings.";
  p.proposal = "I will be offline from 17:30.";
  p.trial_period = "A 4-week trial.";
  p.offer = "An end-of-day update.";
  p.fallback = "Three evenings a week.";
  for (int i = 0; i < 3; ++i) p.objections.push_back({"Objection " + std::to_string(i), "Answer"});
  return p;
}

TEST(ValidatePlan, AcceptsAValidPlanAndADraft) {
  EXPECT_TRUE(validate_plan(valid_plan()));
  ConversationPlan draft;
  draft.title = "Draft";
  EXPECT_TRUE(validate_plan(draft));
  auto p = valid_plan();
  p.title = std::string(kPlanTitleBytes, 'x');
  p.situation = std::string(kPlanFieldBytes, 'x');
  p.objections.assign(kMaxObjections, Objection{std::string(kObjectionBytes, 'o'), ""});
  p.need = "Zoë wants her evenings back: ünd €, “quoted”\nsecond line\twith a tab";
  EXPECT_TRUE(validate_plan(p));
}

TEST(ValidatePlan, EachErrorNamesItsField) {
  struct Case {
    const char* want_field;
    std::function<void(ConversationPlan&)> change;
  };
  const std::string too_long(kPlanFieldBytes + 1, 'x');
  const std::vector<Case> cases = {
      {"title", [](auto& p) { p.title = ""; }},
      {"title", [](auto& p) { p.title = " \t\n"; }},
      {"title", [](auto& p) { p.title = "two\nlines"; }},
      {"title", [](auto& p) { p.title = std::string(kPlanTitleBytes + 1, 't'); }},
      {"title", [](auto& p) { p.title = "bad \xff utf-8"; }},
      {"situation", [&](auto& p) { p.situation = too_long; }},
      {"situation", [](auto& p) { p.situation = "bell \x07"; }},
      {"need", [&](auto& p) { p.need = too_long; }},
      {"need", [](auto& p) { p.need = "\xc3\x28"; }},
      {"proposal", [&](auto& p) { p.proposal = too_long; }},
      {"proposal", [](auto& p) { p.proposal = "overlong \xc0\xaf slash"; }},
      {"trial_period", [&](auto& p) { p.trial_period = too_long; }},
      {"trial_period", [](auto& p) { p.trial_period = "surrogate \xed\xa0\x80"; }},
      {"offer", [&](auto& p) { p.offer = too_long; }},
      {"offer", [](auto& p) { p.offer = "cut \xe2\x82"; }},
      {"fallback", [&](auto& p) { p.fallback = too_long; }},
      {"fallback", [](auto& p) { p.fallback = "del \x7f"; }},
      {"objections", [](auto& p) { p.objections.assign(kMaxObjections + 1, Objection{"o", "a"}); }},
      {"objections[0].objection", [](auto& p) { p.objections[0].objection = ""; }},
      {"objections[2].objection", [](auto& p) { p.objections[2].objection = std::string(kObjectionBytes + 1, 'o'); }},
      {"objections[1].answer", [](auto& p) { p.objections[1].answer = "\xff"; }},
      {"objections[2].answer", [](auto& p) { p.objections[2].answer = std::string(kObjectionBytes + 1, 'a'); }},
  };
  for (const auto& c : cases) {
    auto p = valid_plan();
    c.change(p);
    const auto r = validate_plan(p);
    ASSERT_FALSE(r) << c.want_field;
    EXPECT_EQ(r.error().code, ErrorCode::invalid) << c.want_field;
    EXPECT_EQ(r.error().field, c.want_field) << r.error().message;
  }
}

TEST(ValidatePlan, AnObjectionMayWaitForItsAnswer) {
  auto p = valid_plan();
  p.objections[1].answer = "";
  EXPECT_TRUE(validate_plan(p));
}

TEST(ValidateComment, Limits) {
  EXPECT_TRUE(validate_comment("Good plan; ask for the trial first."));
  EXPECT_TRUE(validate_comment(std::string(kCommentBytes, 'c')));
  for (const std::string& bad : {std::string(), std::string(" \n\t "), std::string(kCommentBytes + 1, 'c'),
                                std::string("\xc3\x28"), std::string("null \0 byte", 11)}) {
    const auto r = validate_comment(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "text");
  }
}

// ---- summarize_evidence ------------------------------------------------------------------------

Person person() {
  Person p;
  p.id = 7;
  p.name = "Alex";
  p.timezone = "Europe/Berlin";
  p.work_hours = WorkHours{DaySet{0x1f}, TimeOfDay{9 * 60}, TimeOfDay{17 * 60 + 30}};
  return p;
}

DailySignals day(Date d, int work, int after_meeting, std::optional<int> last, int weekend = 0, int focus = 0) {
  DailySignals s;
  s.date = d;
  s.work_minutes = work;
  s.after_hours_meeting_minutes = after_meeting;
  s.weekend_minutes = weekend;
  s.longest_focus_minutes = focus;
  if (last) s.last_activity = TimeOfDay{*last};
  s.has_calendar = true;
  return s;
}

TEST(SummarizeEvidence, CountsByTheDocumentedRules) {
  const Date mon = make_date(2026, 11, 2);  // a Monday
  std::vector<DailySignals> days;
  days.push_back(day(mon, 540, 30, 18 * 60, 0, 90));             // late, evening meeting
  days.push_back(day(add_days(mon, 1), 480, 0, 17 * 60 + 30, 0, 60));  // ends exactly at 17:30: not late
  days.push_back(day(add_days(mon, 2), 600, 45, 19 * 60, 0, 0));  // late, meeting
  days.push_back(day(add_days(mon, 3), 0, 0, std::nullopt));     // covered, no work
  DailySignals unknown;  // nothing known: skipped even though it says 900 minutes
  unknown.date = add_days(mon, 4);
  unknown.work_minutes = 900;
  unknown.after_hours_meeting_minutes = 60;
  unknown.last_activity = TimeOfDay{22 * 60};
  days.push_back(unknown);
  days.push_back(day(add_days(mon, 5), 122, 20, 16 * 60, 122));  // Saturday: weekend work, not "late"
  DailySignals sunday = day(add_days(mon, 6), 0, 0, std::nullopt);
  sunday.has_calendar = false;
  sunday.has_activity = true;  // activity coverage counts as a known day; no work
  days.push_back(sunday);

  const auto ev = summarize_evidence(days, person());
  EXPECT_EQ(ev.window_days, 7);
  EXPECT_EQ(ev.days, 6);
  EXPECT_EQ(ev.after_hours_meetings, 3);  // Mon, Wed, Sat
  EXPECT_EQ(ev.after_hours_meeting_minutes, 95);
  EXPECT_EQ(ev.days_worked_late, 2);      // Mon, Wed
  EXPECT_EQ(ev.weekend_days_worked, 1);
  EXPECT_EQ(ev.avg_work_minutes, 436);  // (540 + 480 + 600 + 122) / 4 = 435.5
  EXPECT_EQ(ev.longest_focus_avg, 38);  // (90 + 60 + 0 + 0) / 4 over the covered working days, rounded
}

TEST(SummarizeEvidence, NothingKnownGivesZeros) {
  EXPECT_EQ(summarize_evidence({}, person()).days, 0);
  std::vector<DailySignals> blank(28);
  const auto ev = summarize_evidence(blank, person());
  EXPECT_EQ(ev.days, 0);
  EXPECT_EQ(ev.window_days, 28);
  EXPECT_EQ(ev.avg_work_minutes, 0);
}

// ---- seed_plan ---------------------------------------------------------------------------------

Boundary boundary(Id id, BoundaryType type, std::map<std::string, std::string> params) {
  auto b = make_boundary(type, params);
  EXPECT_TRUE(b) << b.error().message;
  b->id = id;
  return *b;
}

Goal goal(std::optional<Barrier> barrier) {
  Goal g;
  g.id = 42;
  g.person_id = 7;
  g.title = "Leave on time";
  g.wish = "be home for dinner with my family";
  g.outcome = "I have energy for my kids in the evening";
  g.obstacle = "I feel I must answer every evening message";
  g.barrier = barrier;
  g.if_cue = "If it is 17:30 and I am still at my desk,";
  g.then_action = "then I write tomorrow's first task and close the laptop";
  g.boundary_id = 3;
  return g;
}

PlanEvidence four_weeks() {
  PlanEvidence ev;
  ev.window_days = 28;
  ev.days = 28;
  ev.after_hours_meetings = 9;
  ev.after_hours_meeting_minutes = 375;
  ev.days_worked_late = 11;
  ev.weekend_days_worked = 2;
  ev.avg_work_minutes = 9 * 60 + 40;
  return ev;
}

TEST(SeedPlan, FromGoalBoundariesAndEvidence) {
  const std::vector<Boundary> bs = {boundary(5, BoundaryType::no_weekend_work, {}),
                                    boundary(3, BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}})};
  const Goal g = goal(Barrier::workplace_expectations);
  const auto p = seed_plan(person(), &g, bs, four_weeks());
  ASSERT_TRUE(validate_plan(p)) << validate_plan(p).error().field;
  EXPECT_EQ(p.person_id, 7);
  EXPECT_EQ(p.goal_id, 42);
  EXPECT_EQ(p.title, "Ending my day at 17:30");  // the goal's own boundary
  EXPECT_EQ(p.situation,
            "In the last 4 weeks I had meetings after my working hours on 9 days (6 h 15 min in total), worked past "
            "17:30 on 11 days and worked on 2 weekend days. On the days I worked, I worked 9 h 40 min on average.");
  EXPECT_EQ(p.need, "Be home for dinner with my family. I have energy for my kids in the evening.");
  // The goal's boundary comes first and carries the phone clause; the weekend one does not repeat it.
  EXPECT_EQ(p.proposal,
            "I will be offline from 17:30 on weekdays; urgent matters can reach me by phone. I will not work at "
            "weekends. If it is 17:30 and I am still at my desk, then I write tomorrow's first task and close the "
            "laptop.");
  EXPECT_EQ(p.trial_period, "A 4-week trial, then we review together what worked and what to adjust.");
  EXPECT_EQ(p.offer.find("I will share a short end-of-day update at 17:15, so nothing is left open."), 0u);
  EXPECT_NE(p.offer.find("close each Friday"), std::string::npos);
  EXPECT_FALSE(p.fallback.empty());
  ASSERT_GE(p.objections.size(), 2u);
  EXPECT_EQ(p.objections[0].objection, "Clients expect answers in the evening.");
}

TEST(SeedPlan, OnlyNonZeroFactsAreStated) {
  PlanEvidence ev;
  ev.window_days = 28;
  ev.days = 20;
  ev.weekend_days_worked = 1;
  ev.avg_work_minutes = 400;  // shorter than the 510-minute working day: not worth saying
  const auto p = seed_plan(person(), nullptr, {}, ev);
  EXPECT_EQ(p.situation, "In the last 4 weeks I worked on 1 weekend day.");

  ev = PlanEvidence{};
  ev.window_days = 10;
  ev.days = 10;
  ev.days_worked_late = 1;
  ev.after_hours_meetings = 1;
  ev.after_hours_meeting_minutes = 45;
  EXPECT_EQ(seed_plan(person(), nullptr, {}, ev).situation,
            "In the last 10 days I had meetings after my working hours on 1 day (45 minutes in total) and worked past "
            "17:30 on 1 day.");
}

TEST(SeedPlan, WithoutEvidenceTheObstacleDescribesTheSituation) {
  const Goal g = goal(Barrier::mental_load);
  PlanEvidence covered_but_quiet;
  covered_but_quiet.days = 28;
  covered_but_quiet.window_days = 28;
  const auto p = seed_plan(person(), &g, {}, covered_but_quiet);
  EXPECT_EQ(p.situation, "I feel I must answer every evening message.");
  EXPECT_EQ(p.title, "Leave on time");  // no boundary: the goal's title
  EXPECT_EQ(p.proposal, "If it is 17:30 and I am still at my desk, then I write tomorrow's first task and close the laptop.");
  EXPECT_TRUE(validate_plan(p));
}

TEST(SeedPlan, WithNothingKnownEveryFieldStillHasAFirstDraft) {
  const auto p = seed_plan(person(), nullptr, {}, PlanEvidence{});
  ASSERT_TRUE(validate_plan(p));
  EXPECT_FALSE(p.goal_id);
  EXPECT_FALSE(p.title.empty());
  for (const auto* f : {&p.situation, &p.need, &p.proposal, &p.trial_period, &p.offer, &p.fallback})
    EXPECT_FALSE(f->empty());
  EXPECT_GE(p.objections.size(), 2u);
  EXPECT_LE(p.objections.size(), 4u);
}

TEST(SeedPlan, EveryBarrierHasItsOwnObjections) {
  std::set<std::string> seen;
  for (size_t i = 0; i < kBarrierNames.size(); ++i) {
    const Goal g = goal(static_cast<Barrier>(i));
    const auto p = seed_plan(person(), &g, {}, PlanEvidence{});
    ASSERT_TRUE(validate_plan(p)) << kBarrierNames[i];
    EXPECT_GE(p.objections.size(), 2u) << kBarrierNames[i];
    EXPECT_LE(p.objections.size(), 4u) << kBarrierNames[i];
    for (const auto& o : p.objections) {
      EXPECT_FALSE(o.answer.empty());
      EXPECT_TRUE(seen.insert(o.objection).second) << "repeated: " << o.objection;
    }
  }
}

TEST(SeedPlan, BoundariesShapeTitleAndProposal) {
  const std::vector<Boundary> bs = {
      boundary(1, BoundaryType::no_messages_after, {{"time", "19:00"}}),
      boundary(2, BoundaryType::meeting_free, {{"days", "Fri"}, {"from", "13:00"}, {"to", "17:00"}}),
      boundary(3, BoundaryType::weekly_hours_cap, {{"hours", "37.5"}}),
  };
  std::vector<Boundary> with_inactive = bs;
  with_inactive.push_back(boundary(4, BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "08:00"}, {"to", "16:00"}}));
  with_inactive.back().active = false;
  PlanEvidence ev = four_weeks();
  ev.longest_focus_avg = 35;
  const auto p = seed_plan(person(), nullptr, with_inactive, ev);
  EXPECT_EQ(p.title, "No messages after 19:00");
  EXPECT_EQ(p.proposal,
            "I will not read or send work messages after 19:00; urgent matters can reach me by phone. I will keep "
            "13:00-17:00 on Fri free of meetings for focused work. I will keep my working week to at most 37.5 hours.");
  EXPECT_EQ(p.proposal.find("16:00"), std::string::npos);  // the inactive boundary says nothing
  EXPECT_NE(p.situation.find("my longest stretch without meetings was 35 minutes."), std::string::npos);
  EXPECT_NE(p.offer.find("fit into 37.5 hours"), std::string::npos);
}

TEST(SeedPlan, LongGoalTextStillGivesAValidPlan) {
  Goal g = goal(Barrier::systemic);
  g.wish = std::string(1999, 'w') + "\xc3\xa9";  // 2001 bytes, ends in a two-byte character
  g.outcome = std::string(2000, 'o');
  g.if_cue = "If " + std::string(497, 'c');
  g.then_action = std::string(500, 't');
  const auto p = seed_plan(person(), &g, {}, PlanEvidence{});
  ASSERT_TRUE(validate_plan(p)) << validate_plan(p).error().field;
  EXPECT_LE(p.need.size(), kPlanFieldBytes);
}

}  // namespace
}  // namespace headway::core
