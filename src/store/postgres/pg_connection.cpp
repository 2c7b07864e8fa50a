#include "store/postgres/pg_connection.hpp"

#include <cstdio>

#include <pqxx/pqxx>

#include "store/database.hpp"

namespace headway::store::postgres {

struct PgResult {
  pqxx::result r;
};

struct PgHandles {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<pqxx::dbtransaction> tx;
};

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (char c : sql) {
    if (c == '?') out += "$" + std::to_string(++n);
    else out += c;
  }
  return out;
}

namespace {

// The first line of a libpq message, which is the part a person needs.
std::string first_line(const char* what) {
  std::string s(what);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  const auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

}  // namespace

Error pg_error(const std::exception& e, Connection* conn, std::string_view what) {
  const std::string msg = std::string(what) + ": " + first_line(e.what());
  if (dynamic_cast<const pqxx::broken_connection*>(&e)) {
    if (conn) conn->mark_broken();
    return Error{ErrorCode::storage, std::string(what) + ": the database connection was lost", ""};
  }
  if (dynamic_cast<const pqxx::transaction_rollback*>(&e)) return Error{ErrorCode::busy, msg, ""};
  if (dynamic_cast<const pqxx::integrity_constraint_violation*>(&e)) return Error{ErrorCode::conflict, msg, ""};
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e)) {
    if (conn) conn->mark_broken();
    return Error{ErrorCode::storage, msg, ""};
  }
  return Error{ErrorCode::storage, msg, ""};
}

// --- Statement -------------------------------------------------------------------------------

Statement::Statement(Connection* c, std::string name) : c_(c), name_(std::move(name)) {}
Statement::Statement(Statement&& o) noexcept
    : c_(o.c_), name_(std::move(o.name_)), params_(std::move(o.params_)), result_(std::move(o.result_)), row_(o.row_) {}
Statement::~Statement() = default;

Statement& Statement::bind(int i, int64_t v) {
  if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
  params_[static_cast<size_t>(i - 1)] = std::to_string(v);
  return *this;
}
Statement& Statement::bind(int i, double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
  params_[static_cast<size_t>(i - 1)] = std::string(buf);
  return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
  if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
  params_[static_cast<size_t>(i - 1)] = std::string(v);
  return *this;
}
Statement& Statement::bind_null(int i) {
  if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
  params_[static_cast<size_t>(i - 1)] = std::nullopt;
  return *this;
}

Result<void> Statement::execute() {
  std::vector<const char*> ptrs;
  ptrs.reserve(params_.size());
  for (const auto& p : params_) ptrs.push_back(p ? p->c_str() : nullptr);
  try {
    result_ = std::make_unique<PgResult>(PgResult{c_->handles().tx->exec_prepared(name_, pqxx::prepare::make_dynamic_params(ptrs))});
  } catch (const std::exception& e) {
    return tl::unexpected(pg_error(e, c_, "query failed"));
  }
  row_ = -1;
  return {};
}

Result<bool> Statement::step() {
  if (!result_) HW_CHECK(execute());
  ++row_;
  return row_ < static_cast<long>(result_->r.size());
}

Result<void> Statement::run() { return execute(); }
int64_t Statement::changes() const { return result_ ? static_cast<int64_t>(result_->r.affected_rows()) : 0; }
int64_t Statement::i64(int col) const {
  const auto f = result_->r[static_cast<pqxx::result::size_type>(row_)][col];
  return f.is_null() ? 0 : f.as<int64_t>();
}
double Statement::f64(int col) const {
  const auto f = result_->r[static_cast<pqxx::result::size_type>(row_)][col];
  return f.is_null() ? 0.0 : f.as<double>();
}
std::string Statement::text(int col) const {
  const auto f = result_->r[static_cast<pqxx::result::size_type>(row_)][col];
  return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
}
bool Statement::is_null(int col) const {
  return result_->r[static_cast<pqxx::result::size_type>(row_)][col].is_null();
}
std::optional<int64_t> Statement::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}

// --- Connection ------------------------------------------------------------------------------

Connection::Connection(std::string url) : url_(std::move(url)), h_(std::make_unique<PgHandles>()) {}

Connection::~Connection() {
  h_->tx.reset();
  h_->conn.reset();
}

Result<void> Connection::ensure_connected() {
  if (h_->conn && !broken_ && h_->conn->is_open()) return {};
  h_->tx.reset();
  h_->conn.reset();
  prepared_.clear();
  try {
    h_->conn = std::make_unique<pqxx::connection>(url_);
  } catch (const std::exception& e) {
    std::string why = first_line(e.what());
    if (why.rfind("FATAL:", 0) == 0) why = why.substr(6);
    while (!why.empty() && why.front() == ' ') why.erase(0, 1);
    return fail(ErrorCode::not_ready, "cannot connect to PostgreSQL at " + redact_url(url_) + ": " + why, "database");
  }
  broken_ = false;
  return {};
}

Result<void> Connection::begin(bool write) {
  try {
    if (write)
      h_->tx = std::make_unique<pqxx::transaction<pqxx::serializable>>(*h_->conn);
    else
      h_->tx = std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(*h_->conn);
  } catch (const std::exception& e) {
    return tl::unexpected(pg_error(e, this, "cannot begin a transaction"));
  }
  return {};
}

Result<void> Connection::begin_read_committed() {
  try {
    h_->tx = std::make_unique<pqxx::transaction<pqxx::read_committed>>(*h_->conn);
  } catch (const std::exception& e) {
    return tl::unexpected(pg_error(e, this, "cannot begin a transaction"));
  }
  return {};
}

Result<Statement> Connection::prepare(const std::string& sql) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    const std::string name = "hw" + std::to_string(prepared_.size() + 1);
    try {
      h_->conn->prepare(name, number_placeholders(sql));
    } catch (const std::exception& e) {
      return tl::unexpected(pg_error(e, this, "prepare failed"));
    }
    it = prepared_.emplace(sql, name).first;
  }
  return Statement(this, it->second);
}

Result<void> Connection::commit() {
  if (!h_->tx) return fail(ErrorCode::internal, "commit without a transaction");
  try {
    h_->tx->commit();
  } catch (const std::exception& e) {
    h_->tx.reset();
    return tl::unexpected(pg_error(e, this, "commit failed"));
  }
  h_->tx.reset();
  return {};
}

void Connection::rollback() {
  if (!h_->tx) return;
  try {
    h_->tx->abort();
  } catch (const std::exception&) {
    mark_broken();
  }
  h_->tx.reset();
}

Result<void> Connection::exec(const std::string& sql) {
  try {
    h_->tx->exec(sql);
  } catch (const std::exception& e) {
    return tl::unexpected(pg_error(e, this, "statement failed"));
  }
  return {};
}

}  // namespace headway::store::postgres
