// headway goal: WOOP goals, staging, completions and habit strength.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/goals.hpp"
#include "service/json_codec.hpp"

namespace headway::cli {
namespace {

std::string pct(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v);
  return buf;
}

std::string stage_line(const service::GoalView& v) {
  if (!v.stage) return "not staged yet: headway goal stage " + std::to_string(v.goal.id) + " --answer ...";
  std::string s = std::string(core::to_string(*v.stage)) + " since " + core::to_string(v.stages.back().date);
  if (v.restage_due) s += " (due for re-staging)";
  return s;
}

std::string streak_text(const core::Streaks& st) {
  const char* unit = st.weekly ? "week" : "day";
  return std::to_string(st.current) + " " + unit + (st.current == 1 ? "" : "s") + " (longest " +
         std::to_string(st.longest) + ")";
}

void print_goal(Session& s, const service::GoalView& v) {
  if (s.json()) {
    s.print_json(service::to_json(v));
    return;
  }
  const bool c = s.color();
  const auto& g = v.goal;
  std::string values;
  for (const auto& n : v.value_names) values += (values.empty() ? "" : ", ") + n;
  std::cout << bold("Goal " + std::to_string(g.id) + " · " + g.title, c) << "\n";
  const auto row = [&](const char* label, const std::string& text) {
    if (!text.empty()) std::cout << "  " << dim(label, c) << std::string(11 - std::string(label).size(), ' ') << text << "\n";
  };
  row("Values", values);
  row("Wish", g.wish);
  row("Outcome", g.outcome);
  row("Obstacle", g.obstacle + (g.barrier ? std::string(g.obstacle.empty() ? "" : " ") + "(" + core::to_string(*g.barrier) + ")" : ""));
  if (!g.if_cue.empty()) row("Plan", g.if_cue + ", " + g.then_action);
  row("Frequency", core::to_string(g.frequency) + (v.boundary.empty() ? "" : " · done when kept: " + v.boundary));
  row("Stage", stage_line(v));
  if (v.stage) row("", core::stage_guidance(*v.stage));
  row("Strength", meter(v.strength, 100, 20) + " " + pct(v.strength) + " · streak " + streak_text(v.streaks));
  std::string recent;
  for (int i = 27; i >= 0; --i) {
    const Date d = core::add_days(v.today, -i);
    bool done = false;
    for (const auto& x : v.recent) done = done || x.date == d;
    recent += d < g.start_date ? " " : done ? "■" : "·";
  }
  row("Last 28d", recent + "  (" + std::to_string(v.completions) + " in all)");
  if (!v.stages.empty()) {
    std::cout << "  " << dim("History", c) << "\n";
    for (const auto& e : v.stages)
      std::cout << "    " << core::to_string(e.date) << "  " << core::to_string(e.stage)
                << (e.answer ? std::string(" (") + core::to_string(*e.answer) + ")" : "")
                << (e.reason == core::StageReason::recycled ? " recycled after a slip" : "")
                << (e.note.empty() ? "" : ": " + e.note) << "\n";
  }
}

}  // namespace

