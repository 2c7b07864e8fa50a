#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace headway::http {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxFileBytes = 8u << 20;

std::string type_of(const fs::path& p) {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}, {".webmanifest", "application/manifest+json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->file_size(ec) > kMaxFileBytes) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    const std::string rel = "/" + fs::relative(it->path(), root, ec).generic_string();
    files_[rel] = File{type_of(it->path()), body.str()};
  }
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  if (req.path.rfind("/api/", 0) == 0) return std::nullopt;
  std::string path = req.path == "/" ? "/index.html" : req.path;
  auto it = files_.find(path);
  // App paths like /goals or /settings are the single page's routes.
  const bool app_path = req.path == "/" || fs::path(path).extension().empty();
  if (it == files_.end() && app_path) it = files_.find("/index.html");
  if (it == files_.end()) {
    if (files_.empty() && app_path)
      return error_response(404, "not_found",
                            "the web UI is not built; run `make run`, or build web/ with `npm run build` and pass --web-dir");
    return std::nullopt;
  }
  Response r;
  r.set("Content-Type", it->second.type);
  r.body = it->second.body;
  const bool hashed = path.rfind("/assets/", 0) == 0;
  r.set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  r.set("Content-Security-Policy", kUiContentSecurityPolicy);
  r.set("X-Frame-Options", "DENY");
  return r;
}

}  // namespace headway::http
