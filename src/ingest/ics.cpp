#include "ingest/ics.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <libical/ical.h>

#include "ingest/ics_event.hpp"
#include "ingest/ics_expand.hpp"
#include "ingest/ics_property.hpp"
#include "ingest/ics_reader.hpp"
#include "ingest/ics_zone.hpp"

// The importer in pieces: ics_reader (content lines), ics_property (line-level checks), ics_event
// (reading a VEVENT), ics_zone (TZIDs to instants), ics_expand and ics_rule (recurrences); this
// file walks the components and puts the result together. libical parses VTIMEZONEs and expands
// the rules ics_rule does not step through itself; the rest is read here, which is several
// times faster than handing each VEVENT to libical (docs/PERFORMANCE.md, section 7).
namespace headway::ingest {

namespace {

using namespace ics;

constexpr size_t kMaxComponentBytes = 4u * 1024 * 1024;  // one VEVENT or VTIMEZONE, unfolded

std::string at(int line) { return "line " + std::to_string(line); }

tl::unexpected<Error> bad(ErrorCode code, int line, const std::string& what) {
  return fail(code, at(line) + ": " + what, at(line));
}

// Sorts by (start, uid, recurrence_id): indices first, then each occurrence moved once, since
// moving the occurrences themselves about is most of the cost of sorting a large calendar.
void sort_occurrences(std::vector<core::EventOccurrence>& occ) {
  std::vector<uint32_t> order(occ.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const core::EventOccurrence& a = occ[x];
    const core::EventOccurrence& b = occ[y];
    return std::tie(a.start, a.uid, a.recurrence_id) < std::tie(b.start, b.uid, b.recurrence_id);
  });
  // order[k] is the index of the occurrence that belongs at k; follow each cycle once.
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    core::EventOccurrence held = std::move(occ[i]);
    uint32_t j = i;
    for (;;) {
      const uint32_t from = order[j];
      order[j] = j;
      if (from == i) {
        occ[j] = std::move(held);
        break;
      }
      occ[j] = std::move(occ[from]);
      j = from;
    }
  }
}

}  // namespace

IcsOptions default_ics_window(core::Instant now, core::Zone zone) {
  IcsOptions o;
  o.from = now - 365LL * 86400;
  o.to = now + 92LL * 86400;
  o.zone = std::move(zone);
  return o;
}

