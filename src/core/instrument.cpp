#include "core/instrument.hpp"

#include <charconv>
#include <set>

namespace headway::core {

Result<void> validate_instrument(const Instrument& in) {
  if (in.id.empty()) return invalid("id", "instrument needs an id");
  if (in.version.empty()) return invalid("version", "instrument needs a version");
  if (in.response_max <= in.response_min) return invalid("response_scale", "max must be above min");
  if (in.scales.empty()) return invalid("scales", "instrument needs at least one scale");
  if (in.items.empty()) return invalid("items", "instrument needs at least one item");
  std::set<std::string> scales;
  for (const Scale& s : in.scales) {
    if (s.id.empty() || !scales.insert(s.id).second) return invalid("scales", "scale ids must be unique and set");
    if (s.bands.empty() || s.bands.front().min != 0)
      return invalid("scales." + s.id + ".bands", "bands must start at 0");
    for (size_t i = 1; i < s.bands.size(); ++i)
      if (s.bands[i].min <= s.bands[i - 1].min || s.bands[i].min > 100)
        return invalid("scales." + s.id + ".bands", "band cut-offs must ascend within 0-100");
  }
  std::set<std::string> items;
  std::set<std::string> used;
  for (const Item& it : in.items) {
    if (it.id.empty() || !items.insert(it.id).second) return invalid("items", "item ids must be unique and set");
    if (!scales.count(it.scale)) return invalid("items." + it.id + ".scale", "no such scale: " + it.scale);
    if (it.text.empty()) return invalid("items." + it.id + ".text", "item needs text");
    used.insert(it.scale);
  }
  for (const Scale& s : in.scales)
    if (!used.count(s.id)) return invalid("scales." + s.id, "scale has no items");
  return {};
}

Result<std::vector<int>> parse_answers(std::string_view text, std::string_view field) {
  std::vector<int> out;
  const std::string f(field);
  if (text.empty()) return invalid(f, "expected comma-separated numbers, got nothing");
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    std::string_view part = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    int v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc{} || p != part.data() + part.size())
      return invalid(f, "answer " + std::to_string(out.size() + 1) + " is not a whole number: \"" +
                            std::string(part.substr(0, 20)) + "\"");
    out.push_back(v);
    if (out.size() > 1000) return invalid(f, "too many answers");
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

Result<std::vector<ScaleScore>> score(const Instrument& in, const std::vector<int>& answers) {
  if (answers.size() != in.items.size())
    return invalid("answers", "expected " + std::to_string(in.items.size()) + " answers, got " +
                                  std::to_string(answers.size()));
  for (size_t i = 0; i < answers.size(); ++i)
    if (answers[i] < in.response_min || answers[i] > in.response_max)
      return invalid("answers", "answer " + std::to_string(i + 1) + " must be " + std::to_string(in.response_min) +
                                    " to " + std::to_string(in.response_max) + ", got " + std::to_string(answers[i]));
  std::vector<ScaleScore> out;
  const double range = in.response_max - in.response_min;
  for (const Scale& s : in.scales) {
    double total = 0;
    int n = 0;
    for (size_t i = 0; i < in.items.size(); ++i) {
      if (in.items[i].scale != s.id) continue;
      const int a = in.items[i].reverse ? in.response_max + in.response_min - answers[i] : answers[i];
      total += a - in.response_min;
      ++n;
    }
    // Mean and sum both map linearly onto 0-100; they differ only in what the raw score means.
    const double value = n ? (total / (n * range)) * 100.0 : 0.0;
    ScaleScore sc{s.id, value, s.bands.front().id, true};
    for (size_t b = 0; b < s.bands.size(); ++b)
      if (value + 1e-9 >= s.bands[b].min) {
        sc.band = s.bands[b].id;
        sc.lowest_band = b == 0;
      }
    out.push_back(sc);
  }
  return out;
}

}  // namespace headway::core
