#include "http/router.hpp"

namespace headway::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const auto next = path.find('/', i);
    out.emplace_back(path.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i));
    if (next == std::string_view::npos) break;
    i = next;
  }
  return out;
}

// Where a parameter segment's name ends: "{name}", or "{name}.ics" with a literal suffix after
// the brace. npos for a literal segment.
size_t param_end(const std::string& segment) {
  if (segment.size() < 3 || segment.front() != '{') return std::string::npos;
  const auto close = segment.find('}');
  return close == std::string::npos || close < 2 ? std::string::npos : close;
}

}  // namespace

std::string_view Call::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

void Router::add(std::string method, std::string pattern, Access access, Handler handler, bool slow) {
  Route r{std::move(method), std::move(pattern), access, slow, std::move(handler), {}};
  r.segments = split_path(r.pattern);
  routes_.push_back(std::move(r));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  if (path.size() > 1 && path.back() == '/') return m;  // one spelling per resource
  const auto parts = split_path(path);
  for (const auto& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    Fields params;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      if (const auto close = param_end(r.segments[i]); close != std::string::npos) {
        const std::string_view suffix = std::string_view(r.segments[i]).substr(close + 1);
        if (parts[i].size() <= suffix.size() || !std::string_view(parts[i]).ends_with(suffix)) ok = false;
        else params.emplace_back(r.segments[i].substr(1, close - 1), parts[i].substr(0, parts[i].size() - suffix.size()));
      } else {
        ok = r.segments[i] == parts[i];
      }
    }
    if (!ok) continue;
    // A literal route ("/goals/new") would beat a parameter one; ours never overlap except by method.
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    m.path_known = true;
    if (m.allowed.find(r.method) == std::string::npos) m.allowed += (m.allowed.empty() ? "" : ", ") + r.method;
  }
  return m;
}

}  // namespace headway::http
