// The harness itself: a test that cannot fail proves nothing, so check that the process runner
// and the database snapshot really see what they are meant to see.
#include "harness.hpp"

namespace headway::cli_test {
namespace {

TEST(Harness, SnapshotSeesEveryKindOfChange) {
  Headway hw;
  const DbSnapshot none = hw.snapshot();
  EXPECT_FALSE(none.exists);
  hw.init();
  const DbSnapshot empty = hw.snapshot();
  EXPECT_TRUE(empty.exists);
  EXPECT_EQ(empty.export_code, 0);
  EXPECT_NE(empty, none);
  EXPECT_EQ(empty.counts.at("people"), 1);

  // A read-only command changes nothing.
  ASSERT_EQ(hw({"report", "week"}).code, 0);
  EXPECT_EQ(hw.snapshot(), empty);

  // A new row changes the counts.
  ASSERT_EQ(hw({"checkin", "--off", "--stress", "2", "--energy", "4"}).code, 0);
  const DbSnapshot one = hw.snapshot();
  EXPECT_NE(one, empty);
  EXPECT_EQ(one.counts.at("checkins"), 1);

  // Changing one value in place keeps the counts but not the snapshot.
  ASSERT_EQ(hw({"checkin", "--off", "--stress", "3", "--energy", "4"}).code, 0);
  const DbSnapshot changed = hw.snapshot();
  EXPECT_EQ(changed.counts, one.counts);
  EXPECT_NE(changed.rows, one.rows);
  EXPECT_NE(changed, one);
}

TEST(Harness, CapturesLargeOutputOnBothStreamsAndExitCodes) {
  Headway hw;
  // Years of demo data export to more than a pipe buffer (64 KiB) holds.
  ASSERT_EQ(hw({"demo", "--days", "400"}).code, 0);
  const auto ex = hw({"export"});
  ASSERT_EQ(ex.code, 0) << ex;
  EXPECT_GT(ex.out.size(), 64u * 1024);
  EXPECT_EQ(parse_json(ex.out)["format"], "headway-export");
  // The shell shows both streams filling at once without a deadlock, and the exit code.
  const auto sh = spawn("/bin/sh", {"-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2; exit 7"},
                        {{"PATH", "/usr/bin:/bin"}}, std::nullopt);
  EXPECT_EQ(sh.code, 7);
  EXPECT_EQ(sh.out.size(), 300000u);
  EXPECT_EQ(sh.err.size(), 300000u);
}

TEST(Harness, StdinIsFedAndAChildThatIgnoresItDoesNotHang) {
  const auto cat = spawn("/bin/cat", {}, {}, std::string(1 << 20, 'x'));
  EXPECT_EQ(cat.code, 0);
  EXPECT_EQ(cat.out.size(), size_t{1} << 20);
  // `true` exits without reading a megabyte offered on stdin: no SIGPIPE for the runner.
  const auto t = spawn("/bin/true", {}, {}, std::string(1 << 20, 'x'));
  EXPECT_EQ(t.code, 0);
  // Without stdin_text the child reads /dev/null.
  const auto empty = spawn("/bin/cat", {}, {}, std::nullopt);
  EXPECT_EQ(empty.out, "");
}

TEST(Harness, EnvironmentIsPinnedAndPrivate) {
  Headway hw;
  const auto env = spawn("/usr/bin/env", {}, hw.base_env(), std::nullopt);
  EXPECT_TRUE(contains(env.out, std::string("HEADWAY_NOW=") + kNow)) << env;
  EXPECT_TRUE(contains(env.out, "NO_COLOR=1")) << env;
  EXPECT_TRUE(contains(env.out, "HOME=" + hw.home().str())) << env;
  EXPECT_FALSE(contains(env.out, "HEADWAY_DATA_DIR")) << "nothing leaks in from the runner's environment";
  EXPECT_FALSE(contains(env.out, "HEADWAY_DATABASE")) << "nothing leaks in from the runner's environment";
}

// The suite really runs on the backend it was asked for: on PostgreSQL nothing is written to the
// data directory (the data is in the server's database), on SQLite the file holds it.
TEST(Harness, RunsOnTheChosenBackend) {
  Headway hw;
  EXPECT_FALSE(hw.has_database());
  hw.init();
  EXPECT_TRUE(hw.has_database());
  EXPECT_EQ(fs::exists(hw.db_path()), !on_postgres()) << "backend " << backend_name();
  if (on_postgres()) {
    EXPECT_FALSE(fs::exists(hw.data_dir())) << "PostgreSQL data left a directory behind";
    EXPECT_EQ(hw.database_url(hw.data_dir()).rfind("postgresql://", 0), 0u);
    EXPECT_TRUE(contains(hw.database_url(hw.data_dir()), "/hw_cli_"));
  }
  EXPECT_EQ(hw.tables_of(hw.data_dir()).counts.at("people"), 1);
}

// Each data directory has its own database; adopt copies one, and the copy is independent.
TEST(Harness, EachDataDirectoryHasItsOwnDatabase) {
  Headway hw;
  hw.init("Asia/Tokyo");
  const fs::path other = hw.home().path() / "other";
  EXPECT_FALSE(hw.snapshot_of(other).exists);
  const auto r = hw.in(other, {"init", "--name", "Other", "--timezone", "UTC"});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_EQ(hw.json_in(other, {"profile", "show"})["name"], "Other");
  EXPECT_EQ(hw.json_of({"profile", "show"})["name"], "Alex Test");
  if (on_postgres()) {
    EXPECT_NE(hw.database_url(other), hw.database_url(hw.data_dir()));
  }

  // A copy of this directory, in another Headway, holds the same data...
  ASSERT_EQ(hw({"win", "Copied along"}).code, 0);
  const DbSnapshot original = hw.snapshot();
  Headway copy;
  copy.adopt(hw.data_dir());
  EXPECT_EQ(copy.snapshot(), original);
  // ...and changes to the copy leave the original alone.
  ASSERT_EQ(copy({"win", "Only in the copy"}).code, 0);
  EXPECT_EQ(copy.snapshot().counts.at("wins"), 2);
  EXPECT_EQ(hw.snapshot(), original);
  // Adopting a directory without a database leaves none.
  copy.adopt(hw.home().path() / "never-used");
  EXPECT_FALSE(copy.has_database());
  expect_refusal(copy({"profile", "show"}), "");
}

}  // namespace
}  // namespace headway::cli_test
