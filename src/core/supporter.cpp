#include "core/supporter.hpp"

#include "core/names.hpp"

namespace headway::core {

Result<Relation> parse_relation(std::string_view text, std::string_view field) {
  return parse_enum<Relation>(text, field, kRelationNames);
}

Result<unsigned> parse_support_kinds(const std::vector<std::string>& names) {
  if (names.empty()) return invalid("kinds", "needs at least one of " + list_names(kSupportKindNames));
  unsigned bits = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    const auto k = HW_TRY(parse_enum<SupportKind>(names[i], "kinds[" + std::to_string(i) + "]", kSupportKindNames));
    const unsigned bit = kind_bit(k);
    if (bits & bit) return invalid("kinds[" + std::to_string(i) + "]", "\"" + names[i] + "\" is listed twice");
    bits |= bit;
  }
  return bits;
}

std::vector<std::string> support_kind_names(unsigned kinds) {
  std::vector<std::string> out;
  for (size_t i = 0; i < kSupportKindNames.size(); ++i)
    if (kinds & (1u << i)) out.emplace_back(kSupportKindNames[i]);
  return out;
}

Result<void> validate_supporter(const Supporter& s) {
  HW_CHECK(validate_name(s.name, "name"));
  if (s.kinds == 0) return invalid("kinds", "needs at least one of " + list_names(kSupportKindNames));
  if (s.kinds >= (1u << kSupportKindNames.size())) return invalid("kinds", "has an unknown kind");
  return {};
}

namespace {

bool at_work(Relation r) { return r == Relation::colleague || r == Relation::manager; }

// What practical help looks like for each barrier, to name it in the message.
const char* practical_help(Barrier b) {
  switch (b) {
    case Barrier::workplace_expectations: return "someone at work who can cover for you or back a boundary";
    case Barrier::mental_load: return "someone who can take tasks off your plate";
    case Barrier::lack_of_support: return "someone who can help in practical ways";
    case Barrier::unclear_goals: return "someone who can help you plan, such as a coach";
    case Barrier::systemic: return "someone who can help you use or change the rules, such as a manager or colleague";
  }
  return "someone who can help in practical ways";
}

}  // namespace

std::vector<SupportGap> support_gaps(const std::vector<Supporter>& network, std::optional<Barrier> top_barrier) {
  std::vector<SupportGap> out;
  if (network.empty()) {
    out.push_back({"empty", "You have not listed anyone yet. Change is easier with one or two people on your side."});
    return out;
  }
  bool emotional = false, practical = false, values = false, ally = false, practical_at_work = false;
  for (const auto& s : network) {
    emotional |= s.gives(SupportKind::emotional);
    practical |= s.gives(SupportKind::practical);
    values |= s.gives(SupportKind::shared_values);
    ally |= at_work(s.relation);
    practical_at_work |= at_work(s.relation) && s.gives(SupportKind::practical);
  }
  if (top_barrier) {
    const bool work_barrier = *top_barrier == Barrier::workplace_expectations || *top_barrier == Barrier::systemic;
    const bool covered = work_barrier ? practical_at_work : practical;
    if (!covered)
      out.push_back({"no-practical-for-barrier", std::string("Your biggest barrier is ") + kBarrierTitles[static_cast<size_t>(*top_barrier)] +
                                                     ", and nobody in your network gives practical support for it. Think of " +
                                                     practical_help(*top_barrier) + "."});
  } else if (!practical) {
    out.push_back({"no-practical", "Nobody in your network gives practical support yet."});
  }
  if (!emotional) out.push_back({"no-emotional", "Nobody in your network gives emotional support yet."});
  if (!values) out.push_back({"no-shared-values", "Nobody in your network shares the values behind your change yet."});
  if (!ally) out.push_back({"no-workplace-ally", "You have nobody at work in your network. A colleague on your side makes boundaries easier to keep."});
  if (network.size() == 1) out.push_back({"single-person", "All your support rests on one person."});
  return out;
}

}  // namespace headway::core
