#pragma once
// One PostgreSQL connection with its prepared statements and current transaction (libpqxx).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace headway::store::postgres {

class Connection;
struct PgResult;   // wraps pqxx::result, so libpqxx stays out of this header
struct PgHandles;  // wraps the pqxx connection and transaction

// Turns a libpqxx exception into an Error; marks the connection broken when the link is gone.
Error pg_error(const std::exception& e, Connection* conn, std::string_view what);

class Statement {
 public:
  Statement(Connection* c, std::string name);
  Statement(Statement&&) noexcept;
  ~Statement();
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
  Result<bool> step();
  Result<void> run();
  int64_t changes() const;

  int64_t i64(int col) const;
  int i32(int col) const { return static_cast<int>(i64(col)); }
  double f64(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;
  std::optional<int64_t> opt_i64(int col) const;

 private:
  Result<void> execute();
  Connection* c_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  std::unique_ptr<PgResult> result_;
  long row_ = -1;
};

class Connection {
 public:
  using Statement = postgres::Statement;
  explicit Connection(std::string url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Connects, or reconnects after the link broke (prepared statements are then prepared anew).
  Result<void> ensure_connected();
  // Starts a transaction: serializable for writes, a read-only repeatable-read snapshot for reads.
  Result<void> begin(bool write);
  // Starts a read-committed transaction, whose statements see what others committed meanwhile
  // (migrations: after waiting for the migration lock, the schema as the last migrator left it).
  Result<void> begin_read_committed();
  Result<Statement> prepare(const std::string& sql);
  Result<void> commit();
  void rollback();
  // Runs SQL text without parameters inside the current transaction (migrations).
  Result<void> exec(const std::string& sql);

  void mark_broken() { broken_ = true; }
  bool broken() const { return broken_; }
  PgHandles& handles() { return *h_; }
  const std::string& url() const { return url_; }

 private:
  std::string url_;
  std::unique_ptr<PgHandles> h_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  bool broken_ = false;
};

// Rewrites '?' placeholders as $1, $2, ... (our SQL has no '?' inside literals).
std::string number_placeholders(std::string_view sql);

}  // namespace headway::store::postgres
