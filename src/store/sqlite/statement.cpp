#include "store/sqlite/statement.hpp"

#include <sqlite3.h>

namespace headway::store::sqlite {

Error db_error(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db) & 0xff;  // the primary code of an extended one
  const ErrorCode kind = (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) ? ErrorCode::corrupt
                         : code == SQLITE_CONSTRAINT                    ? ErrorCode::conflict
                         : code == SQLITE_BUSY || code == SQLITE_LOCKED ? ErrorCode::busy
                                                                        : ErrorCode::storage;
  return Error{kind, std::string(what) + ": " + sqlite3_errmsg(db), ""};
}

Statement::~Statement() {
  if (stmt_) sqlite3_reset(stmt_);
}

Statement& Statement::bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = db_error(db_, "query failed");
  sqlite3_reset(stmt_);
  return tl::unexpected(e);
}

Result<void> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return tl::unexpected(r.error());
    if (!*r) return {};
  }
}

int64_t Statement::changes() const { return sqlite3_changes64(db_); }
int64_t Statement::i64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::f64(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::optional<int64_t> Statement::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}
std::string Statement::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Statement> Connection::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return Statement(db_, it->second);
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    return tl::unexpected(db_error(db_, "prepare failed"));
  cache_.emplace(sql, stmt);
  return Statement(db_, stmt);
}

Result<void> Connection::exec(const std::string& sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    Error e = db_error(db_, "statement failed");
    sqlite3_free(msg);
    return tl::unexpected(e);
  }
  return {};
}

}  // namespace headway::store::sqlite