void register_goal(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("goal", "Goals written as WOOP with an if-then plan");
  cmd->require_subcommand(1);

  auto in = std::make_shared<service::GoalInput>();
  auto* add = cmd->add_subcommand("add", "Write a goal: wish, outcome, obstacle, plan");
  add_common(add, s);
  add->add_option("--title", in->title, "A short title")->required();
  add->add_option("--value", in->values, "A value this goal serves (name or id; repeat for more)")->required();
  add->add_option("--wish", in->wish, "W: what you wish for");
  add->add_option("--outcome", in->outcome, "O: the best outcome you can imagine");
  add->add_option("--obstacle", in->obstacle, "O: the inner or outer obstacle in the way");
  add->add_option("--barrier", in->barrier,
                  "The obstacle's barrier: workplace-expectations, mental-load, lack-of-support, unclear-goals, systemic");
  add->add_option("--if", in->if_cue, "P: the cue (\"If it is 17:15 and I am still working\")");
  add->add_option("--then", in->then_action, "P: the action (\"then I close the laptop\")");
  add->add_option("--frequency", in->frequency, "daily or Nx/week (default daily)");
  add->add_option("--boundary", in->boundary_id, "A boundary id: each kept day counts as done");
  add->add_option("--stage-answer", in->answer,
                  "Stage it now: not-intending, within-6-months, within-30-days, doing-less-than-6-months, "
                  "doing-more-than-6-months");
  add->callback([&s, in] {
    s.action = [&s, in] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto v = HW_TRY(service::add_goal(*HW_TRY(s.context()), actor, *in));
        if (s.json()) s.print_json(service::to_json(v));
        else {
          std::cout << "Goal " << v.goal.id << " added: " << v.goal.title << "\n";
          if (!v.stage) std::cout << "Where are you with it? headway goal stage " << v.goal.id << " --answer ...\n";
        }
        return 0;
      });
    };
  });

  auto* list = cmd->add_subcommand("list", "Your goals with stage and habit strength");
  add_common(list, s);
  list->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto goals = HW_TRY(service::list_goals(*HW_TRY(s.context()), actor));
        if (s.json()) {
          nlohmann::json a = nlohmann::json::array();
          for (const auto& v : goals) a.push_back(service::to_json(v));
          s.print_json(a);
          return 0;
        }
        if (goals.empty()) {
          std::cout << "No goals yet. Write one: headway goal add --title \"Leave on time\" --value Family\n";
          return 0;
        }
        Table t({"Id", "Goal", "Stage", "Strength", "", "Streak", "Frequency"});
        for (const auto& v : goals)
          t.add({std::to_string(v.goal.id), v.goal.title,
                 v.stage ? std::string(core::to_string(*v.stage)) + (v.restage_due ? "*" : "") : "not staged",
                 meter(v.strength, 100, 10), pct(v.strength), streak_text(v.streaks), core::to_string(v.goal.frequency)});
        std::cout << t.render(s.color());
        return 0;
      });
    };
  });

  auto id = std::make_shared<Id>(0);
  auto* show = cmd->add_subcommand("show", "Everything about one goal");
  add_common(show, s);
  show->add_option("id", *id, "Goal id")->required();
  show->callback([&s, id] {
    s.action = [&s, id] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        print_goal(s, HW_TRY(service::show_goal(*HW_TRY(s.context()), actor, *id)));
        return 0;
      });
    };
  });

  struct DoneArgs {
    Id id = 0;
    std::optional<std::string> date;
  };
  auto done = std::make_shared<DoneArgs>();
  auto* d = cmd->add_subcommand("done", "Mark a goal done for a day");
  add_common(d, s);
  d->add_option("id", done->id, "Goal id")->required();
  d->add_option("--date", done->date, "YYYY-MM-DD, today or yesterday (default today)");
  d->callback([&s, done] {
    s.action = [&s, done] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto r = HW_TRY(service::goal_done(*HW_TRY(s.context()), actor, done->id, done->date));
        if (s.json()) {
          auto j = service::to_json(r.view);
          j["added"] = r.added;
          s.print_json(j);
        } else {
          std::cout << (r.added ? "Done. " : "Already marked done that day. ") << r.view.goal.title << ": strength "
                    << pct(r.view.strength) << ", streak " << streak_text(r.view.streaks) << ".\n";
        }
        return 0;
      });
    };
  });

  struct StageArgs {
    Id id = 0;
    std::string answer;
    std::optional<std::string> date;
  };
  auto st = std::make_shared<StageArgs>();
  auto* stage = cmd->add_subcommand("stage", "Answer the staging question for a goal");
  add_common(stage, s);
  stage->add_option("id", st->id, "Goal id")->required();
  stage->add_option("--answer", st->answer,
                    "not-intending | within-6-months | within-30-days | doing-less-than-6-months | "
                    "doing-more-than-6-months")->required();
  stage->add_option("--date", st->date, "Default today");
  stage->callback([&s, st] {
    s.action = [&s, st] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto v = HW_TRY(service::stage_goal(*HW_TRY(s.context()), actor, st->id, st->answer, st->date));
        if (s.json()) s.print_json(service::to_json(v));
        else std::cout << v.goal.title << ": " << core::to_string(*v.stage) << ".\n" << core::stage_guidance(*v.stage) << "\n";
        return 0;
      });
    };
  });

  struct SlipArgs {
    Id id = 0;
    std::optional<std::string> date;
    std::string note;
  };
  auto sl = std::make_shared<SlipArgs>();
  auto* slip = cmd->add_subcommand("slip", "Record a slip: the goal recycles to preparation, history kept");
  add_common(slip, s);
  slip->add_option("id", sl->id, "Goal id")->required();
  slip->add_option("--date", sl->date, "Default today");
  slip->add_option("--note", sl->note, "What happened");
  slip->callback([&s, sl] {
    s.action = [&s, sl] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto v = HW_TRY(service::slip_goal(*HW_TRY(s.context()), actor, sl->id, sl->date, sl->note));
        if (s.json()) s.print_json(service::to_json(v));
        else
          std::cout << v.goal.title << " is back in preparation. Slips are part of change; your history and "
                    << "habit strength (" << pct(v.strength) << ") are kept.\n";
        return 0;
      });
    };
  });

  auto aid = std::make_shared<Id>(0);
  auto* archive = cmd->add_subcommand("archive", "Archive a goal you no longer pursue");
  add_common(archive, s, {});
  archive->add_option("id", *aid, "Goal id")->required();
  archive->callback([&s, aid] {
    s.action = [&s, aid] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        HW_CHECK(service::archive_goal(*HW_TRY(s.context()), actor, *aid));
        std::cout << "Archived.\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
