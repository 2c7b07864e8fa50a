// PostgreSQL-specific behaviour: concurrency across connections, recovery from a server restart,
// and clear errors for bad URLs. Runs against the server make test starts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "postgres_fixture.hpp"
#include "service/context.hpp"
#include "store/database.hpp"

namespace headway::store::testing {
namespace {

// Eight threads, each with its own connection, upsert the same person's check-in for the same
// day. One row remains, holding the values of the write that committed last, which is the final
// write of whichever thread finished last.
TEST_F(Postgres, ConcurrentUpsertsOfOneDayThroughSeparateConnections) {
  constexpr int kThreads = 8, kWrites = 25;
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::vector<std::string> errors;
  std::string last_committed;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      PostgresOptions opt;
      opt.pool_size = 1;
      auto db = open_postgres(url_, opt);
      if (!db) {
        std::lock_guard lock(mutex);
        errors.push_back(db.error().message);
        return;
      }
      for (int k = 0; k < kWrites; ++k) {
        const std::string note = "t" + std::to_string(t) + "-" + std::to_string(k);
        auto r = with_write(**db, [&](Transaction& tx) { return tx.upsert_checkin(checkin(1 + (t + k) % 5, note)); });
        std::lock_guard lock(mutex);
        if (!r) errors.push_back(r.error().message);
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
  const auto rows = with_read(*db_, [&](Transaction& tx) {
                      return tx.list_checkins(person_, core::make_date(2026, 1, 1), core::make_date(2026, 12, 31));
                    }).value();
  ASSERT_EQ(rows.size(), 1u);
  std::set<std::string> finals;
  for (int t = 0; t < kThreads; ++t) finals.insert("t" + std::to_string(t) + "-" + std::to_string(kWrites - 1));
  EXPECT_TRUE(finals.count(rows[0].note)) << "the row holds " << rows[0].note << ", not a thread's final write";
  const int t = std::stoi(rows[0].note.substr(1));
  EXPECT_EQ(rows[0].stress, 1 + (t + kWrites - 1) % 5) << "the values do not belong to the same write as the note";
}

// The request in flight when the connection dies fails cleanly; the next one succeeds.
TEST_F(Postgres, TransactionInFlightFailsCleanlyWhenItsConnectionDies) {
  auto tx = db_->begin(true);
  ASSERT_TRUE(tx);
  ASSERT_TRUE((*tx)->upsert_checkin(checkin(2, "in flight")));
  {
    pqxx::connection admin(postgres_admin_url());
    pqxx::nontransaction kill(admin);
    const std::string db = url_.substr(url_.rfind('/') + 1);
    kill.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " + kill.quote(db) +
              " AND pid <> pg_backend_pid()");
  }
  auto commit = (*tx)->commit();
  EXPECT_FALSE(commit);
  if (!commit) {
    EXPECT_EQ(commit.error().code, ErrorCode::storage) << commit.error().message;
  }
  tx->reset();
  auto next = with_write(*db_, [&](Transaction& t) { return t.upsert_checkin(checkin(5, "next")); });
  ASSERT_TRUE(next) << next.error().message;
  const auto row = with_read(*db_, [&](Transaction& t) {
                     return t.find_checkin(person_, core::make_date(2026, 11, 25));
                   }).value();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->note, "next");
}

struct BadUrl {
  const char* what;
  std::string url;
  const char* expect;  // a fragment of the message
};

TEST_F(Postgres, BadUrlsGiveOneClearErrorWithoutThePassword) {
  const std::string admin = postgres_admin_url();
  const auto user_at = admin.find("://") + 3;
  const std::string host_part = admin.substr(admin.find('@') + 1);  // 127.0.0.1:port/postgres
  const std::string user = admin.substr(user_at, admin.find(':', user_at) - user_at);
  const std::vector<BadUrl> cases = {
      {"wrong password", "postgresql://" + user + ":not-the-s3cret@" + host_part, "password authentication failed"},
      {"missing database", with_database(admin, "no_such_db_here"), "does not exist"},
      {"unreachable server", "postgresql://" + user + ":s3cret-pw@127.0.0.1:1/postgres", "Connection refused"},
      {"unknown scheme", "mysql://" + user + ":s3cret-pw@127.0.0.1/db", "unknown database URL"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    OpenOptions opt;
    auto db = open_database(c.url, opt);
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().code == ErrorCode::not_ready || db.error().code == ErrorCode::invalid);
    EXPECT_NE(db.error().message.find(c.expect), std::string::npos) << db.error().message;
    EXPECT_EQ(db.error().message.find("s3cret"), std::string::npos) << db.error().message;
    EXPECT_EQ(db.error().message.find('\n'), std::string::npos) << db.error().message;
    EXPECT_EQ(db.error().field, "database");
  }
}

TEST_F(Postgres, NewerSchemaIsRefused) {
  {
    pqxx::connection c(url_);
    pqxx::work w(c);
    w.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 0)");
    w.commit();
  }
  auto db = open_postgres(url_, PostgresOptions{});
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::conflict);
  EXPECT_NE(db.error().message.find("newer"), std::string::npos) << db.error().message;
}

TEST_F(Postgres, OutdatedSchemaNeedsMigrateAndForeignDatabaseIsRefused) {
  const std::string empty = create_test_database();
  auto unmigrated = open_postgres(empty, PostgresOptions{});
  ASSERT_FALSE(unmigrated);
  EXPECT_EQ(unmigrated.error().code, ErrorCode::not_ready);
  EXPECT_NE(unmigrated.error().message.find("headway migrate"), std::string::npos) << unmigrated.error().message;
  {
    pqxx::connection c(empty);
    pqxx::work w(c);
    w.exec("CREATE TABLE invoices (id INT)");
    w.commit();
  }
  PostgresOptions migrate;
  migrate.migrate = true;
  auto foreign = open_postgres(empty, migrate);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::corrupt);
  {
    pqxx::connection c(empty);
    pqxx::nontransaction n(c);
    EXPECT_EQ(n.exec("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")[0][0].as<int>(), 1)
        << "the foreign database was changed";
  }
  drop_test_database(empty);
}

}  // namespace
}  // namespace headway::store::testing
