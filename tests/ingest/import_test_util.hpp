#pragma once
// Helpers shared by the importer tests: reading files under tests/data and building instants.
#include <fstream>
#include <sstream>
#include <string>

#include "core/date.hpp"

namespace headway::ingest::testing {

inline std::string data_path(const std::string& relative) { return std::string(HEADWAY_TEST_DATA) + "/" + relative; }

inline std::ifstream open_data(const std::string& relative) {
  return std::ifstream(data_path(relative), std::ios::binary);
}

// An instant from "2026-11-25T08:00:00Z".
inline core::Instant at(const std::string& iso) { return *core::parse_instant(iso); }

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace headway::ingest::testing
