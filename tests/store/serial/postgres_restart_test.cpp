// A PostgreSQL server restart in the middle of a run. It restarts the shared test server, so
// ctest runs it on its own (RUN_SERIAL).
#include <gtest/gtest.h>

#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "../postgres_backend.hpp"
#include "service/context.hpp"
#include "store/database.hpp"

namespace headway::store::testing {
namespace {

class Postgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (postgres_admin_url().empty()) GTEST_SKIP() << "HEADWAY_TEST_POSTGRES_URL is not set";
    url_ = create_test_database();
    PostgresOptions opt;
    opt.migrate = true;
    auto db = open_postgres(url_, opt);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    person_ = with_write(*db_, [](Transaction& tx) {
                core::Person p;
                p.name = "Ana";
                p.timezone = "Europe/Berlin";
                return tx.insert_person(p);
              }).value();
  }
  void TearDown() override {
    db_.reset();
    if (!url_.empty()) drop_test_database(url_);
  }
  core::CheckIn checkin(int stress, const std::string& note) const {
    core::CheckIn c;
    c.person_id = person_;
    c.date = core::make_date(2026, 11, 25);
    c.start = core::TimeOfDay{9 * 60};
    c.end = core::TimeOfDay{17 * 60};
    c.worked_minutes = 480;
    c.stress = stress;
    c.energy = 3;
    c.note = note;
    return c;
  }
  std::string url_;
  std::unique_ptr<Database> db_;
  core::Id person_ = 0;
};

// A server restart between requests: the pool reconnects and later requests succeed.
TEST_F(Postgres, PoolRecoversAfterServerRestart) {
  const char* dir = std::getenv("HEADWAY_TEST_POSTGRES_DIR");
  if (!dir) GTEST_SKIP() << "HEADWAY_TEST_POSTGRES_DIR is not set";
  ASSERT_TRUE(with_write(*db_, [&](Transaction& tx) { return tx.upsert_checkin(checkin(2, "before")); }));
  const std::string restart =
      std::string("bash ") + HEADWAY_SOURCE_DIR + "/scripts/pg-test-server.sh restart " + dir + " >/dev/null";
  ASSERT_EQ(std::system(restart.c_str()), 0);
  // The first request after the restart either succeeds (reconnected at begin) or fails cleanly.
  auto first = with_write(*db_, [&](Transaction& tx) { return tx.upsert_checkin(checkin(3, "during")); });
  if (!first) {
    EXPECT_NE(first.error().code, ErrorCode::internal) << first.error().message;
  }
  for (int i = 0; i < 3; ++i) {
    auto later = with_write(*db_, [&](Transaction& tx) { return tx.upsert_checkin(checkin(4, "after")); });
    ASSERT_TRUE(later) << later.error().message;
  }
  const auto row = with_read(*db_, [&](Transaction& tx) {
                     return tx.find_checkin(person_, core::make_date(2026, 11, 25));
                   }).value();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->note, "after");
}

}  // namespace
}  // namespace headway::store::testing
