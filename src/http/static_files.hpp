#pragma once
// The built web UI (web/dist), loaded into memory at start and served at "/": long-lived caching
// for hashed assets, revalidation for index.html, and a strict Content-Security-Policy.
#include <map>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace headway::http {

class StaticFiles {
 public:
  // Loads every file below `root`; a missing or empty directory serves a short notice instead.
  explicit StaticFiles(const std::string& root);
  // The file for a GET or HEAD outside /api/: the file itself, or index.html for an app path
  // (no extension), or nullopt when nothing matches.
  std::optional<Response> serve(const Request& req) const;
  size_t files() const { return files_.size(); }

 private:
  struct File {
    std::string type;
    std::string body;
  };
  std::map<std::string, File> files_;  // by path, e.g. "/assets/index-3f2a.js"
};

// The policy sent with the UI's pages: scripts, styles and data only from this origin.
inline constexpr const char* kUiContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

}  // namespace headway::http
