// The route table: a parameter followed by a literal suffix inside one segment ("{token}.ics").
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace headway::http {
namespace {

Router feed_router() {
  Router r;
  r.add("GET", "/feed/{token}.ics", Access::open, [](Call&) -> Result<Response> { return Response{}; });
  r.add("GET", "/api/v1/goals/{id}", Access::member, [](Call&) -> Result<Response> { return Response{}; });
  return r;
}

TEST(Router, ParameterWithSuffixTakesWhatIsBeforeTheSuffix) {
  const Router r = feed_router();
  const auto m = r.match("GET", "/feed/hwf_abc-_9.ics");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/feed/{token}.ics");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"token", "hwf_abc-_9"}));
  // The suffix is only removed once.
  EXPECT_EQ(r.match("GET", "/feed/a.ics.ics").params.at(0).second, "a.ics");
  EXPECT_NE(r.match("HEAD", "/feed/a.ics").route, nullptr) << "HEAD is served by the GET route";
}

TEST(Router, ParameterWithSuffixNeedsTheSuffixAndSomethingBeforeIt) {
  const Router r = feed_router();
  for (const char* path : {"/feed/.ics", "/feed/abc", "/feed/abc.icsx", "/feed/abc.ICS", "/feed/abc.ics/", "/feed", "/feed/a/b.ics"}) {
    SCOPED_TRACE(path);
    const auto m = r.match("GET", path);
    EXPECT_EQ(m.route, nullptr);
    EXPECT_FALSE(m.path_known);
  }
  const auto post = r.match("POST", "/feed/abc.ics");
  EXPECT_EQ(post.route, nullptr);
  EXPECT_TRUE(post.path_known);
  EXPECT_EQ(post.allowed, "GET");
}

TEST(Router, PlainParametersStillMatchWholeSegments) {
  const Router r = feed_router();
  const auto m = r.match("GET", "/api/v1/goals/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at(0).second, "42");
  EXPECT_EQ(r.match("GET", "/api/v1/goals/").route, nullptr);
}

}  // namespace
}  // namespace headway::http
