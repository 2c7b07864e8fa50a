#include "ingest/instrument_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace headway::ingest {

const std::vector<std::pair<std::string_view, std::string_view>>& builtin_instrument_files();

namespace {

using nlohmann::json;

struct Reader {
  std::string source;
  Error error;
  bool ok = true;

  void bad(const std::string& path, const std::string& what) {
    if (!ok) return;
    ok = false;
    error = Error{ErrorCode::invalid, source + ": " + path + ": " + what, path};
  }
  std::string str(const json& j, const char* key, const std::string& path, bool required = true) {
    if (!j.contains(key)) {
      if (required) bad(path + "." + key, "is missing");
      return {};
    }
    if (!j[key].is_string()) {
      bad(path + "." + key, "must be a string");
      return {};
    }
    return j[key].get<std::string>();
  }
  double num(const json& j, const char* key, const std::string& path) {
    if (!j.contains(key) || !j[key].is_number()) {
      bad(path + "." + key, "must be a number");
      return 0;
    }
    return j[key].get<double>();
  }
  bool flag(const json& j, const char* key, const std::string& path) {
    if (!j.contains(key)) return false;
    if (!j[key].is_boolean()) {
      bad(path + "." + key, "must be true or false");
      return false;
    }
    return j[key].get<bool>();
  }
  const json& arr(const json& j, const char* key, const std::string& path) {
    static const json empty = json::array();
    if (!j.contains(key) || !j[key].is_array()) {
      bad(path + "." + key, "must be an array");
      return empty;
    }
    return j[key];
  }
};

}  // namespace

Result<core::Instrument> parse_instrument(std::string_view text, std::string_view source) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    // Re-parse with exceptions only to learn where the syntax error is.
    try {
      const json again = json::parse(text.begin(), text.end());
      (void)again;
    } catch (const json::parse_error& e) {
      const auto line = std::count(text.begin(), text.begin() + std::min(e.byte, text.size()), '\n') + 1;
      return invalid("file", std::string(source) + ": line " + std::to_string(line) + ": not valid JSON");
    }
    return invalid("file", std::string(source) + ": not valid JSON");
  }
  if (!j.is_object()) return invalid("file", std::string(source) + ": must hold a JSON object");
  Reader r{std::string(source), {}, true};
  core::Instrument in;
  in.id = r.str(j, "id", "$");
  in.version = r.str(j, "version", "$");
  in.title = r.str(j, "title", "$");
  in.description = r.str(j, "description", "$", false);
  in.licence = r.str(j, "licence", "$");
  in.note = r.str(j, "note", "$");
  in.support_pointer = r.str(j, "support_pointer", "$", false);
  if (!j.contains("response_scale") || !j["response_scale"].is_object()) {
    r.bad("$.response_scale", "must be an object");
  } else {
    const json& rs = j["response_scale"];
    in.response_min = static_cast<int>(r.num(rs, "min", "$.response_scale"));
    in.response_max = static_cast<int>(r.num(rs, "max", "$.response_scale"));
    for (const json& l : r.arr(rs, "labels", "$.response_scale"))
      in.response_labels.push_back(l.is_string() ? l.get<std::string>() : "");
  }
  const json& scales = r.arr(j, "scales", "$");
  for (size_t i = 0; i < scales.size() && r.ok; ++i) {
    const std::string path = "$.scales[" + std::to_string(i) + "]";
    const json& s = scales[i];
    if (!s.is_object()) {
      r.bad(path, "must be an object");
      break;
    }
    core::Scale sc;
    sc.id = r.str(s, "id", path);
    sc.title = r.str(s, "title", path);
    const std::string scoring = r.str(s, "scoring", path);
    if (r.ok && scoring != "mean" && scoring != "sum") r.bad(path + ".scoring", "must be \"mean\" or \"sum\"");
    sc.sum = scoring == "sum";
    sc.wellbeing = r.flag(s, "wellbeing", path);
    const json& bands = r.arr(s, "bands", path);
    for (size_t b = 0; b < bands.size() && r.ok; ++b) {
      const std::string bp = path + ".bands[" + std::to_string(b) + "]";
      sc.bands.push_back(core::Band{r.str(bands[b], "id", bp), r.str(bands[b], "label", bp), r.num(bands[b], "min", bp)});
    }
    in.scales.push_back(std::move(sc));
  }
  const json& items = r.arr(j, "items", "$");
  for (size_t i = 0; i < items.size() && r.ok; ++i) {
    const std::string path = "$.items[" + std::to_string(i) + "]";
    const json& it = items[i];
    if (!it.is_object()) {
      r.bad(path, "must be an object");
      break;
    }
    in.items.push_back(core::Item{r.str(it, "id", path), r.str(it, "scale", path), r.str(it, "text", path),
                                  r.flag(it, "reverse", path)});
  }
  if (!r.ok) return tl::unexpected(r.error);
  if (auto v = core::validate_instrument(in); !v)
    return invalid(v.error().field, std::string(source) + ": " + v.error().field + ": " + v.error().message);
  return in;
}

Result<std::vector<core::Instrument>> builtin_instruments() {
  std::vector<core::Instrument> out;
  for (const auto& [name, text] : builtin_instrument_files()) out.push_back(HW_TRY(parse_instrument(text, name)));
  return out;
}

Result<std::vector<core::Instrument>> load_instruments(const std::string& dir) {
  auto out = HW_TRY(builtin_instruments());
  namespace fs = std::filesystem;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    if (ss.str().size() > (1u << 20)) return invalid("file", path.string() + ": larger than 1 MiB");
    core::Instrument in = HW_TRY(parse_instrument(ss.str(), path.string()));
    auto same = std::find_if(out.begin(), out.end(), [&](const core::Instrument& x) { return x.id == in.id; });
    if (same != out.end())
      *same = std::move(in);
    else
      out.push_back(std::move(in));
  }
  return out;
}

}  // namespace headway::ingest
