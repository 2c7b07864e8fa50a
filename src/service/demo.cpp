#include "service/demo.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/instrument.hpp"
#include "core/random.hpp"
#include "service/assessments.hpp"
#include "service/demo_together.hpp"
#include "service/goals.hpp"

namespace headway::service {
namespace {

using Rng = core::SplitMix;

int clamp15(double v) { return std::clamp(static_cast<int>(std::lround(v)), 1, 5); }

constexpr std::array<const char*, 16> kWins{
    "Closed the laptop at 17:30 and cooked dinner with the kids",
    "Said no to a 19:00 call and proposed a morning slot instead",
    "Took a real lunch break outside",
    "Walked around the lake after work",
    "Turned off mail notifications on my phone",
    "Blocked Friday afternoon for focus work",
    "Told my manager I'm trying to leave on time; she was supportive",
    "Read a bedtime story without checking Slack",
    "Finished the report inside working hours",
    "Went to the climbing gym with Ana",
    "Delegated the weekly status summary",
    "Had a whole weekend without opening work chat",
    "Asked for help with the release instead of staying late",
    "Slept eight hours",
    "Walked to the school gate for pick-up",
    "Wrote tomorrow's first task before shutting down",
};

}  // namespace

Result<DemoSummary> run_demo(Context& ctx, const DemoOptions& opt) {
  if (opt.days < 14 || opt.days > 3660) return invalid("days", "must be 14 to 3660, got " + std::to_string(opt.days));
  const auto zone = HW_TRY(core::Zone::find(opt.timezone));
  const auto balance = HW_TRY(find_instrument(ctx, "balance-check"));
  const auto barriers = HW_TRY(find_instrument(ctx, "barrier-profile"));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<DemoSummary> {
    if (HW_TRY(tx.get_setting("local_person_id")))
      return fail(ErrorCode::conflict, "this data directory already has a profile; run demo on an empty one");
    Rng rng{opt.seed};
    DemoSummary sum;
    const core::Instant now = ctx.clock();
    const Date today = zone.local_date(now);
    const Date first = core::add_days(today, -(opt.days - 1));
    const auto at = [&](Date d, int minute) { return zone.to_instant(d, minute); };

    core::Person p;
    p.name = "Sam Rivera";
    p.email = "sam@example.org";
    p.timezone = zone.name();
    p.work_hours = *core::parse_work_hours("Mon-Fri 09:00-17:30");
    p.created_at = at(first, 8 * 60);
    p.id = HW_TRY(tx.insert_person(p));
    HW_CHECK(tx.set_setting("local_person_id", std::to_string(p.id)));
    sum.actor.person_id = p.id;

    // Why: values, drivers and catalysts.
    std::vector<Id> value_ids;
    const std::array<std::pair<const char*, int>, 6> values{
        {{"Family", 1}, {"Health", 2}, {"Rest", 3}, {"Growth", 4}, {"Fairness", 5}, {"Time outdoors", 0}}};
    for (const auto& [name, rank] : values) {
      core::Value v{0, p.id, name, !core::find_catalogue_value(name), rank, p.created_at};
      value_ids.push_back(HW_TRY(tx.insert_value(v)));
    }
    for (const auto& [driver, rating] : std::array<std::pair<core::Driver, int>, 4>{
             {{core::Driver::family, 5}, {core::Driver::health, 4}, {core::Driver::purpose, 3},
              {core::Driver::fairness, 3}}})
      HW_CHECK(tx.upsert_motivation({p.id, driver, rating, p.created_at}));
    HW_CHECK(tx.insert_catalyst({0, p.id, core::CatalystKind::health_scare, core::add_days(first, -30),
                                 "Blood pressure warning at my check-up"}));
    HW_CHECK(tx.insert_catalyst({0, p.id, core::CatalystKind::family_event, core::add_days(first, -9),
                                 "Missed Mia's school concert for a release"}));

    // What: boundaries and goals.
    const auto boundary = [&](core::BoundaryType t, std::map<std::string, std::string> params) -> Result<core::Boundary> {
      core::Boundary b = HW_TRY(core::make_boundary(t, params));
      b.person_id = p.id;
      b.created_at = at(first, 9 * 60);
      b.id = HW_TRY(tx.insert_boundary(b));
      return b;
    };
    const auto window = HW_TRY(boundary(core::BoundaryType::work_window, {{"days", "Mon-Fri"}, {"from", "09:00"}, {"to", "17:30"}}));
    HW_CHECK(boundary(core::BoundaryType::no_weekend_work, {}));
    const auto lunch = HW_TRY(boundary(core::BoundaryType::min_break, {{"minutes", "30"}}));
    HW_CHECK(boundary(core::BoundaryType::weekly_hours_cap, {{"hours", "40"}}));
    HW_CHECK(boundary(core::BoundaryType::no_messages_after, {{"time", "19:00"}}));

    const auto goal = [&](const char* title, std::vector<Id> vals, core::Barrier barrier, const char* wish,
                          const char* outcome, const char* obstacle, const char* cue, const char* action,
                          core::Frequency f, std::optional<Id> boundary_id) -> Result<core::Goal> {
      core::Goal g;
      g.person_id = p.id;
      g.title = title;
      g.value_ids = std::move(vals);
      g.barrier = barrier;
      g.wish = wish;
      g.outcome = outcome;
      g.obstacle = obstacle;
      g.if_cue = cue;
      g.then_action = action;
      g.frequency = f;
      g.boundary_id = boundary_id;
      g.start_date = first;
      g.created_at = at(first, 9 * 60 + 30);
      g.id = HW_TRY(tx.insert_goal(g));
      return g;
    };
    const auto leave = HW_TRY(goal("Leave work on time", {value_ids[0], value_ids[2]}, core::Barrier::workplace_expectations,
                                   "Be home for dinner with the kids", "Evenings that feel like mine again",
                                   "Late meetings and the feeling I must answer every message",
                                   "If it is 17:15 and I am still working",
                                   "then I write tomorrow's first task and close the laptop by 17:30",
                                   core::Frequency{5, true}, window.id));
    const auto lunch_goal = HW_TRY(goal("A real lunch break", {value_ids[1]}, core::Barrier::mental_load,
                                        "Have energy left in the afternoon", "Fewer 3 pm crashes",
                                        "Eating at my desk because the to-do list feels endless",
                                        "If it is 12:30", "then I leave my desk for at least 30 minutes",
                                        core::Frequency{5, true}, lunch.id));
    const auto walk = HW_TRY(goal("Evening walk", {value_ids[1], value_ids[5]}, core::Barrier::mental_load,
                                  "Move every day", "Sleep better and think more clearly",
                                  "Being too tired after long days", "If I have finished dinner",
                                  "then I put on my shoes and walk for 20 minutes", core::Frequency{1, false},
                                  std::nullopt));

    const auto stage = [&](Id g, core::Stage s, std::optional<core::StagingAnswer> a, int day, core::StageReason reason,
                           const char* note) -> Result<void> {
      if (day >= opt.days) return {};
      HW_CHECK(tx.insert_stage_entry({0, g, s, a, reason, core::add_days(first, day), note}));
      return {};
    };
    using A = core::StagingAnswer;
    using S = core::Stage;
    const int crunch_from = opt.days / 2, crunch_to = opt.days / 2 + 12;
    HW_CHECK(stage(leave.id, S::contemplation, A::within_6_months, 0, core::StageReason::answered, ""));
    HW_CHECK(stage(leave.id, S::preparation, A::within_30_days, 8, core::StageReason::answered, ""));
    HW_CHECK(stage(leave.id, S::action, A::doing_less_than_6_months, 21, core::StageReason::answered, ""));
    HW_CHECK(stage(leave.id, S::preparation, std::nullopt, crunch_from + 7, core::StageReason::recycled,
                   "release crunch: no on-time finish for 7 days"));
    HW_CHECK(stage(leave.id, S::action, A::doing_less_than_6_months, crunch_to + 6, core::StageReason::answered, ""));
    HW_CHECK(stage(lunch_goal.id, S::preparation, A::within_30_days, 0, core::StageReason::answered, ""));
    HW_CHECK(stage(lunch_goal.id, S::action, A::doing_less_than_6_months, 30, core::StageReason::answered, ""));
    HW_CHECK(stage(walk.id, S::action, A::doing_less_than_6_months, 0, core::StageReason::answered, ""));
    // Re-staging every 30 days, as the app asks.
    for (int day = 30; day < opt.days; day += 30) {
      if (day > 30) HW_CHECK(stage(lunch_goal.id, S::action, A::doing_less_than_6_months, day, core::StageReason::answered, ""));
      HW_CHECK(stage(walk.id, S::action, A::doing_less_than_6_months, day + 1, core::StageReason::answered, ""));
    }
    if (crunch_to + 36 < opt.days)
      HW_CHECK(stage(leave.id, S::action, A::doing_less_than_6_months, crunch_to + 36, core::StageReason::answered, ""));

    // Keeping at it: the days. Evenings improve over time, apart from a release crunch; late
    // evenings cost next-day energy, long days raise stress, proper breaks lower it.
    int late_yesterday = 0;
    std::vector<int> worked_by_week;
    for (int i = 0; i < opt.days; ++i) {
      const Date d = core::add_days(first, i);
      const bool weekend = core::weekday(d) >= 5;
      const double progress = static_cast<double>(i) / opt.days;  // 0 → 1 over the period
      const bool crunch = i >= crunch_from && i < crunch_to;
      // Sunday: the values reflection, even on days without a check-in.
      if (core::weekday(d) == 6) {
        const int score = std::clamp(static_cast<int>(std::lround(4 + 3.5 * progress - (crunch ? 2 : 0) + rng.normal())), 0, 10);
        HW_CHECK(tx.upsert_reflection({p.id, core::week_start(d), score, "", at(d, 20 * 60)}));
      }
      const bool recent = i >= opt.days - 7;  // the current week is complete, so the report has a story
      if (!rng.chance(weekend ? 0.55 : recent ? 1.0 : 0.9)) {
        late_yesterday = 0;
        continue;
      }
      core::CheckIn c;
      c.person_id = p.id;
      c.date = d;
      int late = 0;
      if (weekend) {
        const bool works = rng.chance(crunch ? 0.7 : 0.25 * (1 - progress) + 0.03);
        if (works) {
          c.start = core::TimeOfDay{10 * 60 + rng.pick(60)};
          c.end = core::TimeOfDay{c.start->minutes + 60 + rng.pick(150)};
          late = 60;
        } else {
          c.off = true;
        }
      } else {
        // Early on Sam starts before nine and stays late; later the window holds more often.
        const int early = rng.chance(0.6 * (1 - progress) + 0.05) ? 10 + rng.pick(30) : 0;
        c.start = core::TimeOfDay{9 * 60 - early + (early ? 0 : rng.pick(20))};
        const double mean_late = crunch ? 120 : std::max(0.0, 75 * (1 - 1.6 * progress));
        late = std::max(0, static_cast<int>(mean_late + 35 * rng.normal()));
        if (!crunch && rng.chance(0.35 + 0.4 * progress)) late = 0;
        c.end = core::TimeOfDay{std::min(17 * 60 + 30 + late, 23 * 60 + 30)};
        if (late > 0 && rng.chance(0.4)) c.after_hours = 15 + rng.pick(45);
        const bool long_break = rng.chance(crunch ? 0.2 : 0.3 + 0.6 * progress);
        c.break_minutes = long_break ? 30 + rng.pick(30) : 5 + rng.pick(20);
      }
      const int worked_estimate = c.off ? 0 : (core::end_wall_minutes(c) - c.start->minutes) - c.break_minutes.value_or(0);
      c.stress = clamp15(2.0 + (worked_estimate - 480) / 80.0 - (c.break_minutes.value_or(0) >= 30 ? 0.5 : 0) +
                         (crunch ? 0.8 : 0) + 0.6 * rng.normal());
      c.energy = clamp15(3.8 - late_yesterday / 55.0 - (crunch ? 0.5 : 0) + 0.6 * progress + 0.55 * rng.normal());
      c.progress = !c.off && rng.chance(crunch ? 0.3 : 0.45 + 0.3 * progress);
      c.setback = rng.chance(crunch ? 0.35 : 0.08);
      if (rng.chance(0.12)) c.note = crunch ? "Release week. Everything is urgent." : "Felt calmer today.";
      c.updated_at = at(d, 21 * 60);
      HW_CHECK(core::finalize_checkin(c, zone));
      HW_CHECK(tx.upsert_checkin(c));
      ++sum.checkins;
      late_yesterday = late + c.after_hours.value_or(0);

      // Evening walks, more often as the weeks go by and rarely after a long day.
      if (rng.chance(std::clamp(0.35 + 0.5 * progress - late / 200.0 - (crunch ? 0.3 : 0.0), 0.05, 0.95))) {
        HW_CHECK(tx.insert_completion({walk.id, d, core::CompletionSource::manual}));
        ++sum.completions;
      }
      // Wins: a few a week.
      if (rng.chance(0.3 + 0.2 * progress)) {
        core::Win w;
        w.person_id = p.id;
        w.text = kWins[static_cast<size_t>(rng.pick(static_cast<int>(kWins.size())))];
        w.size = rng.chance(0.15) ? core::WinSize::big : rng.chance(0.35) ? core::WinSize::medium : core::WinSize::small;
        w.goal_id = late == 0 && !weekend ? std::optional<Id>(leave.id) : std::nullopt;
        w.value_id = w.goal_id ? std::nullopt : std::optional<Id>(value_ids[static_cast<size_t>(rng.pick(3))]);
        w.date = d;
        w.created_at = at(d, 18 * 60 + rng.pick(180));
        HW_CHECK(tx.insert_win(w));
        ++sum.wins;
      }
    }

    // Assessments at the start, the middle and near the end.
    const auto take = [&](const core::Instrument& in, int day, std::map<std::string, double> levels) -> Result<void> {
      if (day >= opt.days) return {};
      core::Assessment a;
      a.person_id = p.id;
      a.instrument_id = in.id;
      a.instrument_version = in.version;
      a.date = core::add_days(first, day);
      for (const auto& item : in.items) {
        const double level = levels.count(item.scale) ? levels[item.scale] : levels["*"];
        const double raw = level * (in.response_max - in.response_min) + in.response_min + 0.5 * rng.normal();
        int v = std::clamp(static_cast<int>(std::lround(raw)), in.response_min, in.response_max);
        if (item.reverse) v = in.response_max + in.response_min - v;
        a.answers.push_back(v);
      }
      a.scores = HW_TRY(core::score(in, a.answers));
      a.created_at = at(a.date, 20 * 60);
      HW_CHECK(tx.insert_assessment(a));
      return {};
    };
    HW_CHECK(take(balance, 1, {{"*", 0.3}}));
    HW_CHECK(take(barriers, 2, {{"workplace-expectations", 0.85}, {"mental-load", 0.65}, {"lack-of-support", 0.35},
                                {"unclear-goals", 0.2}, {"*", 0.45}}));
    HW_CHECK(take(balance, opt.days / 2, {{"*", 0.45}}));
    HW_CHECK(take(balance, opt.days - 3, {{"*", 0.65}, {"detachment", 0.55}}));
    // Leave the goals' stages as the app would have: any slip in the history is recorded.
    HW_CHECK(recycle_slipped_goals(tx, p, zone, today));
    HW_CHECK(seed_demo_together(tx, DemoTogether{p, leave, today, now}));
    return sum;
  });
}

}  // namespace headway::service
