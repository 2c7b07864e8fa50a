// Text, Markdown and HTML renderings of the weekly report.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ingest/html.hpp"
#include "service/json_codec.hpp"
#include "service/reports.hpp"

namespace headway::service {
namespace {

using core::WeeklyReport;

// Display width of UTF-8 text: one column per code point (all our glyphs are narrow).
size_t width_of(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

std::string pad(std::string s, size_t w) {
  const size_t n = width_of(s);
  if (n < w) s.append(w - n, ' ');
  return s;
}

std::string lpad(std::string s, size_t w) {
  const size_t n = width_of(s);
  return n < w ? std::string(w - n, ' ') + s : s;
}

std::string cut(const std::string& s, size_t w) {
  if (width_of(s) <= w) return s;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80 && ++n > w - 1) break;
    out += s[i];
  }
  return out + "…";
}

struct Style {
  bool on;
  std::string wrap(const char* code, const std::string& s) const {
    return on ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  }
  std::string bold(const std::string& s) const { return wrap("1", s); }
  std::string dim(const std::string& s) const { return wrap("2", s); }
  std::string green(const std::string& s) const { return wrap("32", s); }
  std::string red(const std::string& s) const { return wrap("31", s); }
  std::string yellow(const std::string& s) const { return wrap("33", s); }
};

std::string day_label(core::Date d) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto ymd = core::to_ymd(d);
  return fmt::format("{} {} {}", core::weekday_name(core::weekday(d)), ymd.day, months[ymd.month - 1]);
}

std::string dots(int value, int max) {
  std::string s;
  for (int i = 1; i <= max; ++i) s += i <= value ? "●" : "○";
  return s;
}

std::string arrow(const std::optional<double>& now, const std::optional<double>& before) {
  if (!now || !before) return "";
  const double d = *now - *before;
  if (std::fabs(d) < 0.25) return "→ steady";
  return d > 0 ? "↑ rising" : "↓ falling";
}

std::string opt1(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : std::string("–"); }

std::string status_mark(const std::optional<core::Status>& s, const Style& st) {
  if (!s) return st.dim("·");
  switch (*s) {
    case core::Status::kept: return st.green("✓");
    case core::Status::broken: return st.red("✗");
    case core::Status::unknown: return st.dim("?");
  }
  return "?";
}

std::string stage_text(const core::GoalLine& g) {
  if (!g.stage) return "not staged";
  return std::string(core::to_string(*g.stage)) + (g.restage_due ? "*" : "");
}

std::string streak_text(const core::GoalLine& g) {
  return fmt::format("{} {}", g.streak, g.streak_in_weeks ? (g.streak == 1 ? "week" : "weeks") : (g.streak == 1 ? "day" : "days"));
}

}  // namespace

std::string sparkline(const std::vector<std::optional<double>>& values, double lo, double hi) {
  static const char* blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string s;
  for (const auto& v : values) {
    if (!v) {
      s += " ";
      continue;
    }
    double t = hi > lo ? (*v - lo) / (hi - lo) : 0;
    t = std::clamp(t, 0.0, 1.0);
    s += blocks[static_cast<int>(std::lround(t * 7))];
  }
  return s;
}

std::string bar(double value, double max, int width) {
  static const char* partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const double cells = max > 0 ? std::clamp(value / max, 0.0, 1.0) * width : 0;
  const int full = static_cast<int>(cells);
  const int eighth = static_cast<int>((cells - full) * 8);
  std::string s;
  for (int i = 0; i < full; ++i) s += "█";
  if (full < width) {
    s += partial[eighth];
    s.append(static_cast<size_t>(width - full - (eighth ? 1 : 0)), ' ');
  }
  return s;
}

