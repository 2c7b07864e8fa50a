#pragma once
// Headway's own HTTP request and response: what handlers see instead of Beast's types.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace headway::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received, e.g. "/api/v1/checkins?from=2026-01-01"
  std::string path;    // percent-decoded path without the query
  Fields query;        // decoded query parameters in order
  Fields headers;      // names in lower case
  std::string body;
  std::string client_ip;
  bool secure = false;  // the client reached us over TLS (directly or via a trusted proxy)

  // The first header with this lower-case name.
  std::optional<std::string_view> header(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  // The value of one cookie from the Cookie header.
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  Fields headers;
  std::string body;
  void set(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;
};

// Splits a request target into its decoded path and query; false when the target is malformed.
bool parse_target(std::string_view target, std::string& path, Fields& query);
// Percent-decodes (and '+' to space in queries); false on a bad escape.
bool percent_decode(std::string_view in, std::string& out, bool query);

// A JSON error response: {"error":{"code","message","field"}}.
Response error_response(int status, std::string_view code, std::string_view message, std::string_view field = {});
// The status an error code answers with.
int status_of(ErrorCode code);
Response error_response(const Error& e);
// A response with a JSON body that is already serialised.
Response json_text(int status, std::string body);
// Escapes text for a JSON string literal (without the quotes).
std::string json_escape(std::string_view s);
// Compares secrets in time independent of where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace headway::http
