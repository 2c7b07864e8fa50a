#pragma once
// The support network: people a member lists, how they relate, and the support they give.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/goal.hpp"
#include "core/person.hpp"

namespace headway::core {

enum class Relation { family, friend_, colleague, manager, coach, partner };
inline constexpr std::array<const char*, 6> kRelationNames{"family", "friend", "colleague", "manager", "coach", "partner"};
inline const char* to_string(Relation r) { return kRelationNames[static_cast<size_t>(r)]; }
Result<Relation> parse_relation(std::string_view text, std::string_view field = "relation");

enum class SupportKind { emotional, practical, shared_values };
inline constexpr std::array<const char*, 3> kSupportKindNames{"emotional", "practical", "shared-values"};
inline const char* to_string(SupportKind k) { return kSupportKindNames[static_cast<size_t>(k)]; }
// A kind's bit in Supporter::kinds.
constexpr unsigned kind_bit(SupportKind k) { return 1u << static_cast<unsigned>(k); }

struct Supporter {
  Id id = 0;
  Id person_id = 0;
  std::string name;
  Relation relation = Relation::friend_;
  unsigned kinds = 0;  // bits (1 << SupportKind); at least one
  std::optional<Id> linked_person;  // their Headway account's person, when linked
  Instant created_at = 0;
  bool gives(SupportKind k) const { return kinds & kind_bit(k); }
};
Result<unsigned> parse_support_kinds(const std::vector<std::string>& names);
std::vector<std::string> support_kind_names(unsigned kinds);
Result<void> validate_supporter(const Supporter& s);

// Where support is thin, as sentences to show. `top_barrier` is the member's highest-scoring
// barrier (from the barrier profile, else the barrier of most of their goals), if known.
struct SupportGap {
  std::string code;     // "empty", "no-practical-for-barrier", "no-emotional", "no-workplace-ally", ...
  std::string message;  // what the member reads
};
std::vector<SupportGap> support_gaps(const std::vector<Supporter>& network, std::optional<Barrier> top_barrier);

}  // namespace headway::core