std::string render_text(const WeeklyReport& r, const RenderOptions& opt) {
  const Style st{opt.color};
  std::string o;
  const auto section = [&](const std::string& title) { o += "\n" + st.bold(title) + "\n"; };
  o += st.bold(fmt::format("Headway weekly report · {} · {} – {}", r.week_label, day_label(r.from), day_label(r.to)));
  o += "\n" + st.dim(fmt::format("{} · {}", r.person, r.timezone)) + "\n";

  section("THE WEEK");
  int max_minutes = 600;
  for (const auto& d : r.days) max_minutes = std::max(max_minutes, d.worked_minutes);
  o += st.dim(fmt::format("  {}  {}  {}  {}  {}", pad("Day", 10), pad("Worked", 26), pad("After hours", 11),
                          pad("Stress", 6), "Energy")) + "\n";
  for (const auto& d : r.days) {
    std::string line = "  " + pad(day_label(d.date), 10) + "  ";
    if (!d.has_checkin) {
      line += st.dim("no check-in");
    } else if (d.off || !d.times_recorded) {
      line += pad(st.dim(d.off ? "day off" : "times not recorded"), 26) + "  " + pad("", 11) + "  " + dots(d.stress, 5) +
              "  " + dots(d.energy, 5);
    } else {
      line += bar(d.worked_minutes, max_minutes, 12) + " " + pad(core::format_minutes(d.worked_minutes), 13);
      line += "  " + lpad(d.after_hours ? core::format_minutes(d.after_hours) : "–", 11);
      line += "  " + dots(d.stress, 5) + "  " + dots(d.energy, 5);
      if (d.progress) line += "  " + st.green("progress");
      if (d.setback) line += "  " + st.yellow("setback");
    }
    o += line + "\n";
  }
  const auto untimed = std::count_if(r.days.begin(), r.days.end(),
                                     [](const auto& d) { return d.has_checkin && !d.times_recorded; });
  o += fmt::format("  {} check-in{} · {} worked{} · {} after hours · progress on {} days · {} setbacks\n", r.checkins,
                   r.checkins == 1 ? "" : "s", core::format_minutes(r.worked_minutes),
                   untimed ? fmt::format(" (times not recorded on {} day{})", untimed, untimed == 1 ? "" : "s") : "",
                   core::format_minutes(r.after_hours_minutes), r.progress_days, r.setbacks);

  if (r.evidence) {
    const auto& e = *r.evidence;
    section("EVIDENCE · imported calendar and activity");
    o += fmt::format("  {} worked · {} after hours · {} in meetings ({} after hours)\n", core::format_minutes(e.work_minutes),
                     core::format_minutes(e.after_hours_minutes), core::format_minutes(e.meeting_minutes),
                     core::format_minutes(e.after_hours_meeting_minutes));
    o += fmt::format("  longest focus block {} · worked past the end of work hours on {} day{}\n",
                     e.longest_focus_minutes ? core::format_minutes(e.longest_focus_minutes) : std::string("–"),
                     e.days_past_end, e.days_past_end == 1 ? "" : "s");
  }

  section("STRESS AND ENERGY · last 28 days");
  o += fmt::format("  stress  {}  {} this week, {} the 3 weeks before  {}\n", sparkline(r.stress_trend, 1, 5),
                   opt1(r.avg_stress), opt1(r.prev_avg_stress), arrow(r.avg_stress, r.prev_avg_stress));
  o += fmt::format("  energy  {}  {} this week, {} the 3 weeks before  {}\n", sparkline(r.energy_trend, 1, 5),
                   opt1(r.avg_energy), opt1(r.prev_avg_energy), arrow(r.avg_energy, r.prev_avg_energy));

  section("BOUNDARIES");
  if (r.boundaries.empty()) o += st.dim("  No boundaries yet. Add one: headway boundary add --type no-weekend-work") + "\n";
  else
    o += st.dim(fmt::format("  {}  {}  {}  {}", pad("Boundary", 44), "M T W T F S S", pad("Kept", 7), "4 weeks")) + "\n";
  for (const auto& b : r.boundaries) {
    std::string marks;
    for (size_t i = 0; i < b.days.size(); ++i) marks += (i ? " " : "") + status_mark(b.days[i], st);
    const int judged = b.kept + b.broken;
    o += fmt::format("  {}  {}  {}  {}\n", pad(cut(fmt::format("{}. {}", b.id, b.description), 44), 44), marks,
                     pad(judged ? fmt::format("{}/{}", b.kept, judged) : "–", 7),
                     b.four_week_rate < 0 ? std::string("–") : fmt::format("{:.0f}%", b.four_week_rate * 100));
    for (const auto& e : b.broken_evidence) o += st.dim("      " + e) + "\n";
  }
  if (!r.boundaries.empty()) o += st.dim("  ✓ kept  ✗ broken  ? no evidence  · does not apply") + "\n";

  section(fmt::format("WINS ({})", r.wins.size()));
  if (r.wins.empty()) o += st.dim("  No wins logged this week. Even small ones count: headway win \"...\"") + "\n";
  for (const auto& w : r.wins) {
    const char* size = w.size == core::WinSize::big ? "★★★" : w.size == core::WinSize::medium ? "★★ " : "★  ";
    o += fmt::format("  {}  {}  {}\n", core::weekday_name(core::weekday(w.date)), st.yellow(size), w.text);
  }

  section("GOALS · habit strength");
  if (r.goals.empty()) o += st.dim("  No goals yet. Write one as WOOP: headway goal add --title ... --value ...") + "\n";
  for (const auto& g : r.goals) {
    o += fmt::format("  {}  {}  {} {}  {}  {}\n", pad(cut(fmt::format("{}. {}", g.id, g.title), 30), 30),
                     pad(stage_text(g), 17), bar(g.strength, 100, 10),
                     lpad(fmt::format("{:.0f}%", g.strength), 4),
                     pad(fmt::format("{:+.0f}", g.strength_change), 4),
                     fmt::format("{} · {}/{} this week", streak_text(g), g.done_this_week, g.target_this_week));
  }
  if (!r.goals.empty())
    o += st.dim("  Strength grows with each repetition and one miss never resets it. Habits usually take\n"
                "  2 to 8 months to become automatic (about 66 days is typical), not 21.") + "\n";
  bool due = false;
  for (const auto& g : r.goals) due = due || g.restage_due;
  if (due) o += st.dim("  * due for re-staging: headway goal stage ID --answer ...") + "\n";

  if (!r.stage_changes.empty()) {
    section("STAGE CHANGES");
    for (const auto& c : r.stage_changes)
      o += fmt::format("  {}  {}: {} → {}{}\n", day_label(c.date), c.goal,
                       c.from ? core::to_string(*c.from) : "new", core::to_string(c.to),
                       c.reason == core::StageReason::recycled ? " (recycled after a slip; your history stays)" : "");
  }

  section("VALUES REFLECTION · 0-10");
  if (r.reflections.empty()) {
    o += st.dim("  How well did this week reflect your values? headway reflect --values 0-10") + "\n";
  } else {
    std::vector<std::optional<double>> v;
    for (const auto& [w, s] : r.reflections) v.push_back(s);
    const auto& last = r.reflections.back();
    o += fmt::format("  {}  {} for the week of {}\n", sparkline(v, 0, 10), last.second, day_label(last.first));
  }

  section("INSIGHTS · your own data, last 90 days");
  for (const auto& i : r.insights) {
    o += "  " + i.question + "\n";
    o += "    " + (i.c.clear() ? i.sentence : st.dim(i.sentence)) + "\n";
  }
  if (!r.helped.empty()) {
    section("WHAT HELPED");
    for (const auto& h : r.helped) o += "  " + h.text + "\n";
  }
  if (!r.assessments.empty()) {
    section("ASSESSMENTS");
    for (const auto& a : r.assessments) {
      std::string change = a.change ? fmt::format("{:+.0f}", *a.change) : "";
      if (a.meaningful) change += " (meaningful change)";
      o += fmt::format("  {}  {}  {}  {}  {}\n", pad(a.instrument + " · " + a.scale, 42), bar(a.score, 100, 10),
                       lpad(fmt::format("{:.0f}", a.score), 3), pad(a.band, 9), change);
    }
  }
  return o;
}

