// headway report week: the weekly report in text, JSON, Markdown or HTML.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"
#include "service/reports.hpp"

namespace headway::cli {

void register_report(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("report", "Reports on your own data");
  cmd->require_subcommand(1);
  auto date = std::make_shared<std::optional<std::string>>();
  auto* week = cmd->add_subcommand("week", "The weekly report: what happened and what your data suggests");
  add_common(week, s, {"text", "json", "markdown", "html"});
  week->add_option("--date", *date, "Any day of the week (default this week)");
  week->callback([&s, date] {
    s.action = [&s, date] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto r = HW_TRY(service::weekly_report(*HW_TRY(s.context()), actor, *date));
        if (s.format == "json") std::cout << service::render_json(r);
        else if (s.format == "markdown") std::cout << service::render_markdown(r);
        else if (s.format == "html") std::cout << service::render_html(r);
        else std::cout << service::render_text(r, {s.color(), 80});
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
