#pragma once
// The weekly report, and its renderings.
#include <optional>
#include <string>

#include "core/report.hpp"
#include "service/context.hpp"

namespace headway::service {

// Builds the report for the ISO week holding `date` (default: this week).
Result<core::WeeklyReport> weekly_report(Context& ctx, const Actor& actor, const std::optional<std::string>& date);

struct RenderOptions {
  bool color = false;  // ANSI colour, for a TTY only
  int width = 80;
};
std::string render_text(const core::WeeklyReport& r, const RenderOptions& opt);
std::string render_markdown(const core::WeeklyReport& r);
std::string render_html(const core::WeeklyReport& r);
std::string render_json(const core::WeeklyReport& r);

// Unicode sparkline of values in [lo, hi]; missing values show as a space.
std::string sparkline(const std::vector<std::optional<double>>& values, double lo, double hi);
// A horizontal bar of `value / max` over `width` cells.
std::string bar(double value, double max, int width);

}  // namespace headway::service