std::string render_markdown(const WeeklyReport& r) {
  std::string o = fmt::format("# Weekly report {} ({} to {})\n\n{} · {}\n\n", r.week_label, core::to_string(r.from),
                              core::to_string(r.to), r.person, r.timezone);
  o += "## The week\n\n| Day | Worked | After hours | Stress | Energy | Progress | Setback |\n|---|---|---|---|---|---|---|\n";
  for (const auto& d : r.days) {
    if (!d.has_checkin) {
      o += fmt::format("| {} | no check-in | | | | | |\n", day_label(d.date));
      continue;
    }
    o += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", day_label(d.date),
                     d.off ? "day off" : !d.times_recorded ? "times not recorded" : core::format_minutes(d.worked_minutes),
                     d.times_recorded ? core::format_minutes(d.after_hours) : "",
                     d.stress, d.energy, d.progress ? "yes" : "", d.setback ? "yes" : "");
  }
  o += fmt::format("\nStress {} (before: {}), energy {} (before: {}).\n", opt1(r.avg_stress), opt1(r.prev_avg_stress),
                   opt1(r.avg_energy), opt1(r.prev_avg_energy));
  o += "\n## Boundaries\n\n| Boundary | Kept | Broken | Unknown | 4-week kept rate |\n|---|---|---|---|---|\n";
  for (const auto& b : r.boundaries)
    o += fmt::format("| {} | {} | {} | {} | {} |\n", b.description, b.kept, b.broken, b.unknown,
                     b.four_week_rate < 0 ? std::string("–") : fmt::format("{:.0f}%", b.four_week_rate * 100));
  o += fmt::format("\n## Wins ({})\n\n", r.wins.size());
  for (const auto& w : r.wins) o += fmt::format("- {} ({}): {}\n", core::to_string(w.date), core::to_string(w.size), w.text);
  o += "\n## Goals\n\n| Goal | Stage | Habit strength | Streak | This week |\n|---|---|---|---|---|\n";
  for (const auto& g : r.goals)
    o += fmt::format("| {} | {} | {:.0f}% ({:+.0f}) | {} | {}/{} |\n", g.title, stage_text(g), g.strength,
                     g.strength_change, streak_text(g), g.done_this_week, g.target_this_week);
  if (!r.stage_changes.empty()) {
    o += "\n## Stage changes\n\n";
    for (const auto& c : r.stage_changes)
      o += fmt::format("- {}: {} → {} ({})\n", c.goal, c.from ? core::to_string(*c.from) : "new", core::to_string(c.to),
                       core::to_string(c.reason));
  }
  o += "\n## Values reflection\n\n";
  for (const auto& [w, s] : r.reflections) o += fmt::format("- week of {}: {}/10\n", core::to_string(w), s);
  o += "\n## Insights\n\n";
  for (const auto& i : r.insights) o += fmt::format("- **{}** {}\n", i.question, i.sentence);
  for (const auto& h : r.helped) o += fmt::format("- {}\n", h.text);
  return o;
}

