#pragma once
// What route handlers share: JSON responses and the parsed body.
#include <nlohmann/json.hpp>

#include "http/api.hpp"
#include "http/input.hpp"
#include "service/json_codec.hpp"

namespace headway::http {

Response json_response(int status, const nlohmann::json& body);
inline Result<Response> ok(const nlohmann::json& body) { return json_response(200, body); }
inline Result<Response> created(const nlohmann::json& body) { return json_response(201, body); }
Response no_content();
// Renames an error's field from the service's (CLI flag) name to the API body's name.
template <typename T>
Result<T> api_fields(Result<T> r, std::initializer_list<std::pair<std::string_view, std::string_view>> names) {
  if (!r)
    for (const auto& [from, to] : names)
      if (r.error().field == from) {
        r.error().field = std::string(to);
        break;
      }
  return r;
}
// A list of objects as a JSON array.
template <typename T>
nlohmann::json json_list(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : items) out.push_back(service::to_json(i));
  return out;
}

}  // namespace headway::http
