#pragma once
// PostgreSQL for the tests: a fresh database per test on the server named by
// HEADWAY_TEST_POSTGRES_URL (make test starts a throwaway one), dropped afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include <pqxx/pqxx>

#include "store/database.hpp"

namespace headway::store::testing {

// The admin URL of the test server, or empty when none was given.
inline std::string postgres_admin_url() {
  const char* url = std::getenv("HEADWAY_TEST_POSTGRES_URL");
  return url ? url : "";
}

// make test sets HEADWAY_TEST_REQUIRE_POSTGRES: then a missing server fails instead of skipping.
inline bool postgres_required() {
  const char* v = std::getenv("HEADWAY_TEST_REQUIRE_POSTGRES");
  return v && *v && std::string(v) != "0";
}

// The same URL with another database name.
inline std::string with_database(const std::string& url, const std::string& db) {
  const auto slash = url.rfind('/');
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + db + (query == std::string::npos ? "" : url.substr(query));
}

// Creates an empty database on the test server and returns its URL.
inline std::string create_test_database() {
  static std::atomic<int> counter{0};
  const std::string name = "hw_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  pqxx::connection admin(postgres_admin_url());
  pqxx::nontransaction tx(admin);
  tx.exec("DROP DATABASE IF EXISTS " + name);
  tx.exec("CREATE DATABASE " + name);
  return with_database(postgres_admin_url(), name);
}

inline void drop_test_database(const std::string& url) {
  const std::string name = url.substr(url.rfind('/') + 1);
  try {
    pqxx::connection admin(postgres_admin_url());
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot drop " << name << ": " << e.what();
  }
}

// A database that drops itself from the server when it goes.
class DroppedDatabase final : public Database {
 public:
  DroppedDatabase(std::string url, std::unique_ptr<Database> inner) : url_(std::move(url)), inner_(std::move(inner)) {}
  ~DroppedDatabase() override {
    inner_.reset();
    drop_test_database(url_);
  }
  Result<std::unique_ptr<Transaction>> begin(bool write) override { return inner_->begin(write); }
  Result<std::unique_ptr<Transaction>> begin_locking() override { return inner_->begin_locking(); }
  std::string backend() const override { return inner_->backend(); }
  Result<int> schema_version() override { return inner_->schema_version(); }

 private:
  std::string url_;
  std::unique_ptr<Database> inner_;
};

// A new, migrated PostgreSQL database, or nullptr (with a failure recorded).
inline std::unique_ptr<Database> make_empty_postgres() {
  std::string url;
  try {
    url = create_test_database();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot create a test database: " << e.what();
    return nullptr;
  }
  PostgresOptions opt;
  opt.migrate = true;
  auto db = open_postgres(url, opt);
  if (!db) {
    ADD_FAILURE() << "open_postgres failed: " << db.error().message;
    drop_test_database(url);
    return nullptr;
  }
  return std::make_unique<DroppedDatabase>(url, std::move(*db));
}

}  // namespace headway::store::testing
