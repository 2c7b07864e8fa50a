#pragma once
// Personal values: a catalogue plus custom ones, with the top five ranked.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/person.hpp"

namespace headway::core {

inline constexpr int kRankedValues = 5;

struct Value {
  Id id = 0;
  Id person_id = 0;
  std::string name;
  bool custom = false;  // not from the catalogue
  int rank = 0;         // 1..5, or 0 when unranked
  Instant created_at = 0;
};

// The shipped catalogue of values, each with a one-line description.
struct CatalogueValue {
  const char* name;
  const char* description;
};
std::span<const CatalogueValue> value_catalogue();
// The catalogue entry whose name matches case-insensitively.
std::optional<CatalogueValue> find_catalogue_value(std::string_view name);

// Checks a rank given on the command line: 0 (unranked) or 1..5.
Result<int> validate_rank(int rank, std::string_view field = "rank");

// Gives `values[index]` rank `rank` and shifts the others down so ranks 1..5 stay unique and
// contiguous; a value pushed past 5 becomes unranked. Returns the ids whose rank changed.
std::vector<Id> apply_rank(std::vector<Value>& values, size_t index, int rank);

}  // namespace headway::core
