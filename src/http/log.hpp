#pragma once
// Structured logs: one JSON object per line, written whole even from many threads.
#include <cstdio>
#include <string>

namespace headway::http {

// Where log lines go (default stderr); nullptr silences them.
void set_log_sink(std::FILE* sink);
void write_log_line(const std::string& json_line);
// A short random id that ties a 500 response to its log line.
std::string new_error_id();
// Now as "2026-11-25T18:00:00.123Z".
std::string log_timestamp();

}  // namespace headway::http
