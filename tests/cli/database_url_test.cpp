// Choosing the database by URL from the command line: every kind of bad URL gets one clear line,
// exit code 2, and never the password. The server cases use the test PostgreSQL server.
#include <gtest/gtest.h>

#include <cstdlib>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

std::string admin_url() {
  const char* url = std::getenv("HEADWAY_TEST_POSTGRES_URL");
  return url ? url : "";
}

void expect_clear_refusal(const RunResult& r, const std::string& mention) {
  expect_refusal(r, mention);
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << "the password was echoed: " << r;
}

TEST(DatabaseUrl, UnknownSchemeAndUnreachableServer) {
  Headway hw;
  for (const char* flag_or_env : {"flag", "env"}) {
    SCOPED_TRACE(flag_or_env);
    const auto run = [&](const std::string& url) {
      if (std::string(flag_or_env) == "flag") return hw.raw({"--database", url, "report", "week"});
      RunOptions opt;
      opt.env = {{"HEADWAY_DATABASE", url}};
      return hw.raw({"report", "week"}, opt);
    };
    expect_clear_refusal(run("mysql://me:s3cret@127.0.0.1/db"), "unknown database URL");
    expect_clear_refusal(run("postgresql://me:s3cret@127.0.0.1:1/db"), "Connection refused");
  }
}

TEST(DatabaseUrl, WrongPasswordAndMissingDatabaseOnARealServer) {
  const std::string admin = admin_url();
  if (admin.empty()) {
    const char* required = std::getenv("HEADWAY_TEST_REQUIRE_POSTGRES");
    if (required && *required && std::string(required) != "0") FAIL() << "HEADWAY_TEST_POSTGRES_URL is not set";
    GTEST_SKIP() << "HEADWAY_TEST_POSTGRES_URL is not set";
  }
  const auto at = admin.find('@');
  const auto colon = admin.rfind(':', at);
  Headway hw;
  const std::string wrong = admin.substr(0, colon + 1) + "s3cret-but-wrong" + admin.substr(at);
  expect_clear_refusal(hw.raw({"--database", wrong, "report", "week"}), "password authentication failed");
  const std::string missing = admin.substr(0, admin.rfind('/') + 1) + "no_such_headway_db";
  expect_clear_refusal(hw.raw({"--database", missing, "report", "week"}), "does not exist");
}

TEST(DatabaseUrl, SqliteUrlWorksLikeTheDataDirectory) {
  Headway hw;
  const std::string url = "sqlite://" + (hw.home().path() / "elsewhere.db").string();
  ASSERT_EQ(hw.raw({"--database", url, "init", "--name", "Kim", "--timezone", "Europe/Oslo"}).code, 0);
  const auto shown = hw.raw({"--database", url, "profile", "show", "--format", "json"});
  ASSERT_EQ(shown.code, 0) << shown;
  EXPECT_EQ(parse_json(shown.out)["timezone"], "Europe/Oslo");
}

}  // namespace
}  // namespace headway::cli_test
