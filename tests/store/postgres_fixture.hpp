#pragma once
// A fixture for PostgreSQL-specific tests: a fresh database with one person in it.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "postgres_backend.hpp"
#include "store/database.hpp"

namespace headway::store::testing {

class Postgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (postgres_admin_url().empty()) {
      if (postgres_required()) FAIL() << "HEADWAY_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "HEADWAY_TEST_POSTGRES_URL is not set";
    }
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

}  // namespace headway::store::testing
