// SQLite-only behaviour: safe opening of foreign files, WAL, migrations, backup and concurrency.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <latch>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "conformance.hpp"

namespace headway::store::testing {
namespace {

namespace fs = std::filesystem;
using core::Id;

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::set<std::string> files_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) out.insert(entry.path().filename().string());
  return out;
}

class SqliteTest : public ::testing::Test {
 protected:
  // Runs SQL through the sqlite3 command-line tool, which stands in for another application.
  // Returns what it printed, or nullopt when it failed.
  std::optional<std::string> sqlite_cli(const std::string& db, const std::string& sql) {
    const std::string script = dir_.file("cli.sql"), out = dir_.file("cli.out");
    write_bytes(script, sql);
    const std::string command =
        "/usr/bin/sqlite3 -init /dev/null -batch -bail '" + db + "' < '" + script + "' > '" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    std::string printed = read_bytes(out);
    fs::remove(script);
    fs::remove(out);
    if (status != 0) {
      ADD_FAILURE() << "sqlite3 failed on " << sql << ": " << printed;
      return std::nullopt;
    }
    return printed;
  }

  std::unique_ptr<Database> open(const SqliteOptions& options = {}) {
    auto db = open_sqlite(path_, options);
    if (!db) ADD_FAILURE() << "open_sqlite failed: " << db.error().message;
    return db ? std::move(*db) : nullptr;
  }

  // Creates a Headway database at path_ holding Ana, and closes it; returns Ana's id.
  Id create_with_ana() {
    auto db = open({.create = true});
    if (!db) return 0;
    auto id = with_write(*db, [](Transaction& tx) { return tx.insert_person(person("Ana")); });
    return must(id);
  }

  TempDir dir_;
  std::string path_ = dir_.file("headway.db");
};

// --- files that are not Headway databases ----------------------------------------------------------

TEST_F(SqliteTest, MissingFileWithoutCreateIsNotReadyAndIsNotCreated) {
  auto db = open_sqlite(path_, SqliteOptions{});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, ErrorCode::not_ready) << db.error().message;
  EXPECT_FALSE(fs::exists(path_));
  EXPECT_TRUE(files_in(dir_.path()).empty());
}

TEST_F(SqliteTest, FilesThatAreNotDatabasesAreCorruptAndLeftUntouched) {
  std::mt19937 rng(20260304);
  std::string random(4096, '\0');
  for (char& c : random) c = static_cast<char>(rng() & 0xff);
  struct Case {
    std::string name;
    std::string bytes;
  };
  const std::vector<Case> cases{
      {"text", "hello"},
      {"longer text", std::string(2000, 'x')},
      {"random bytes", random},
  };
  for (const Case& c : cases) {
    for (bool create : {false, true}) {
      SCOPED_TRACE(c.name + (create ? " with create" : " without create"));
      write_bytes(path_, c.bytes);
      auto db = open_sqlite(path_, SqliteOptions{.create = create});
      ASSERT_FALSE(db.has_value());
      EXPECT_EQ(db.error().code, ErrorCode::corrupt) << db.error().message;
      EXPECT_EQ(read_bytes(path_), c.bytes);
      EXPECT_EQ(files_in(dir_.path()), std::set<std::string>{"headway.db"});  // no -wal or -journal
    }
  }
}

TEST_F(SqliteTest, EmptyFileWithoutCreateIsCorruptAndLeftEmpty) {
  write_bytes(path_, "");
  auto db = open_sqlite(path_, SqliteOptions{});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, ErrorCode::corrupt) << db.error().message;
  EXPECT_EQ(fs::file_size(path_), 0u);
}

TEST_F(SqliteTest, DirectoryIsCorrupt) {
  fs::create_directory(path_);
  auto db = open_sqlite(path_, SqliteOptions{.create = true});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, ErrorCode::corrupt) << db.error().message;
}

TEST_F(SqliteTest, AnotherApplicationsDatabaseIsRefusedAndLeftUntouched) {
  ASSERT_TRUE(sqlite_cli(path_, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                "INSERT INTO notes VALUES (1, 'mine');"));
  const std::string before = read_bytes(path_);
  ASSERT_FALSE(before.empty());
  for (bool create : {false, true}) {
    SCOPED_TRACE(create ? "with create" : "without create");
    auto db = open_sqlite(path_, SqliteOptions{.create = create});
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::corrupt) << db.error().message;
    EXPECT_NE(db.error().message.find("another application"), std::string::npos) << db.error().message;
    EXPECT_EQ(read_bytes(path_), before);
    EXPECT_EQ(files_in(dir_.path()), std::set<std::string>{"headway.db"});
  }
  EXPECT_EQ(sqlite_cli(path_, "SELECT body FROM notes; PRAGMA journal_mode;"), "mine\ndelete\n");
}

