// The printable conversation plan as HTML, and the pieces the HTML and the PDF share.
#include "ingest/plan_document.hpp"

#include <array>

#include "ingest/html.hpp"

namespace headway::ingest {
namespace {

constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};

// A4 with the same 18 mm margins as the PDF; on screen the page is centred at A4 width.
constexpr const char* kStyle = R"(@page { size: A4; margin: 18mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; }
body { font: 10.5pt/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; max-width: 174mm; margin: 12mm auto; padding: 0 6mm; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
.byline { color: #555; font-size: 9pt; margin: 0 0 10pt; }
h2 { font-size: 11.5pt; margin: 10pt 0 2pt; break-after: avoid; }
p { margin: 0 0 4pt; white-space: pre-line; }
table { width: 100%; border-collapse: collapse; margin-top: 2pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 6pt 3pt 0; border-bottom: 0.5pt solid #999; white-space: pre-line; }
th { font-weight: bold; }
td.objection { width: 45%; }
tr { break-inside: avoid; }
.comments { list-style: none; margin: 0; padding: 0; }
.comments li { margin: 0 0 5pt; break-inside: avoid; }
.by { font-weight: bold; font-size: 9.5pt; margin: 0; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
)";


// <tag class="...">escaped text</tag>
void element(std::string& out, const char* tag, std::string_view text, const char* cls = nullptr) {
  out += '<';
  out += tag;
  if (cls) {
    out += " class=\"";
    out += cls;
    out += '"';
  }
  out += '>';
  append_escaped_html(out, text);
  out += "</";
  out += tag;
  out += ">\n";
}

}  // namespace

std::vector<PlanSection> plan_sections(const core::ConversationPlan& p) {
  const PlanSection all[] = {{"Situation", &p.situation},       {"What I need", &p.need},
                             {"My proposal", &p.proposal},      {"Trial period", &p.trial_period},
                             {"What I offer", &p.offer},        {"If that does not work", &p.fallback}};
  std::vector<PlanSection> out;
  for (const auto& s : all)
    if (s.text->find_first_not_of(" \t\n") != std::string::npos) out.push_back(s);
  return out;
}

std::string long_date(core::Date d) {
  const auto ymd = core::to_ymd(d);
  return std::to_string(ymd.day) + " " + kMonths[(ymd.month + 11) % 12] + " " + std::to_string(ymd.year);
}

std::string plan_byline(const std::string& person_name, core::Date printed_on) {
  return "Prepared by " + person_name + " \u00b7 printed " + long_date(printed_on);
}

std::string comment_byline(const core::PlanComment& c) {
  const core::Instant t = c.created_at;
  const core::Date day{static_cast<int32_t>(t >= 0 ? t / 86400 : (t - 86399) / 86400)};
  return (c.author_name.empty() ? std::string("Coach") : c.author_name) + ", " + long_date(day);
}

std::string plan_html(const core::ConversationPlan& plan, std::span<const core::PlanComment> comments,
                      const std::string& person_name, core::Date printed_on) {
  std::string out;
  out.reserve(4096);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  element(out, "title", plan.title + " \u2013 conversation plan");
  out += "<style>\n";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n";
  element(out, "h1", plan.title);
  element(out, "p", plan_byline(person_name, printed_on), "byline");
  out += "</header>\n<main>\n";
  for (const auto& s : plan_sections(plan)) {
    out += "<section>\n";
    element(out, "h2", s.heading);
    element(out, "p", *s.text);
    out += "</section>\n";
  }
  if (!plan.objections.empty()) {
    out += "<section>\n";
    element(out, "h2", kObjectionsHeading);
    out += "<table>\n<thead><tr><th scope=\"col\">";
    append_escaped_html(out, kObjectionColumn);
    out += "</th><th scope=\"col\">";
    append_escaped_html(out, kAnswerColumn);
    out += "</th></tr></thead>\n<tbody>\n";
    for (const auto& o : plan.objections) {
      out += "<tr><td class=\"objection\">";
      append_escaped_html(out, o.objection);
      out += "</td><td>";
      append_escaped_html(out, o.answer);
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
  }
  if (!comments.empty()) {
    out += "<section>\n";
    element(out, "h2", kCommentsHeading);
    out += "<ul class=\"comments\">\n";
    for (const auto& c : comments) {
      out += "<li>\n";
      element(out, "p", comment_byline(c), "by");
      element(out, "p", c.text);
      out += "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace headway::ingest
