#include "http/input.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/person.hpp"

namespace headway::http {

using nlohmann::json;

struct Input::Impl {
  json body;
  std::set<std::string> read;
};

namespace {

constexpr int kMaxDepth = 32;

// Nesting depth of a JSON text, counted outside strings; stops early past the limit.
bool nesting_within(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

tl::unexpected<Error> wrong_type(const std::string& name, const char* what) {
  return invalid(name, name + " must be " + what);
}

}  // namespace

Input::Input(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Input::Input(Input&&) noexcept = default;
Input::~Input() = default;

Result<Input> Input::parse(const Request& req) {
  auto impl = std::make_unique<Impl>();
  const std::string_view body = req.body;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    impl->body = json::object();
    return Input(std::move(impl));
  }
  if (!core::valid_utf8(body)) return fail(ErrorCode::malformed, "the request body is not valid UTF-8", "body");
  if (!nesting_within(body, kMaxDepth))
    return fail(ErrorCode::malformed, "the JSON body is nested deeper than " + std::to_string(kMaxDepth) + " levels", "body");
  try {
    impl->body = json::parse(body);
  } catch (const json::parse_error& e) {
    return fail(ErrorCode::malformed, "the body is not valid JSON (at byte " + std::to_string(e.byte) + ")", "body");
  } catch (const json::out_of_range&) {  // e.g. 1e400: nlohmann's "number overflow" (406)
    return fail(ErrorCode::malformed, "the body holds a number too large to represent", "body");
  }
  if (!impl->body.is_object()) return fail(ErrorCode::malformed, "the JSON body must be an object", "body");
  return Input(std::move(impl));
}

bool Input::has(const std::string& name) const {
  auto it = impl_->body.find(name);
  return it != impl_->body.end() && !it->is_null();
}

Result<std::optional<std::string>> Input::text(const std::string& name) {
  impl_->read.insert(name);
  auto it = impl_->body.find(name);
  if (it == impl_->body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return wrong_type(name, "a string");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::string> Input::required_text(const std::string& name) {
  auto v = HW_TRY(text(name));
  if (!v) return invalid(name, name + " is required");
  return *v;
}

Result<std::optional<std::string>> Input::text_or_number(const std::string& name) {
  impl_->read.insert(name);
  auto it = impl_->body.find(name);
  if (it == impl_->body.end() || it->is_null()) return std::optional<std::string>();
  if (it->is_string()) return std::optional<std::string>(it->get<std::string>());
  if (it->is_number_integer()) return std::optional<std::string>(std::to_string(it->get<int64_t>()));
  if (it->is_number_float()) return std::optional<std::string>(it->dump());
  return wrong_type(name, "a string or a number");
}

Result<std::optional<int64_t>> Input::integer(const std::string& name, int64_t lo, int64_t hi) {
  impl_->read.insert(name);
  auto it = impl_->body.find(name);
  if (it == impl_->body.end() || it->is_null()) return std::optional<int64_t>();
  int64_t v = 0;
  if (it->is_number_integer() && !(it->is_number_unsigned() && it->get<uint64_t>() > uint64_t(INT64_MAX))) {
    v = it->get<int64_t>();
  } else if (it->is_number_unsigned()) {
    return invalid(name, name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  } else {
    return wrong_type(name, "a whole number");
  }
  if (v < lo || v > hi)
    return invalid(name, name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return std::optional<int64_t>(v);
}

Result<int64_t> Input::required_integer(const std::string& name, int64_t lo, int64_t hi) {
  auto v = HW_TRY(integer(name, lo, hi));
  if (!v) return invalid(name, name + " is required");
  return *v;
}

Result<std::optional<bool>> Input::boolean(const std::string& name) {
  impl_->read.insert(name);
  auto it = impl_->body.find(name);
  if (it == impl_->body.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return wrong_type(name, "true or false");
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<std::vector<std::string>>> Input::texts(const std::string& name) {
  impl_->read.insert(name);
  auto it = impl_->body.find(name);
  if (it == impl_->body.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  if (!it->is_array()) return wrong_type(name, "a list of strings");
  std::vector<std::string> out;
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& e = (*it)[i];
    if (e.is_string()) out.push_back(e.get<std::string>());
    else if (e.is_number_integer()) out.push_back(std::to_string(e.get<int64_t>()));
    else return invalid(name + "[" + std::to_string(i) + "]", name + "[" + std::to_string(i) + "] must be a string");
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::optional<std::vector<int64_t>>> Input::integers(const std::string& name, int64_t lo, int64_t hi) {
  impl_->read.insert(name);
  auto it = impl_->body.find(name);
  if (it == impl_->body.end() || it->is_null()) return std::optional<std::vector<int64_t>>();
  if (!it->is_array()) return wrong_type(name, "a list of whole numbers");
  std::vector<int64_t> out;
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& e = (*it)[i];
    const std::string field = name + "[" + std::to_string(i) + "]";
    if (!e.is_number_integer()) return invalid(field, field + " must be a whole number");
    const auto v = e.get<int64_t>();
    if (v < lo || v > hi) return invalid(field, field + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    out.push_back(v);
  }
  return std::optional<std::vector<int64_t>>(std::move(out));
}

Result<void> Input::finish() const {
  for (auto it = impl_->body.begin(); it != impl_->body.end(); ++it)
    if (!impl_->read.count(it.key())) return invalid(it.key(), "unknown field \"" + it.key() + "\"");
  return {};
}

Result<int64_t> path_id(std::string_view text) {
  int64_t v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return not_found("no such object");
  return v;
}

}  // namespace headway::http
