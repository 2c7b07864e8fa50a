// PostgreSQL backend: a pool of connections, migrations, and the Database object.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include <pqxx/pqxx>

#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql/sql_transaction.hpp"

namespace headway::store::postgres {

const std::vector<std::pair<std::string_view, std::string_view>>& postgres_migrations();

namespace {

int migration_version(std::string_view name) { return std::atoi(std::string(name.substr(0, 3)).c_str()); }

int latest_version() {
  int v = 0;
  for (const auto& [name, sql] : postgres_migrations()) v = std::max(v, migration_version(name));
  return v;
}

// Reads one integer from a query inside the connection's open transaction.
Result<int64_t> scalar(Connection& c, const std::string& sql) {
  auto st = HW_TRY(c.prepare(sql));
  if (!HW_TRY(st.step())) return 0;
  return st.i64(0);
}

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, const PostgresOptions& opt) : opt_(opt) {
    for (int i = 0; i < std::max(1, opt.pool_size); ++i) {
      all_.push_back(std::make_unique<Connection>(url));
      free_.push_back(all_.back().get());
    }
  }

  Result<std::unique_ptr<Transaction>> begin(bool write) override { return begin_as(write ? Mode::write : Mode::read); }
  Result<std::unique_ptr<Transaction>> begin_locking() override { return begin_as(Mode::locking); }

  enum class Mode { read, write, locking };
  Result<std::unique_ptr<Transaction>> begin_as(Mode mode) {
    Connection* c = HW_TRY(checkout());
    auto release = [this, c] { checkin(c); };
    auto started = start(*c, mode);
    if (!started) {
      release();
      return tl::unexpected(started.error());
    }
    return std::unique_ptr<Transaction>(new sql::SqlTransaction<Connection>(*c, std::move(release)));
  }

  std::string backend() const override { return "postgresql"; }

  Result<int> schema_version() override {
    Connection* c = HW_TRY(checkout());
    const Lease lease{this, c};
    HW_CHECK(start(*c, false));
    auto v = scalar(*c, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    c->rollback();
    if (!v) return tl::unexpected(v.error());
    return static_cast<int>(*v);
  }

  // Checks the schema, and migrates it when asked. Serialised across app servers with an
  // advisory lock, so two nodes starting at once do not both migrate.
  Result<void> prepare_schema(bool migrate) {
    Connection* c = HW_TRY(checkout());
    const Lease lease{this, c};
    HW_CHECK(start(*c, true));
    if (migrate) {
      // A serializable snapshot would be taken before the lock is granted, so a node that waited
      // would still see the schema from before the other node migrated it.
      c->rollback();
      HW_CHECK(c->begin_read_committed());
    }
    auto done = [&](Result<void> r) -> Result<void> {
      if (!r) {
        c->rollback();
        return r;
      }
      return c->commit();
    };
    if (migrate) {
      auto locked = c->exec("SELECT pg_advisory_xact_lock(48574159)");
      if (!locked) return done(locked);
    }
    const int64_t has_table =
        HW_TRY(scalar(*c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                          "AND table_name = 'schema_migrations'"));
    int current = 0;
    if (has_table) {
      // Other tools name their table schema_migrations too: ours has exactly these columns.
      const int64_t ours = HW_TRY(scalar(
          *c, "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND "
              "table_name = 'schema_migrations' AND ((column_name = 'version' AND data_type = 'bigint') OR "
              "(column_name = 'name' AND data_type = 'text') OR (column_name = 'applied_at' AND data_type = 'bigint'))"));
      const int64_t columns = HW_TRY(scalar(
          *c, "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND "
              "table_name = 'schema_migrations'"));
      if (ours != 3 || columns != 3) {
        c->rollback();
        return fail(ErrorCode::corrupt, "the PostgreSQL database " + redact_url(c->url()) +
                                            " holds tables of another application; it was left untouched", "database");
      }
      current = static_cast<int>(HW_TRY(scalar(*c, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations")));
    } else {
      const int64_t tables = HW_TRY(scalar(
          *c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
      if (tables > 0) {
        c->rollback();
        return fail(ErrorCode::corrupt, "the PostgreSQL database " + redact_url(c->url()) +
                                            " holds tables of another application; it was left untouched", "database");
      }
    }
    const int latest = latest_version();
    if (current > latest) {
      c->rollback();
      return fail(ErrorCode::conflict, "database schema version " + std::to_string(current) +
                                           " is newer than this headway understands (" + std::to_string(latest) +
                                           "); upgrade headway", "database");
    }
    if (current < latest && !migrate) {
      c->rollback();
      return fail(ErrorCode::not_ready, "the database schema is at version " + std::to_string(current) +
                                            " and this headway needs " + std::to_string(latest) +
                                            "; run `headway migrate --database URL`", "database");
    }
    if (current < latest) {
      auto r = apply(*c, current);
      if (!r) return done(r);
      current = latest;
    }
    return done({});
  }

 private:
  // Returns a checked-out connection to the pool when it goes out of scope.
  struct Lease {
    PgDatabase* db;
    Connection* c;
    ~Lease() { db->checkin(c); }
  };

  Result<void> apply(Connection& c, int current) {
    HW_CHECK(c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
                    "applied_at BIGINT NOT NULL)"));
    auto migrations = postgres_migrations();
    std::sort(migrations.begin(), migrations.end());
    for (const auto& [name, sql] : migrations) {
      const int v = migration_version(name);
      if (v <= current) continue;
      auto applied = c.exec(std::string(sql));
      if (!applied)
        return fail(ErrorCode::storage, "migration " + std::string(name) + " failed: " + applied.error().message);
      auto st = HW_TRY(c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
      HW_CHECK(st.bind(1, v).bind(2, name).bind(3, core::now()).run());
    }
    return {};
  }

  // A transaction start that survives a server restart while the connection sat idle: the
  // first failure reconnects once; if the server is really gone the error says so.
  Result<void> start(Connection& c, bool write) { return start(c, write ? Mode::write : Mode::read); }
  Result<void> start(Connection& c, Mode mode) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      auto ok = c.ensure_connected();
      if (!ok) return ok;
      auto begun = mode == Mode::locking ? c.begin_read_committed() : c.begin(mode == Mode::write);
      if (begun) return begun;
      if (!c.broken() || attempt == 1) return begun;
    }
    return {};
  }

  Result<Connection*> checkout() {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, std::chrono::milliseconds(opt_.checkout_timeout_ms), [&] { return !free_.empty(); }))
      return fail(ErrorCode::busy, "all " + std::to_string(all_.size()) + " database connections are busy");
    Connection* c = free_.back();
    free_.pop_back();
    return c;
  }

  void checkin(Connection* c) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(c);
    }
    cv_.notify_one();
  }

  PostgresOptions opt_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres_impl(const std::string& url, const PostgresOptions& options) {
  auto db = std::make_unique<PgDatabase>(url, options);
  HW_CHECK(db->prepare_schema(options.migrate));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace headway::store::postgres
