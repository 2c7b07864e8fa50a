#pragma once
// A thin RAII layer over sqlite3 statements: bind by position, step, read columns.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace headway::store::sqlite {

// Turns the connection's last error into an Error naming `what`.
Error db_error(sqlite3* db, std::string_view what);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  // Resets the cached statement so it holds no locks between uses.
  ~Statement();
  // Bind 1-based parameters.
  Statement& bind(int i, int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Statement& bind(int i, bool v) { return bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  template <typename T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }
  // Steps once: true while a row is available.
  Result<bool> step();
  // Runs to completion, for statements without rows.
  Result<void> run();
  int64_t changes() const;

  int64_t i64(int col) const;
  int i32(int col) const { return static_cast<int>(i64(col)); }
  double f64(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;
  std::optional<int64_t> opt_i64(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// One connection with its cache of prepared statements.
class Connection {
 public:
  using Statement = sqlite::Statement;
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  sqlite3* handle() const { return db_; }
  // A cached, reset statement for `sql`.
  Result<Statement> prepare(const std::string& sql);
  // Runs SQL text without parameters (pragmas, migrations, BEGIN/COMMIT).
  Result<void> exec(const std::string& sql);
  // Runs a statement without parameters through the statement cache (BEGIN, COMMIT, ROLLBACK:
  // run on every transaction, so not parsed anew each time).
  Result<void> exec_cached(const std::string& sql) {
    auto st = prepare(sql);
    if (!st) return tl::unexpected(st.error());
    return st->run();
  }
  Result<void> commit() { return exec_cached("COMMIT"); }
  void rollback() { (void)exec_cached("ROLLBACK"); }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace headway::store::sqlite