std::string render_html(const WeeklyReport& r) {
  const auto esc = [](const std::string& s) {
    std::string out;
    ingest::append_escaped_html(out, s);
    return out;
  };
  std::string o =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>Weekly report " + esc(r.week_label) + "</title><style>"
      "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2a2f}"
      "table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #dde;text-align:left}"
      ".kept{color:#1b7f3b}.broken{color:#b3261e}.unknown{color:#777}"
      "@media (prefers-color-scheme:dark){body{background:#121719;color:#e4ecef}td,th{border-color:#334}}"
      "</style></head><body>\n";
  o += "<h1>Weekly report " + esc(r.week_label) + "</h1><p>" + esc(r.person) + " · " + esc(core::to_string(r.from)) +
       " to " + esc(core::to_string(r.to)) + "</p>\n<h2>The week</h2><table><tr><th>Day</th><th>Worked</th>"
       "<th>After hours</th><th>Stress</th><th>Energy</th></tr>\n";
  for (const auto& d : r.days) {
    o += "<tr><td>" + esc(day_label(d.date)) + "</td>";
    if (!d.has_checkin) o += "<td colspan=\"4\" class=\"unknown\">no check-in</td></tr>\n";
    else
      o += "<td>" + (d.off ? std::string("day off") : !d.times_recorded ? std::string("times not recorded")
                                                                          : esc(core::format_minutes(d.worked_minutes))) +
           "</td><td>" + (d.times_recorded ? esc(core::format_minutes(d.after_hours)) : std::string()) + "</td><td>" +
           std::to_string(d.stress) + "</td><td>" +
           std::to_string(d.energy) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Boundaries</h2><table><tr><th>Boundary</th><th>Mon–Sun</th><th>Kept</th></tr>\n";
  for (const auto& b : r.boundaries) {
    std::string marks;
    for (const auto& s : b.days)
      marks += s ? "<span class=\"" + std::string(core::to_string(*s)) + "\">" +
                       (*s == core::Status::kept ? "✓" : *s == core::Status::broken ? "✗" : "?") + "</span> "
                 : "· ";
    o += "<tr><td>" + esc(b.description) + "</td><td>" + marks + "</td><td>" + std::to_string(b.kept) + "/" +
         std::to_string(b.kept + b.broken) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Wins</h2><ul>\n";
  for (const auto& w : r.wins) o += "<li>" + esc(core::to_string(w.date)) + ": " + esc(w.text) + "</li>\n";
  o += "</ul>\n<h2>Goals</h2><table><tr><th>Goal</th><th>Stage</th><th>Habit strength</th><th>Streak</th></tr>\n";
  for (const auto& g : r.goals)
    o += "<tr><td>" + esc(g.title) + "</td><td>" + esc(stage_text(g)) + "</td><td>" +
         fmt::format("<meter min=\"0\" max=\"100\" value=\"{:.0f}\"></meter> {:.0f}%", g.strength, g.strength) +
         "</td><td>" + esc(streak_text(g)) + "</td></tr>\n";
  o += "</table>\n<h2>Insights</h2><ul>\n";
  for (const auto& i : r.insights) o += "<li><strong>" + esc(i.question) + "</strong> " + esc(i.sentence) + "</li>\n";
  for (const auto& h : r.helped) o += "<li>" + esc(h.text) + "</li>\n";
  o += "</ul>\n</body></html>\n";
  return o;
}

std::string render_json(const WeeklyReport& r) { return to_json(r).dump(2) + "\n"; }

}  // namespace headway::service
