// SQLite backend: opening safely, migrations, and the Database object.
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "store/database.hpp"
#include "store/sqlite/sqlite_transaction.hpp"
#include "store/sqlite/statement.hpp"

namespace headway::store::sqlite {

const std::vector<std::pair<std::string_view, std::string_view>>& sqlite_migrations();

namespace {

constexpr int kApplicationId = 0x48574159;  // "HWAY"

int migration_version(std::string_view name) { return std::atoi(std::string(name.substr(0, 3)).c_str()); }

int latest_version() {
  int v = 0;
  for (const auto& [name, sql] : sqlite_migrations()) v = std::max(v, migration_version(name));
  return v;
}

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<std::unique_ptr<Transaction>> begin(bool write) override {
    std::unique_lock lock(mutex_);
    HW_CHECK(conn_->exec_cached(write ? "BEGIN IMMEDIATE" : "BEGIN"));
    return std::unique_ptr<Transaction>(make_transaction(*conn_, std::move(lock)));
  }
  std::string backend() const override { return "sqlite"; }
  Result<int> schema_version() override {
    std::lock_guard lock(mutex_);
    auto st = HW_TRY(conn_->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!HW_TRY(st.step())) return 0;
    return st.i32(0);
  }

  Result<void> enable_wal() { return conn_->exec("PRAGMA journal_mode=WAL"); }

  // Checks that the file is Headway's (or new) and migrates it, all inside one BEGIN IMMEDIATE,
  // so processes opening a new file at the same moment do not trip over each other.
  Result<void> setup(const std::string& path, bool create) {
    HW_CHECK(conn_->exec("BEGIN IMMEDIATE"));
    auto r = setup_locked(path, create);
    if (!r) {
      conn_->rollback();
      return r;
    }
    return conn_->commit();
  }

