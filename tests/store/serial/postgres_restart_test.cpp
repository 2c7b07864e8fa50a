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

#include "../postgres_fixture.hpp"
#include "service/context.hpp"
#include "store/database.hpp"

namespace headway::store::testing {
namespace {

// A server restart between requests: the pool reconnects and later requests succeed.
TEST_F(Postgres, PoolRecoversAfterServerRestart) {
  const char* dir = std::getenv("HEADWAY_TEST_POSTGRES_DIR");
  if (!dir) {
    if (postgres_required()) FAIL() << "HEADWAY_TEST_POSTGRES_DIR is not set";
    GTEST_SKIP() << "HEADWAY_TEST_POSTGRES_DIR is not set";
  }
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