TEST_F(SqliteTest, DamagedHeadwayDatabaseIsCorruptAndLeftUntouched) {
  ASSERT_NE(create_with_ana(), 0);
  const std::string good = read_bytes(path_);
  ASSERT_GT(good.size(), 8192u);
  std::string garbled = good;  // the 100-byte header intact, every page after it overwritten
  for (size_t i = 100; i < garbled.size(); ++i) garbled[i] = static_cast<char>(i * 31 + 7);
  struct Case {
    std::string name;
    std::string bytes;
  };
  const std::vector<Case> cases{
      {"truncated to its first page", good.substr(0, 4096)},
      {"garbled after the header", garbled},
      {"a SQLite header and garbage", std::string("SQLite format 3\0", 16) + std::string(5000, 'Z')},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    write_bytes(path_, c.bytes);
    auto db = open_sqlite(path_, SqliteOptions{});
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::corrupt) << db.error().message;
    EXPECT_EQ(read_bytes(path_), c.bytes);
  }
}

// --- Headway databases -----------------------------------------------------------------------------

TEST_F(SqliteTest, ReopeningKeepsTheData) {
  int version = 0;
  Id ana = 0;
  {
    auto db = open({.create = true});
    ASSERT_NE(db, nullptr);
    version = must(db->schema_version());
    ana = must(with_write(*db, [](Transaction& tx) -> Result<Id> {
      HW_CHECK(tx.set_setting("instance", "home"));
      return tx.insert_person(person("Ana"));
    }));
  }
  auto db = open();  // without create: the file must be there
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(must(db->schema_version()), version);
  auto tx = must(db->begin(false));
  EXPECT_EQ(show(must(tx->find_person(ana))), show(std::optional(with_id(person("Ana"), ana))));
  EXPECT_EQ(must(tx->get_setting("instance")), "home");
}

TEST_F(SqliteTest, DatabaseIsInWalMode) {
  ASSERT_NE(create_with_ana(), 0);
  EXPECT_EQ(sqlite_cli(path_, "PRAGMA journal_mode;"), "wal\n");
}

TEST_F(SqliteTest, SchemaNewerThanThisBinaryIsRefused) {
  ASSERT_NE(create_with_ana(), 0);
  ASSERT_TRUE(sqlite_cli(path_, "INSERT INTO schema_migrations (version, name, applied_at) "
                                "VALUES (999, '999_future.sql', 0);"));
  auto db = open_sqlite(path_, SqliteOptions{});
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, ErrorCode::conflict) << db.error().message;
  EXPECT_NE(db.error().message.find("newer"), std::string::npos) << db.error().message;
  EXPECT_EQ(sqlite_cli(path_, "SELECT count(*) FROM people;"), "1\n");  // nothing was dropped or redone
}

// --- backup ----------------------------------------------------------------------------------------

TEST_F(SqliteTest, BackupOfALiveDatabaseHoldsTheSameData) {
  const std::string target = dir_.file("backup.db");
  auto db = open({.create = true});
  ASSERT_NE(db, nullptr);
  std::vector<core::Person> people;
  std::vector<std::pair<std::string, int64_t>> counts;
  must(with_write(*db, [](Transaction& tx) -> Result<void> {
    const Id ana = HW_TRY(tx.insert_person(person("Ana")));
    HW_CHECK(tx.upsert_checkin(checkin(ana, kDay)));
    HW_CHECK(tx.insert_win(win(ana, kDay, "backed up")));
    return tx.set_setting("instance", "home");
  }));
  must(with_read(*db, [&](Transaction& tx) -> Result<void> {
    people = HW_TRY(tx.list_people());
    counts = HW_TRY(tx.table_counts());
    return {};
  }));

  ASSERT_TRUE(backup_sqlite(path_, target)) << "while the source is open";
  // A write after the backup must not reach it.
  must(with_write(*db, [](Transaction& tx) { return tx.insert_person(person("After")); }));

  auto copy = open_sqlite(target, SqliteOptions{});
  ASSERT_TRUE(copy.has_value()) << copy.error().message;
  auto tx = must((*copy)->begin(false));
  EXPECT_EQ(show(must(tx->list_people())), show(people));
  EXPECT_EQ(must(tx->table_counts()), counts);
  EXPECT_EQ(must(tx->get_setting("instance")), "home");
}

