// headway boundary: typed rules checked automatically against each day.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/boundaries.hpp"
#include "service/json_codec.hpp"

namespace headway::cli {

std::string status_text(core::Status st, bool color) {
  switch (st) {
    case core::Status::kept: return green("kept", color);
    case core::Status::broken: return red("broken", color);
    case core::Status::unknown: return dim("unknown", color);
  }
  return "";
}

void register_boundary(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("boundary", "Boundaries: machine-checkable rules about your day");
  cmd->require_subcommand(1);

  struct AddArgs {
    std::string type;
    std::optional<std::string> days, from, to, hours, minutes, time;
    std::string label;
  };
  auto a = std::make_shared<AddArgs>();
  auto* add = cmd->add_subcommand(
      "add",
      "Add a boundary. Types and their parameters:\n"
      "  work-window --days Mon-Fri --from 09:00 --to 17:30   no work outside these hours\n"
      "  no-weekend-work                                      no work on Saturday or Sunday\n"
      "  weekly-hours-cap --hours 40                          at most this many hours a week\n"
      "  min-break --minutes 30                               a break of at least this long\n"
      "  meeting-free --days Fri --from 13:00 --to 17:30      no meetings in this window\n"
      "  no-messages-after --time 19:00                       no work messages after this time");
  add_common(add, s);
  add->add_option("--type", a->type, "work-window, no-weekend-work, weekly-hours-cap, min-break, meeting-free, "
                                     "no-messages-after")->required();
  add->add_option("--days", a->days, "Days, e.g. Mon-Fri or Sat,Sun");
  add->add_option("--from", a->from, "HH:MM");
  add->add_option("--to", a->to, "HH:MM");
  add->add_option("--hours", a->hours, "Hours per week");
  add->add_option("--minutes", a->minutes, "Minutes");
  add->add_option("--time", a->time, "HH:MM");
  add->add_option("--label", a->label, "Your own words for it");
  add->callback([&s, a] {
    s.action = [&s, a] {
      return guarded(s, [&]() -> Result<int> {
        std::map<std::string, std::string> params;
        const auto put = [&](const char* k, const std::optional<std::string>& v) {
          if (v) params[k] = *v;
        };
        put("days", a->days);
        put("from", a->from);
        put("to", a->to);
        put("hours", a->hours);
        put("minutes", a->minutes);
        put("time", a->time);
        const auto actor = HW_TRY(s.actor());
        const auto b = HW_TRY(service::add_boundary(*HW_TRY(s.context()), actor, a->type, params, a->label));
        if (s.json()) s.print_json(service::to_json(b));
        else std::cout << "Boundary " << b.id << " added: " << core::describe(b) << ".\nIt is checked automatically "
                       << "against your check-ins: headway boundary check\n";
        return 0;
      });
    };
  });

  auto* list = cmd->add_subcommand("list", "List your boundaries");
  add_common(list, s);
  list->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto bs = HW_TRY(service::list_boundaries(*HW_TRY(s.context()), actor));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& b : bs) arr.push_back(service::to_json(b));
          s.print_json(arr);
          return 0;
        }
        if (bs.empty()) {
          std::cout << "No boundaries yet. Try: headway boundary add --type no-weekend-work\n";
          return 0;
        }
        Table t({"Id", "Type", "Rule", "Parameters"});
        for (const auto& b : bs)
          t.add({std::to_string(b.id), core::to_string(b.type), b.label.empty() ? core::describe(b) : b.label,
                 core::params_text(b)});
        std::cout << t.render(s.color());
        return 0;
      });
    };
  });

  auto range = std::make_shared<service::CheckRange>();
  auto* check = cmd->add_subcommand("check", "Check your boundaries against the evidence of each day");
  add_common(check, s);
  check->add_option("--date", range->date, "One day (default today)");
  check->add_option("--from", range->from, "First day of a range");
  check->add_option("--to", range->to, "Last day of a range (default today)");
  check->callback([&s, range] {
    s.action = [&s, range] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        auto* ctx = HW_TRY(s.context());
        const auto results = HW_TRY(service::check_boundaries(*ctx, actor, *range));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& e : results) arr.push_back(service::to_json(e));
          s.print_json(arr);
          return 0;
        }
        if (results.empty()) {
          std::cout << "Nothing to check: no active boundary applies to these days.\n";
          return 0;
        }
        Table t({"Date", "Boundary", "Type", "Status", "Evidence"});
        int kept = 0, broken = 0, unknown = 0;
        for (const auto& e : results) {
          t.add({core::to_string(e.date) + " " + core::weekday_name(core::weekday(e.date)), std::to_string(e.boundary_id),
                 core::to_string(e.type), status_text(e.status, s.color()), e.evidence});
          kept += e.status == core::Status::kept;
          broken += e.status == core::Status::broken;
          unknown += e.status == core::Status::unknown;
        }
        std::cout << t.render(s.color()) << kept << " kept, " << broken << " broken, " << unknown
                  << " unknown (no evidence never counts as kept).\n";
        return 0;
      });
    };
  });

  auto rid = std::make_shared<Id>(0);
  auto* rm = cmd->add_subcommand("remove", "Remove a boundary");
  add_common(rm, s, {});
  rm->add_option("id", *rid, "Boundary id")->required();
  rm->callback([&s, rid] {
    s.action = [&s, rid] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        HW_CHECK(service::remove_boundary(*HW_TRY(s.context()), actor, *rid));
        std::cout << "Removed.\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
