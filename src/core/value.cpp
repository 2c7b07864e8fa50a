#include "core/value.hpp"

#include <algorithm>
#include <array>

namespace headway::core {
namespace {

constexpr std::array<CatalogueValue, 30> kCatalogue{{
    {"Family", "Being present for the people I love"},
    {"Health", "A body and mind that can carry me"},
    {"Rest", "Time that asks nothing of me"},
    {"Friendship", "Keeping close the people I chose"},
    {"Growth", "Becoming more capable and wiser"},
    {"Learning", "Curiosity followed for its own sake"},
    {"Creativity", "Making things that did not exist"},
    {"Purpose", "Work and life that mean something"},
    {"Fairness", "Everyone carrying a fair share"},
    {"Community", "Belonging to something beyond myself"},
    {"Autonomy", "Deciding for myself how I spend my time"},
    {"Security", "Stability for me and those who rely on me"},
    {"Achievement", "Doing excellent work I am proud of"},
    {"Adventure", "New places, new experiences"},
    {"Play", "Fun, games and lightness"},
    {"Nature", "Time outdoors and with living things"},
    {"Spirituality", "Connection with what matters most"},
    {"Kindness", "Care for others and for myself"},
    {"Honesty", "Saying what is true, to others and to me"},
    {"Balance", "Enough of each part of life"},
    {"Presence", "Attention on where I actually am"},
    {"Craft", "Doing a thing well, with care"},
    {"Independence", "Not being on call for everyone"},
    {"Partnership", "A relationship that is nourished"},
    {"Parenting", "Raising children with time and attention"},
    {"Service", "Helping where it counts"},
    {"Justice", "Changing what is unfair, together"},
    {"Calm", "A steady mind and an unhurried pace"},
    {"Joy", "Noticing and making room for delight"},
    {"Wisdom", "Choosing well among good things"},
}};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::span<const CatalogueValue> value_catalogue() { return kCatalogue; }

std::optional<CatalogueValue> find_catalogue_value(std::string_view name) {
  for (const auto& v : kCatalogue)
    if (iequals(v.name, name)) return v;
  return std::nullopt;
}

Result<int> validate_rank(int rank, std::string_view field) {
  if (rank < 0 || rank > kRankedValues)
    return invalid(std::string(field), "must be 1 to 5 (or 0 to unrank), got " + std::to_string(rank));
  return rank;
}

std::vector<Id> apply_rank(std::vector<Value>& values, size_t index, int rank) {
  const bool was_ranked = values[index].rank != 0;
  std::vector<Value*> ranked;
  for (size_t i = 0; i < values.size(); ++i)
    if (i != index && values[i].rank > 0) ranked.push_back(&values[i]);
  std::sort(ranked.begin(), ranked.end(), [](const Value* a, const Value* b) { return a->rank < b->rank; });
  std::vector<Value*> order;
  for (Value* v : ranked) order.push_back(v);
  if (rank > 0) {
    const size_t pos = std::min(static_cast<size_t>(rank - 1), order.size());
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(pos), &values[index]);
  } else {
    values[index].rank = 0;
  }
  std::vector<Id> changed;
  const auto set_rank = [&](Value* v, int r) {
    if (v->rank != r) {
      v->rank = r;
      changed.push_back(v->id);
    }
  };
  if (rank == 0 && was_ranked) changed.push_back(values[index].id);
  for (size_t i = 0; i < order.size(); ++i) set_rank(order[i], i < kRankedValues ? static_cast<int>(i + 1) : 0);
  return changed;
}

}  // namespace headway::core