TEST_F(SqliteTest, BackupRefusesAnExistingTarget) {
  ASSERT_NE(create_with_ana(), 0);
  const std::string target = dir_.file("backup.db");
  write_bytes(target, "keep me");
  auto r = backup_sqlite(path_, target);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::conflict) << r.error().message;
  EXPECT_EQ(read_bytes(target), "keep me");
}

TEST_F(SqliteTest, BackupOfAMissingDatabaseCreatesNoTarget) {
  const std::string target = dir_.file("backup.db");
  auto r = backup_sqlite(path_, target);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::not_ready) << r.error().message;
  EXPECT_FALSE(fs::exists(target));
}

// --- several connections ---------------------------------------------------------------------------

TEST_F(SqliteTest, AnotherConnectionSeesOnlyCommittedWrites) {
  ASSERT_NE(create_with_ana(), 0);
  auto writer = open();
  auto reader = open();
  ASSERT_TRUE(writer && reader);
  auto people = [&] { return must(with_read(*reader, [](Transaction& tx) { return tx.list_people(); })).size(); };

  auto tx = must(writer->begin(true));
  must(tx->insert_person(person("Bob")));
  EXPECT_EQ(people(), 1u) << "an uncommitted insert was visible to another connection";
  must(tx->commit());
  EXPECT_EQ(people(), 2u);
}

TEST_F(SqliteTest, ConcurrentUpsertsOfOneDayLeaveOneWrittenRow) {
  const Id ana = create_with_ana();
  ASSERT_NE(ana, 0);
  constexpr int kThreads = 4, kWrites = 50;
  // Each write is told apart by its note and carries values derived from it.
  const auto written = [ana](int thread, int i) {
    core::CheckIn c = checkin(ana, kDay);
    c.note = "thread " + std::to_string(thread) + " write " + std::to_string(i);
    c.worked_minutes = thread * 1000 + i;
    c.stress = 1 + (thread + i) % 5;
    c.energy = 1 + i % 5;
    c.after_hours = i % 2 ? std::optional<int>(i) : std::nullopt;
    c.updated_at = kCreated + i;
    return c;
  };

  std::mutex mutex;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto report = [&](const std::string& what) {
        std::lock_guard lock(mutex);
        errors.push_back("thread " + std::to_string(t) + ": " + what);
      };
      auto db = open_sqlite(path_, SqliteOptions{});
      if (!db) return report("open: " + db.error().message);
      for (int i = 0; i < kWrites; ++i) {
        auto r = with_write(**db, [&](Transaction& tx) { return tx.upsert_checkin(written(t, i)); });
        if (!r) report("write " + std::to_string(i) + ": " + r.error().message);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);

  auto db = open();
  ASSERT_NE(db, nullptr);
  const auto rows = must(with_read(*db, [&](Transaction& tx) { return tx.list_checkins(ana, kEver, kNever); }));
  ASSERT_EQ(rows.size(), 1u);
  int thread = -1, i = -1;
  ASSERT_EQ(std::sscanf(rows[0].note.c_str(), "thread %d write %d", &thread, &i), 2) << rows[0].note;
  ASSERT_TRUE(thread >= 0 && thread < kThreads && i >= 0 && i < kWrites) << rows[0].note;
  EXPECT_EQ(show(rows[0]), show(written(thread, i)));
  EXPECT_EQ(i, kWrites - 1) << "the last commit is some thread's last write";
}

TEST_F(SqliteTest, ConcurrentFirstOpensWithCreateAllSucceed) {
  // The race needs the threads to meet inside open_sqlite, so it is tried on several fresh files.
  constexpr int kRounds = 25, kThreads = 4;
  std::mutex mutex;
  std::vector<std::string> errors;
  for (int round = 0; round < kRounds; ++round) {
    const std::string path = dir_.file("fresh-" + std::to_string(round) + ".db");
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        start.arrive_and_wait();
        auto db = open_sqlite(path, SqliteOptions{.create = true});
        if (db) return;
        std::lock_guard lock(mutex);
        errors.push_back(std::string(to_string(db.error().code)) + ": " + db.error().message);
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
}

}  // namespace
}  // namespace headway::store::testing
