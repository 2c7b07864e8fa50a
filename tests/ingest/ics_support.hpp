#pragma once
// Helpers shared by the iCalendar importer's tests (ics_test.cpp, ics_input_test.cpp).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/date.hpp"
#include "core/zone.hpp"
#include "ingest/ics.hpp"

namespace headway::ingest::ics_test {

inline const std::string kDir = std::string(HEADWAY_TEST_DATA) + "/ics";

inline core::Instant at(const char* iso) { return *core::parse_instant(iso); }

inline IcsOptions options(const char* zone = "Europe/Berlin") {
  IcsOptions o;
  o.from = at("2025-01-01T12:00:00Z");
  o.to = at("2025-12-31T12:00:00Z");
  o.zone = *core::Zone::find(zone);
  o.me_email = "me@example.com";
  return o;
}

inline Result<IcsResult> import_file(const std::string& name, const IcsOptions& o = options()) {
  std::ifstream f(kDir + "/" + name, std::ios::binary);
  EXPECT_TRUE(f) << name;
  return import_ics(f, o);
}

inline Result<IcsResult> import_text(const std::string& text, const IcsOptions& o = options()) {
  std::istringstream in(text);
  return import_ics(in, o);
}

// A calendar around the given VEVENT bodies, one "BEGIN:VEVENT" per element.
inline std::string calendar(const std::vector<std::string>& events) {
  std::string s = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
  for (const std::string& e : events) s += "BEGIN:VEVENT\r\n" + e + "END:VEVENT\r\n";
  return s + "END:VCALENDAR\r\n";
}

inline std::vector<core::EventOccurrence> of_uid(const IcsResult& r, const std::string& uid) {
  std::vector<core::EventOccurrence> out;
  for (const auto& o : r.occurrences)
    if (o.uid == uid) out.push_back(o);
  return out;
}

inline std::vector<std::string> starts(const std::vector<core::EventOccurrence>& occ) {
  std::vector<std::string> out;
  for (const auto& o : occ) out.push_back(core::format_instant(o.start));
  return out;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace headway::ingest::ics_test
