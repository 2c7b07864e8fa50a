#pragma once
// The strategy library: project-written strategies tagged by barrier and stage.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/goal.hpp"
#include "core/stage.hpp"

namespace headway::core {

struct Strategy {
  const char* id;           // "shutdown-ritual"
  const char* title;        // "A shutdown ritual"
  const char* summary;      // one or two sentences: what to do and why it helps
  const char* if_cue;       // a ready if-then plan, for "try this as a goal"
  const char* then_action;
  std::vector<Barrier> barriers;  // barriers it addresses
  std::vector<Stage> stages;      // stages it suits
};

// All shipped strategies (at least 30).
std::span<const Strategy> strategy_library();
const Strategy* find_strategy(std::string_view id);

struct SuggestionInput {
  // Barrier-profile scores 0-100 (higher = stronger barrier), indexed by Barrier; empty if never taken.
  std::vector<double> barrier_scores;
  // The person's active goals' stages and obstacle barriers.
  std::vector<std::pair<Stage, std::optional<Barrier>>> goals;
};

struct Suggestion {
  const Strategy* strategy;
  double score;
  std::string reason;  // "fits your strongest barrier: workplace expectations; suits preparation"
};

// Ranks strategies by the barrier profile and the goals' stages and barriers; best first.
std::vector<Suggestion> suggest(const SuggestionInput& in, size_t limit = 5);

}  // namespace headway::core
