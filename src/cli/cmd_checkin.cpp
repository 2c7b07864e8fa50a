// headway checkin / win / reflect: keeping at it, day by day.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "core/report.hpp"
#include "service/checkins.hpp"
#include "service/json_codec.hpp"

namespace headway::cli {
namespace {

// --from/--to of the listing commands.
struct RangeArgs {
  std::optional<std::string> from, to;
};

std::shared_ptr<RangeArgs> add_range(CLI::App* cmd, Session& s) {
  auto ra = std::make_shared<RangeArgs>();
  add_common(cmd, s);
  cmd->add_option("--from", ra->from, "First day");
  cmd->add_option("--to", ra->to, "Last day (default today)");
  return ra;
}

// The Worked column: a check-in imported without working times says nothing about the hours.
std::string worked(const core::CheckIn& c) {
  if (c.off) return "day off";
  return core::has_times(c) ? core::format_minutes(c.worked_minutes) : "times not recorded";
}

}  // namespace

void register_checkin(CLI::App& app, Session& s) {
  auto in = std::make_shared<service::CheckinInput>();
  auto* cmd = app.add_subcommand("checkin", "Check in for the day (running it again updates that day)");
  add_common(cmd, s);
  cmd->add_option("--date", in->date, "YYYY-MM-DD, today or yesterday (default today)");
  cmd->add_option("--start", in->start, "When work started, HH:MM");
  cmd->add_option("--end", in->end, "When work ended, HH:MM (earlier than --start means after midnight)");
  cmd->add_flag("--off", in->off, "A day without work (instead of --start/--end)");
  cmd->add_option("--stress", in->stress, "Stress today, 1 (calm) to 5 (very stressed)")->required();
  cmd->add_option("--energy", in->energy, "Energy today, 1 (drained) to 5 (full)")->required();
  cmd->add_option("--after-hours", in->after_hours, "Minutes of work outside start-end (messages at night, ...)");
  cmd->add_option("--break", in->break_minutes, "Minutes of your longest break");
  cmd->add_flag("--progress", in->progress, "You made progress on meaningful work");
  cmd->add_flag("--setback", in->setback, "Something set you back");
  cmd->add_option("--note", in->note, "A private note");
  cmd->callback([&s, in] {
    s.action = [&s, in] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto r = HW_TRY(service::checkin(*HW_TRY(s.context()), actor, *in));
        if (s.json()) {
          auto j = service::to_json(r.checkin);
          j["updated"] = r.updated;
          nlohmann::json b = nlohmann::json::array();
          for (const auto& e : r.boundaries) b.push_back(service::to_json(e));
          j["boundaries"] = b;
          j["recycled_goals"] = r.recycled_goals;
          s.print_json(j);
          return 0;
        }
        const auto& c = r.checkin;
        std::cout << (r.updated ? "Check-in updated for " : "Checked in for ") << core::weekday_name(core::weekday(c.date))
                  << " " << core::to_string(c.date) << ": "
                  << (core::has_times(c) ? "worked " + worked(c) : worked(c))
                  << ", stress " << c.stress << ", energy " << c.energy << ".\n";
        for (const auto& e : r.boundaries)
          std::cout << "  " << status_text(e.status, s.color()) << "  boundary " << e.boundary_id << " ("
                    << core::to_string(e.type) << "): " << e.evidence << "\n";
        for (Id g : r.recycled_goals)
          std::cout << "Goal " << g << " slipped and is back in preparation. That is part of change, not the end "
                    << "of it: revisit its if-then plan (headway goal show " << g << ").\n";
        return 0;
      });
    };
  });

  auto* list = app.add_subcommand("checkins", "List check-ins (default: the last 14 days)");
  auto ra = add_range(list, s);
  list->callback([&s, ra] {
    s.action = [&s, ra] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto items = HW_TRY(service::list_checkins(*HW_TRY(s.context()), actor, ra->from, ra->to));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& c : items) arr.push_back(service::to_json(c));
          s.print_json(arr);
          return 0;
        }
        Table t({"Date", "Start", "End", "Worked", "After hours", "Break", "Stress", "Energy", "Note"});
        for (const auto& c : items)
          t.add({core::to_string(c.date) + " " + core::weekday_name(core::weekday(c.date)),
                 c.start ? core::to_string(*c.start) : "–", c.end ? core::to_string(*c.end) : "–",
                 worked(c),
                 c.after_hours ? std::to_string(*c.after_hours) + " min" : "–",
                 c.break_minutes ? std::to_string(*c.break_minutes) + " min" : "–", dots(c.stress, 5), dots(c.energy, 5),
                 c.note.size() > 40 ? c.note.substr(0, 39) + "…" : c.note});
        std::cout << (items.empty() ? "No check-ins in this range.\n" : t.render(s.color()));
        return 0;
      });
    };
  });
}

void register_win(CLI::App& app, Session& s) {
  auto in = std::make_shared<service::WinInput>();
  auto* cmd = app.add_subcommand("win", "Log a win, however small");
  add_common(cmd, s);
  cmd->add_option("text", in->text, "What went well")->required();
  cmd->add_option("--goal", in->goal_id, "The goal it belongs to (id)");
  cmd->add_option("--value", in->value, "The value it reflects (name or id)");
  cmd->add_option("--size", in->size, "small, medium or big (default small)");
  cmd->add_option("--date", in->date, "Default today");
  cmd->callback([&s, in] {
    s.action = [&s, in] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto w = HW_TRY(service::add_win(*HW_TRY(s.context()), actor, *in));
        if (s.json()) s.print_json(service::to_json(w));
        else std::cout << "Win " << w.id << " logged for " << core::to_string(w.date) << ". Small steps add up.\n";
        return 0;
      });
    };
  });

  auto* list = app.add_subcommand("wins", "Your wins journal (default: the last 28 days)");
  auto ra = add_range(list, s);
  list->callback([&s, ra] {
    s.action = [&s, ra] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto wins = HW_TRY(service::list_wins(*HW_TRY(s.context()), actor, ra->from, ra->to));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& w : wins) arr.push_back(service::to_json(w));
          s.print_json(arr);
          return 0;
        }
        Table t({"Date", "Size", "Win", "Goal"});
        for (const auto& w : wins)
          t.add({core::to_string(w.date), core::to_string(w.size), w.text, w.goal_id ? std::to_string(*w.goal_id) : ""});
        std::cout << (wins.empty() ? "No wins in this range yet.\n" : t.render(s.color()));
        return 0;
      });
    };
  });
}

void register_reflect(CLI::App& app, Session& s) {
  struct Args {
    int score = -1;
    std::optional<std::string> date;
    std::string note;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("reflect", "How well did this week reflect your values? (0-10)");
  add_common(cmd, s);
  cmd->add_option("--values", a->score, "0 (not at all) to 10 (completely)")->required();
  cmd->add_option("--date", a->date, "A day in the week (default today)");
  cmd->add_option("--note", a->note, "A private note");
  cmd->callback([&s, a] {
    s.action = [&s, a] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto r = HW_TRY(service::reflect(*HW_TRY(s.context()), actor, a->score, a->date, a->note));
        if (s.json()) s.print_json(service::to_json(r));
        else std::cout << "Values reflection for " << core::iso_week_label(r.week) << ": " << r.score << "/10.\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
