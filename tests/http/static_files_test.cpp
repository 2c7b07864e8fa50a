// The web UI's files as `headway serve` answers them: types, caching, CSP and the app fallback.
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace headway::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("headway-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><title>Headway</title>");
    write("assets/index-3f2a.js", "console.log(1)");
    write("assets/index-3f2a.css", "body{}");
    write("favicon.svg", "<svg/>");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& rel, const std::string& text) { std::ofstream(root_ / rel) << text; }
  static Request get(std::string path, std::string method = "GET") {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    return r;
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypeCachingAndPolicy) {
  const StaticFiles files(root_.string());
  EXPECT_EQ(files.files(), 4u);
  struct Case {
    std::string path, type, cache, body;
  };
  for (const Case& c : std::vector<Case>{
           {"/", "text/html; charset=utf-8", "no-cache", "<!doctype html><title>Headway</title>"},
           {"/index.html", "text/html; charset=utf-8", "no-cache", "<!doctype html><title>Headway</title>"},
           {"/assets/index-3f2a.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "console.log(1)"},
           {"/assets/index-3f2a.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable", "body{}"},
           {"/favicon.svg", "image/svg+xml", "no-cache", "<svg/>"},
           // App routes are the single page's: they get index.html.
           {"/today", "text/html; charset=utf-8", "no-cache", "<!doctype html><title>Headway</title>"},
           {"/goals/12", "text/html; charset=utf-8", "no-cache", "<!doctype html><title>Headway</title>"},
       }) {
    SCOPED_TRACE(c.path);
    const auto r = files.serve(get(c.path));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->header("Content-Type").value_or(""), c.type);
    EXPECT_EQ(r->header("Cache-Control").value_or(""), c.cache);
    EXPECT_EQ(r->body, c.body);
    const std::string csp(r->header("Content-Security-Policy").value_or(""));
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  }
}

TEST_F(StaticFilesTest, LeavesApiPathsMissingFilesAndOtherMethodsAlone) {
  const StaticFiles files(root_.string());
  for (const std::string path : {"/api/v1/goals", "/api/v1/nothing", "/assets/missing.js", "/robots.txt"}) {
    SCOPED_TRACE(path);
    EXPECT_FALSE(files.serve(get(path)).has_value());
  }
  EXPECT_FALSE(files.serve(get("/", "POST")).has_value());
  EXPECT_TRUE(files.serve(get("/", "HEAD")).has_value());
  // Only loaded files are ever answered: a path that climbs out of the root is not read from disk.
  const auto climb = files.serve(get("/../../etc/passwd"));
  if (climb) {
    EXPECT_EQ(climb->body, "<!doctype html><title>Headway</title>");
  }
  EXPECT_FALSE(files.serve(get("/../../etc/hosts.txt")).has_value());
}

TEST_F(StaticFilesTest, WithoutABuiltUiAppPathsSayHowToBuildIt) {
  const StaticFiles files((root_ / "missing").string());
  EXPECT_EQ(files.files(), 0u);
  const auto r = files.serve(get("/"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("not built"), std::string::npos);
  EXPECT_FALSE(files.serve(get("/app.js")).has_value());
}

}  // namespace
}  // namespace headway::http
