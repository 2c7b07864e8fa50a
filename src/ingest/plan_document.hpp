#pragma once
// A conversation plan as printable documents: a self-contained one-page HTML file and a one-page
// A4 PDF. Both show the same sections in the same order, skip empty ones, and end with the coach
// comments (author and date) when there are any.
#include <span>
#include <string>
#include <vector>

#include "core/conversation.hpp"

namespace headway::ingest {

// The Content-Security-Policy to serve plan_html with: no scripts, no network, only the
// document's own <style> element.
inline constexpr const char* kPlanHtmlCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

// One printed section: its heading and the plan's text for it.
struct PlanSection {
  const char* heading;
  const std::string* text;
};
// The plan's non-empty text sections in print order: situation, need, proposal, trial period,
// offer, fallback. The objections and comments follow them.
std::vector<PlanSection> plan_sections(const core::ConversationPlan& plan);
inline constexpr const char* kObjectionsHeading = "Likely objections";
inline constexpr const char* kObjectionColumn = "Objection";
inline constexpr const char* kAnswerColumn = "My answer";
inline constexpr const char* kCommentsHeading = "Coach comments";

// "25 November 2026".
std::string long_date(core::Date d);
// "Prepared by Alex · printed 25 November 2026" (UTF-8).
std::string plan_byline(const std::string& person_name, core::Date printed_on);
// "Dana Coach, 24 November 2026": a comment's author and its UTC date.
std::string comment_byline(const core::PlanComment& c);

// A complete HTML5 document with A4 print rules and no scripts; every text is escaped.
std::string plan_html(const core::ConversationPlan& plan, std::span<const core::PlanComment> comments,
                      const std::string& person_name, core::Date printed_on);

// A one-page A4 PDF 1.4 (see ingest/pdf.hpp). It shrinks the type from 11 pt in half-point steps
// down to 8 pt to fit. Beyond that it says at the foot of the page that the full plan is in the
// HTML version, leaves out the coach comments that do not fit, and cuts the longest section and
// objection texts with "…" until the plan fits (as a last resort it leaves out the last
// objections). There is never more than one page.
std::string plan_pdf(const core::ConversationPlan& plan, std::span<const core::PlanComment> comments,
                     const std::string& person_name, core::Date printed_on);

}  // namespace headway::ingest
