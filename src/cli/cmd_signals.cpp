// headway signals: daily work signals from imported calendars and activity.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/evidence.hpp"
#include "service/json_codec.hpp"

namespace headway::cli {
namespace {

// "7:05" for 425 minutes; "-" for none.
std::string hm(int minutes) {
  if (minutes == 0) return "-";
  const std::string mm = std::to_string(minutes % 60);
  return std::to_string(minutes / 60) + ":" + (mm.size() < 2 ? "0" : "") + mm;
}

}  // namespace

void register_signals(CLI::App& app, Session& s) {
  auto range = std::make_shared<service::SignalsRange>();
  auto* cmd = app.add_subcommand(
      "signals",
      "Daily signals from imported calendars and activity: work, after-hours and weekend minutes, meetings, "
      "the longest focus stretch, first and last activity");
  add_common(cmd, s);
  cmd->add_option("--from", range->from, "First day (default: 27 days before --to)");
  cmd->add_option("--to", range->to, "Last day (default: today)");
  cmd->callback([&s, range] {
    s.action = [&s, range] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto days = HW_TRY(service::signals(*HW_TRY(s.context()), actor, *range));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& d : days) arr.push_back(service::to_json(d));
          s.print_json(arr);
          return 0;
        }
        Table t({"Date", "Work", "After hours", "Weekend", "Meetings", "After-hours meetings", "Longest focus",
                 "First", "Last"});
        int known = 0;
        for (const auto& d : days) {
          const std::string date = core::to_string(d.date) + " " + core::weekday_name(core::weekday(d.date));
          if (!d.has_calendar && !d.has_activity) {
            t.add({date, dim("no data", s.color()), "", "", "", "", "", "", ""});
            continue;
          }
          ++known;
          t.add({date, hm(d.work_minutes), hm(d.after_hours_minutes), hm(d.weekend_minutes), hm(d.meeting_minutes),
                 hm(d.after_hours_meeting_minutes), hm(d.longest_focus_minutes),
                 d.first_activity ? core::to_string(*d.first_activity) : "-",
                 d.last_activity ? core::to_string(*d.last_activity) : "-"});
        }
        std::cout << t.render(s.color());
        if (known == 0)
          std::cout << "No imported evidence covers these days. Try: headway import calendar work.ics\n";
        else
          std::cout << "Hours as h:mm. Work is tracked activity and meetings; solo calendar blocks are not work.\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