Result<IcsResult> import_ics(std::istream& in, const IcsOptions& options) {
  if (options.to < options.from) return invalid("window", "the import window ends before it starts");
  icalerror_set_errors_are_fatal(0);
  IcsResult result;
  ZoneBook zones(options.zone);
  std::vector<EventRecord> records;
  std::vector<Invalid> invalid_items;
  // Without skip_invalid the first invalid event ends the import; with it, it is listed.
  auto reject = [&](int line, const std::string& why) -> bool {
    if (!options.skip_invalid) return false;
    result.skipped.push_back(IcsSkipped{line, why});
    return true;
  };

  IcsLineReader reader(in, options.max_bytes, options.max_line_bytes);
  std::vector<std::pair<std::string, int>> stack;  // open components and their BEGIN lines
  Pending pending;           // the top-level component being read, while open
  bool pending_open = false;
  bool saw_calendar = false;
  ContentLine cl;
  Prop prop;
  std::string kind;
  // Counts a line of the open component against the size limit; a VTIMEZONE keeps its text.
  auto keep_line = [&](const ContentLine& line) {
    pending.bytes += line.text.size() + 2;
    if (pending.bytes > kMaxComponentBytes)
      pending.mark_bad(line.line, pending.kind + " is larger than " + std::to_string(kMaxComponentBytes) + " bytes");
    else if (pending.kind == "VTIMEZONE")
      pending.text.append(line.text).append("\r\n");
  };
  for (;;) {
    const bool more = HW_TRY(reader.next(cl));
    if (!more) break;
    if (!split_line(cl.text, prop)) {
      if (pending_open) {
        pending.mark_bad(cl.line, "not a content line (no ':')");
        continue;
      }
      return bad(ErrorCode::malformed, cl.line, "not a content line (no ':')");
    }
    if (prop.name == "BEGIN" || prop.name == "END") {
      kind = upper(prop.value);
      if (prop.name == "BEGIN") {
        if (stack.empty() && kind != "VCALENDAR")
          return bad(ErrorCode::malformed, cl.line, "expected BEGIN:VCALENDAR, found BEGIN:" + kind.substr(0, 40));
        if (kind == "VCALENDAR" && !stack.empty())
          return bad(ErrorCode::malformed, cl.line, "BEGIN:VCALENDAR inside " + stack.back().first);
        saw_calendar = true;
        stack.emplace_back(kind, cl.line);
        if (stack.size() == 2) {
          pending.start(kind, cl.line);
          pending_open = true;
        }
      } else {
        if (stack.empty() || stack.back().first != kind) {
          const std::string open = stack.empty() ? "nothing is open"
                                                 : "BEGIN:" + stack.back().first + " at " + at(stack.back().second) +
                                                       " is still open";
          return bad(ErrorCode::malformed, cl.line, "END:" + kind.substr(0, 40) + " does not match: " + open);
        }
        stack.pop_back();
      }
      if (pending_open) keep_line(cl);
      if (pending_open && stack.size() == 1) {
        // A top-level component is complete: read the event, or hand the zone to libical.
        pending_open = false;
        if (pending.kind != "VEVENT" && pending.kind != "VTIMEZONE") continue;
        if (pending.bad_line == 0) {
          if (pending.kind == "VTIMEZONE") {
            ComponentPtr comp(icalparser_parse_string(pending.text.c_str()));
            const char* id = nullptr;
            if (comp)
              if (icalproperty* p = icalcomponent_get_first_property(comp.get(), ICAL_TZID_PROPERTY))
                id = icalproperty_get_tzid(p);
            if (id && *id) zones.add_vtimezone(id, std::move(comp));
          } else {
            EventRecord rec;
            if (auto problem = read_event(pending, options, rec))
              pending.mark_bad(problem->line, problem->reason);
            else {
              records.push_back(std::move(rec));
              ++result.events;
            }
          }
        }
        // A broken VTIMEZONE only matters if an event uses it; it then fails as an unknown TZID.
        if (pending.bad_line != 0 && pending.kind == "VEVENT" && !reject(pending.bad_line, pending.bad_reason))
          return bad(ErrorCode::invalid, pending.bad_line, pending.bad_reason);
      }
      continue;
    }
    if (stack.empty()) return bad(ErrorCode::malformed, cl.line, "content outside BEGIN:VCALENDAR");
    if (!pending_open) continue;  // a calendar property (VERSION, PRODID, METHOD ...)
    if (stack.size() == 2 && pending.kind == "VEVENT") {
      pending.add(prop, cl.line);
      if (std::string why = check_property(prop); !why.empty()) pending.mark_bad(cl.line, why);
    }
    if (pending.kind == "VEVENT" || pending.kind == "VTIMEZONE") keep_line(cl);
  }
  if (!stack.empty())
    return bad(ErrorCode::malformed, reader.line(),
               "the file ends inside BEGIN:" + stack.back().first + " from " + at(stack.back().second) +
                   " (truncated? missing END:" + stack.back().first + ")");
  if (!saw_calendar) return bad(ErrorCode::malformed, std::max(1, reader.line()), "not an iCalendar file (no BEGIN:VCALENDAR)");

  ics::expand(options, zones, records, result, invalid_items);
  for (const Invalid& inv : invalid_items)
    if (!reject(inv.line, inv.reason)) return bad(ErrorCode::invalid, inv.line, inv.reason);
  std::stable_sort(result.skipped.begin(), result.skipped.end(),
                   [](const IcsSkipped& a, const IcsSkipped& b) { return a.line < b.line; });
  sort_occurrences(result.occurrences);
  return result;
}

}  // namespace headway::ingest
