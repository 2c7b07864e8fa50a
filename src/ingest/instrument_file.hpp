#pragma once
// Loads assessment instruments from their JSON data files.
#include <string>
#include <string_view>
#include <vector>

#include "core/instrument.hpp"

namespace headway::ingest {

// Parses one instrument file's text; errors name the JSON path and, for syntax errors, the line.
Result<core::Instrument> parse_instrument(std::string_view json_text, std::string_view source);

// The instruments shipped inside the binary.
Result<std::vector<core::Instrument>> builtin_instruments();

// Built-in instruments plus every *.json in `dir` (when it exists); a file with the id of a
// built-in one replaces it. A broken file is an error naming the file.
Result<std::vector<core::Instrument>> load_instruments(const std::string& dir);

}  // namespace headway::ingest