 private:
  Result<void> setup_locked(const std::string& path, bool create) {
    const auto scalar = [&](const std::string& sql) -> Result<int64_t> {
      auto st = HW_TRY(conn_->prepare(sql));
      if (!HW_TRY(st.step())) return 0;
      return st.i64(0);
    };
    const int64_t app_id = HW_TRY(scalar("PRAGMA application_id"));
    if (app_id != kApplicationId) {
      const int64_t objects = HW_TRY(scalar("SELECT count(*) FROM sqlite_schema"));
      if (objects != 0 || !create)
        return tl::unexpected(Error{ErrorCode::corrupt,
                                    path + " is a SQLite database of another application, not Headway; it was left untouched",
                                    "database"});
      HW_CHECK(conn_->exec("PRAGMA application_id=" + std::to_string(kApplicationId)));
    }
    HW_CHECK(conn_->exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL)"));
    const int current = static_cast<int>(HW_TRY(scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")));
    const int latest = latest_version();
    if (current > latest)
      return fail(ErrorCode::conflict, "database schema version " + std::to_string(current) +
                                           " is newer than this headway understands (" + std::to_string(latest) +
                                           "); upgrade headway", "database");
    auto migrations = sqlite_migrations();
    std::sort(migrations.begin(), migrations.end());
    for (const auto& [name, sql] : migrations) {
      const int v = migration_version(name);
      if (v <= current) continue;
      auto applied = conn_->exec(std::string(sql));
      if (!applied)
        return fail(ErrorCode::storage, "migration " + std::string(name) + " failed: " + applied.error().message);
      auto st = HW_TRY(conn_->prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
      HW_CHECK(st.bind(1, v).bind(2, name).bind(3, core::now()).run());
    }
    return {};
  }

  std::unique_ptr<Connection> conn_;
  std::mutex mutex_;
};

Error corrupt(const std::string& path, const std::string& why) {
  return Error{ErrorCode::corrupt, path + " " + why + "; it was left untouched", "database"};
}

Result<int64_t> scalar(Connection& c, const std::string& sql) {
  auto st = HW_TRY(c.prepare(sql));
  if (!HW_TRY(st.step())) return 0;
  return st.i64(0);
}

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite_impl(const std::string& path, const SqliteOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists && !options.create)
    return fail(ErrorCode::not_ready, "no Headway database at " + path + "; run `headway init` first", "database");
  if (exists) {
    if (!fs::is_regular_file(path, ec)) return tl::unexpected(corrupt(path, "is not a regular file"));
    // Check the header before SQLite touches the file: a foreign file must never be rewritten.
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    const auto got = in.gcount();
    if (got == 0 && !options.create) return tl::unexpected(corrupt(path, "is empty, not a Headway database"));
    if (got != 0 && (got < 16 || std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16)))
      return tl::unexpected(corrupt(path, "is not a SQLite database (corrupt or a foreign file)"));
  }
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (options.create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &raw, flags, nullptr) != SQLITE_OK) {
    Error e{ErrorCode::storage, "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"),
            "database"};
    sqlite3_close_v2(raw);
    return tl::unexpected(e);
  }
  auto conn = std::make_unique<Connection>(raw);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);

  // Read-only checks before anything is written: a damaged file fails here, and a database of
  // another application is refused untouched. (setup() checks again under the write lock.)
  // Both reads share one snapshot, so a process creating the file at the same moment is seen
  // either not at all or complete.
  HW_CHECK(conn->exec("BEGIN"));
  auto app_id = scalar(*conn, "PRAGMA application_id");
  auto objects = scalar(*conn, "SELECT count(*) FROM sqlite_schema");
  conn->rollback();
  if (!app_id) return tl::unexpected(corrupt(path, "cannot be read as a database (" + app_id.error().message + ")"));
  if (!objects) return tl::unexpected(corrupt(path, "cannot be read as a database (" + objects.error().message + ")"));
  if (*app_id != kApplicationId && (*objects != 0 || !options.create))
    return tl::unexpected(corrupt(path, "is a SQLite database of another application, not Headway"));
  HW_CHECK(conn->exec("PRAGMA synchronous=NORMAL"));
  HW_CHECK(conn->exec("PRAGMA foreign_keys=ON"));
  auto db = std::make_unique<SqliteDatabase>(std::move(conn));
  // Switching to WAL and the first migration need the write lock; when several processes open a
  // new file at once, SQLite may answer "locked" without waiting, so try again briefly.
  for (int attempt = 1;; ++attempt) {
    auto ready = db->enable_wal().and_then([&] { return db->setup(path, options.create); });
    if (ready) break;
    if (ready.error().code != ErrorCode::busy || attempt == 100) return tl::unexpected(ready.error());
    sqlite3_sleep(10 + attempt % 7);
  }
  return std::unique_ptr<Database>(std::move(db));
}

Result<void> backup_impl(const std::string& source, const std::string& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(target, ec))
    return fail(ErrorCode::conflict, target + " exists; choose a new file name", "file");
  auto src = HW_TRY(open_sqlite_impl(source, SqliteOptions{}));
  (void)src;
  sqlite3* from = nullptr;
  sqlite3* to = nullptr;
  if (sqlite3_open_v2(source.c_str(), &from, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(target.c_str(), &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    Error e{ErrorCode::storage, "cannot open backup target " + target, "file"};
    sqlite3_close_v2(from);
    sqlite3_close_v2(to);
    return tl::unexpected(e);
  }
  sqlite3_busy_timeout(from, 5000);
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  int rc = SQLITE_OK;
  if (b) {
    // Copy in steps so writers are not blocked for the whole backup.
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(5);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
  }
  Error e{ErrorCode::storage, std::string("backup failed: ") + sqlite3_errmsg(to), "file"};
  sqlite3_close_v2(from);
  sqlite3_close_v2(to);
  if (!b || rc != SQLITE_DONE) {
    fs::remove(target, ec);
    return tl::unexpected(e);
  }
  return {};
}

}  // namespace headway::store::sqlite

namespace headway::store {

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, const SqliteOptions& options) {
  return sqlite::open_sqlite_impl(path, options);
}

Result<void> backup_sqlite(const std::string& source, const std::string& target) {
  return sqlite::backup_impl(source, target);
}

}  // namespace headway::store
