#pragma once
// The backends the storage conformance suite runs against, each able to make an empty database.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "postgres_backend.hpp"

namespace headway::store::testing {

// A fresh directory under /tmp, removed with everything in it when the holder goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "headway-store-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed for " << pattern;
    else path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  // A path for a file inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A database that owns the temporary directory its files live in; the database closes first.
class DatabaseInTempDir final : public Database {
 public:
  DatabaseInTempDir(std::unique_ptr<TempDir> dir, std::unique_ptr<Database> inner)
      : dir_(std::move(dir)), inner_(std::move(inner)) {}
  Result<std::unique_ptr<Transaction>> begin(bool write) override { return inner_->begin(write); }
  Result<std::unique_ptr<Transaction>> begin_locking() override { return inner_->begin_locking(); }
  std::string backend() const override { return inner_->backend(); }
  Result<int> schema_version() override { return inner_->schema_version(); }

 private:
  std::unique_ptr<TempDir> dir_;     // declared first, so destroyed after inner_
  std::unique_ptr<Database> inner_;
};

struct Backend {
  std::string name;  // used in test names, so letters, digits and '_' only
  // A new, empty, migrated database; nullptr (with a recorded test failure) when it cannot be made.
  std::function<std::unique_ptr<Database>()> make_empty;
};

// Lets GoogleTest print the parameter by name instead of as raw bytes.
inline void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

// A new SQLite database file in its own temporary directory.
inline std::unique_ptr<Database> make_empty_sqlite() {
  auto dir = std::make_unique<TempDir>();
  if (dir->path().empty()) return nullptr;
  auto db = open_sqlite(dir->file("headway.db"), SqliteOptions{.create = true});
  if (!db) {
    ADD_FAILURE() << "open_sqlite failed: " << db.error().message;
    return nullptr;
  }
  return std::make_unique<DatabaseInTempDir>(std::move(dir), std::move(*db));
}

// Every backend the conformance suite runs against.
inline std::vector<Backend> conformance_backends() {
  std::vector<Backend> backends;
  backends.push_back(Backend{"sqlite", make_empty_sqlite});
  // PostgreSQL joins when HEADWAY_TEST_POSTGRES_URL names a server (make test always starts one).
  if (!postgres_admin_url().empty() || postgres_required())
    backends.push_back(Backend{"postgresql", make_empty_postgres});
  return backends;
}

}  // namespace headway::store::testing
