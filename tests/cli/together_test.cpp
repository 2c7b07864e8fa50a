// Circles, pledges and notifications from the command line, with several accounts of one shared
// database acting through `--as EMAIL` (password on stdin): invites and joins, a shared win with
// kudos in the feed, a pledge that the third signature activates, withdrawing, strangers seeing
// nothing, a wrong password, and bad input that names its field and changes nothing.
#include <regex>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kAlex = "alex@example.org";  // the local profile's account
constexpr const char* kSam = "sam@example.org";
constexpr const char* kKim = "kim@example.org";
constexpr const char* kLee = "lee@example.org";    // has an account, in no circle

RunOptions password(const std::string& pw = kPassword) {
  RunOptions o;
  o.stdin_text = pw + "\n";
  return o;
}

// headway ARGS --as EMAIL, the password on stdin.
RunResult as(const Headway& hw, const std::string& email, std::vector<std::string> args, const std::string& pw = kPassword) {
  args.push_back("--as");
  args.push_back(email);
  return hw(args, password(pw));
}

RunResult must(const RunResult& r, const std::string& what) {
  EXPECT_EQ(r.code, 0) << what << " -> " << r;
  return r;
}

// headway ARGS [--as EMAIL] --format json, which must succeed.
json json_as(const Headway& hw, const std::string& email, std::vector<std::string> args) {
  args.push_back("--format");
  args.push_back("json");
  const auto r = email.empty() ? hw(args) : as(hw, email, args);
  EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
  return parse_json(r.out);
}

std::string id_of(const json& j) { return std::to_string(j.at("id").get<int64_t>()); }

// The kinds and objects of someone's notifications.
std::vector<std::pair<std::string, int64_t>> notifications_of(const Headway& hw, const std::string& email) {
  std::vector<std::pair<std::string, int64_t>> out;
  const json page = json_as(hw, email, {"notifications"});
  for (const auto& n : page["notifications"])
    out.emplace_back(n["kind"].get<std::string>(), n["object_id"].get<int64_t>());
  return out;
}

// How many of them are of this kind, about this object.
long count_of(const std::vector<std::pair<std::string, int64_t>>& told, const std::string& kind, const std::string& id) {
  return std::count(told.begin(), told.end(), std::make_pair(kind, static_cast<int64_t>(std::stoll(id))));
}

// A shared database: Alex's local profile is also the account alex@; Sam, Kim and Lee have
// accounts. Alex owns a circle that Sam and Kim joined, and has a win; Sam proposed a pledge.
struct World {
  std::string circle, code, win, pledge;
};

World& world_ids() {
  static World w;
  return w;
}

const Template& world() {
  static const Template t([](Headway& hw) {
    World& w = world_ids();
    ASSERT_EQ(hw({"init", "--name", "Alex Test", "--timezone", "Europe/Berlin", "--email", kAlex}).code, 0);
    for (const char* email : {kAlex, kSam, kKim, kLee})
      must(hw({"user", "add", "--email", email}, password()), std::string("user add ") + email);
    w.win = id_of(hw.json_of({"win", "Left at 17:30 and walked home"}));
    const json circle = hw.json_of({"circle", "create", "--name", "Leaving on time", "--purpose", "Evenings back"});
    w.circle = id_of(circle);
    w.code = hw.json_of({"circle", "invite", w.circle})["code"].get<std::string>();
    for (const char* email : {kSam, kKim}) must(as(hw, email, {"circle", "join", w.code}), "join");
    w.pledge = id_of(json_as(hw, kSam, {"pledge", "propose", "--circle", w.circle, "--text",
                                        "No e-mail after 19:00 on weekdays", "--threshold", "3"}));
  });
  return t;
}

class Together : public ::testing::Test {
 protected:
  void SetUp() override {
    hw_.adopt(world().dir());
    w_ = world_ids();
    ASSERT_FALSE(w_.pledge.empty()) << "the shared world was not made";
  }
  Headway hw_;
  World w_;
};

TEST_F(Together, InviteJoinShareAndKudosInTheFeed) {
  EXPECT_TRUE(std::regex_match(w_.code, std::regex("hwc_[A-Za-z0-9_-]{43}"))) << w_.code;
  const json shown = json_as(hw_, kSam, {"circle", "show", w_.circle});
  EXPECT_EQ(shown["name"], "Leaving on time");
  EXPECT_EQ(shown["members"], 3);
  EXPECT_EQ(shown["owner"], false);
  ASSERT_EQ(shown["member_list"].size(), 3u) << shown;
  EXPECT_EQ(shown["member_list"][0]["owner"], true);
  EXPECT_EQ(shown["member_list"][1]["you"], true) << "Sam joined second";

  must(hw_({"circle", "share", w_.circle, "--win", w_.win}), "share");
  const auto sent = must(as(hw_, kSam, {"circle", "kudos", w_.circle, "--win", w_.win, "--emoji", "🎉", "--message",
                                        "Well done"}),
                         "kudos");
  EXPECT_TRUE(contains(sent.out, "🎉")) << sent;

  const json feed = json_as(hw_, kKim, {"circle", "feed", w_.circle});
  ASSERT_EQ(feed["entries"].size(), 1u) << feed;
  const json& e = feed["entries"][0];
  EXPECT_EQ(std::to_string(e["win_id"].get<int64_t>()), w_.win);
  EXPECT_EQ(e["author"], "Alex Test");
  EXPECT_EQ(e["mine"], false);
  EXPECT_EQ(e["text"], "Left at 17:30 and walked home");
  ASSERT_EQ(e["kudos"].size(), 1u) << feed;
  EXPECT_EQ(e["kudos"][0]["from"], "sam");
  EXPECT_EQ(e["kudos"][0]["emoji"], "🎉");
  EXPECT_TRUE(feed["next"].is_null());

  const auto text = must(as(hw_, kKim, {"circle", "feed", w_.circle}), "feed");
  EXPECT_TRUE(contains(text.out, "Left at 17:30 and walked home")) << text;
  EXPECT_TRUE(contains(text.out, "🎉 sam: Well done")) << text;

  // A page of one entry names the command for the next page.
  const std::string win2 = id_of(hw_.json_of({"win", "Lunch away from the desk"}));
  must(hw_({"circle", "share", w_.circle, "--win", win2}), "share second");
  const json page = json_as(hw_, kSam, {"circle", "feed", w_.circle, "--limit", "1"});
  ASSERT_EQ(page["entries"].size(), 1u);
  ASSERT_TRUE(page["next"].is_string()) << page;
  const json rest = json_as(hw_, kSam, {"circle", "feed", w_.circle, "--limit", "1", "--cursor", page["next"]});
  ASSERT_EQ(rest["entries"].size(), 1u) << rest;
  EXPECT_EQ(std::to_string(rest["entries"][0]["win_id"].get<int64_t>()), w_.win);

  // Alex was told about both joins and the kudos.
  const auto told = notifications_of(hw_, kAlex);
  EXPECT_EQ(count_of(told, "kudos", w_.win), 1);
  EXPECT_EQ(count_of(told, "circle_joined", w_.circle), 2);
  const auto read = must(hw_({"notifications", "read", "--all"}), "read all");
  EXPECT_TRUE(contains(read.out, "Marked 3 notifications read.")) << read;
  EXPECT_EQ(json_as(hw_, "", {"notifications", "--unread"})["notifications"].size(), 0u);

  // Unsharing takes the win and its kudos out of the feed.
  must(hw_({"circle", "unshare", w_.circle, "--win", w_.win}), "unshare");
  const json after = json_as(hw_, kKim, {"circle", "feed", w_.circle});
  ASSERT_EQ(after["entries"].size(), 1u) << after;
  EXPECT_EQ(std::to_string(after["entries"][0]["win_id"].get<int64_t>()), win2);
}

TEST_F(Together, TheThirdSignatureActivatesAPledgeAndTellsEverySigner) {
  const json proposed = json_as(hw_, kSam, {"pledge", "show", w_.pledge});
  EXPECT_EQ(proposed["status"], "collecting");
  EXPECT_EQ(proposed["signers"], 0) << "the author is not counted until they sign";
  EXPECT_EQ(proposed["mine"], true);

  const auto first = must(hw_({"pledge", "sign", w_.pledge}), "Alex signs");
  EXPECT_TRUE(contains(first.out, "1 of 3 signed")) << first;
  const auto second = must(as(hw_, kSam, {"pledge", "sign", w_.pledge}), "Sam signs");
  EXPECT_TRUE(contains(second.out, "2 of 3 signed")) << second;

  // While collecting, Kim sees how many signed, never who.
  for (const auto& args : {std::vector<std::string>{"pledge", "show", w_.pledge},
                           std::vector<std::string>{"pledge", "list", "--circle", w_.circle}}) {
    const auto r = must(as(hw_, kKim, args), "Kim looks");
    EXPECT_TRUE(contains(r.out, "2 of 3 signed")) << r;
    for (const char* name : {"Alex", "sam", "kim"}) EXPECT_FALSE(contains(r.out, name)) << name << " in " << r;
  }

  const json active = json_as(hw_, kKim, {"pledge", "sign", w_.pledge});
  EXPECT_EQ(active["status"], "active") << active;
  EXPECT_EQ(active["signers"], 3);
  EXPECT_EQ(active["signed_by_me"], true);
  EXPECT_EQ(active["activated_at"], kNow);

  for (const char* email : {kAlex, kSam, kKim}) {
    const auto told = notifications_of(hw_, email);
    EXPECT_EQ(count_of(told, "pledge_activated", w_.pledge), 1) << email;
  }
  EXPECT_EQ(notifications_of(hw_, kLee).size(), 0u);
  // Once active, nobody can withdraw.
  expect_refusal(as(hw_, kSam, {"pledge", "withdraw", w_.pledge}), "pledge: this pledge is active");

  // In text, the signature that activates a pledge says so; a later one joins an active pledge.
  const std::string two = id_of(json_as(hw_, kKim, {"pledge", "propose", "--circle", w_.circle, "--text",
                                                    "Lunch away from the desk", "--threshold", "2"}));
  must(hw_({"pledge", "sign", two}), "Alex signs the second");
  const auto activating = must(as(hw_, kSam, {"pledge", "sign", two}), "Sam activates");
  EXPECT_TRUE(contains(activating.out, "the pledge is active")) << activating;
  const auto late = must(as(hw_, kKim, {"pledge", "sign", two}), "Kim joins");
  EXPECT_TRUE(contains(late.out, "active already")) << late;
  const auto shown = must(as(hw_, kKim, {"pledge", "show", two}), "show");
  EXPECT_TRUE(contains(shown.out, "3 signed, active since " + std::string(kNow))) << shown;
}

TEST_F(Together, ASignerWithdrawsWhileCollecting) {
  must(as(hw_, kSam, {"pledge", "sign", w_.pledge}), "sign");
  EXPECT_EQ(json_as(hw_, kKim, {"pledge", "show", w_.pledge})["signers"], 1);
  const json after = json_as(hw_, kSam, {"pledge", "withdraw", w_.pledge});
  EXPECT_EQ(after["signers"], 0);
  EXPECT_EQ(after["signed_by_me"], false);
  EXPECT_EQ(after["status"], "collecting");
  const auto snap = hw_.snapshot();
  expect_refusal(as(hw_, kSam, {"pledge", "withdraw", w_.pledge}), "pledge: you have not signed");
  EXPECT_EQ(hw_.snapshot(), snap);
}

TEST_F(Together, LeavingAsksFirstAndTakesSignaturesAlong) {
  must(as(hw_, kKim, {"pledge", "sign", w_.pledge}), "sign");
  const auto snap = hw_.snapshot();
  const auto ask = must(as(hw_, kKim, {"circle", "leave", w_.circle}), "leave without --yes");
  EXPECT_TRUE(contains(ask.out, "Nothing changed")) << ask;
  EXPECT_EQ(hw_.snapshot(), snap);
  const json left = json_as(hw_, kKim, {"circle", "leave", w_.circle, "--yes"});
  EXPECT_EQ(left["left"], true);
  EXPECT_EQ(json_as(hw_, kSam, {"pledge", "show", w_.pledge})["signers"], 0);
  expect_refusal(as(hw_, kKim, {"circle", "show", w_.circle}), "no such circle");
}

TEST_F(Together, AStrangerFindsNeitherTheCircleNorItsPledges) {
  EXPECT_EQ(json_as(hw_, kLee, {"circle", "list"}).size(), 0u);
  const auto snap = hw_.snapshot();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"circle", "show", w_.circle},
           {"circle", "feed", w_.circle},
           {"circle", "invite", w_.circle},
           {"circle", "leave", w_.circle, "--yes"},
           {"circle", "kudos", w_.circle, "--win", w_.win, "--emoji", "🎉"},
           {"pledge", "list", "--circle", w_.circle},
           {"pledge", "propose", "--circle", w_.circle, "--text", "Sneaky", "--threshold", "2"}})
    expect_refusal(as(hw_, kLee, args), "no such circle");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"pledge", "show", w_.pledge}, {"pledge", "sign", w_.pledge}, {"pledge", "withdraw", w_.pledge}})
    expect_refusal(as(hw_, kLee, args), "no such pledge");
  // Another person's notification is not found either.
  const json alexs = json_as(hw_, kAlex, {"notifications"});
  ASSERT_FALSE(alexs["notifications"].empty());
  expect_refusal(as(hw_, kLee, {"notifications", "read", id_of(alexs["notifications"][0])}), "no such notification");
  EXPECT_EQ(hw_.snapshot(), snap);
}

TEST_F(Together, AWrongPasswordChangesNothingAndDoesNotSayWhetherTheAccountExists) {
  const auto snap = hw_.snapshot();
  const auto wrong = as(hw_, kSam, {"circle", "join", w_.code}, "not the password at all");
  expect_refusal(wrong, "email or password is wrong");
  const auto unknown = as(hw_, "nobody@example.org", {"circle", "join", w_.code});
  expect_refusal(unknown, "email or password is wrong");
  EXPECT_EQ(wrong.err, unknown.err) << "the answer must not tell the two apart";
  EXPECT_FALSE(contains(unknown.err, "nobody")) << unknown;
  const auto none = hw_({"pledge", "sign", w_.pledge, "--as", kSam});  // stdin is empty
  expect_refusal(none, "password");
  EXPECT_EQ(hw_.snapshot(), snap);
}

struct BadInput {
  std::string name;
  std::string email;  // act as this account; empty: the local profile
  std::vector<std::string> args;
  std::string mention;
};

std::ostream& operator<<(std::ostream& os, const BadInput& c) { return os << c.name; }

class TogetherRefused : public Together, public ::testing::WithParamInterface<BadInput> {};

// Placeholders in the arguments: {circle}, {code}, {win}, {pledge} from the shared world.
std::string fill(std::string arg, const World& w) {
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{circle}", w.circle},
                                   {"{code}", w.code}, {"{win}", w.win}, {"{pledge}", w.pledge}})
    if (arg == key) return value;
  return arg;
}

TEST_P(TogetherRefused, NamesTheFieldAndChangesNothing) {
  const auto& c = GetParam();
  must(as(hw_, kSam, {"pledge", "sign", w_.pledge}), "Sam signs first");
  const auto snap = hw_.snapshot();
  std::vector<std::string> args;
  for (const auto& a : c.args) args.push_back(fill(a, w_));
  const auto r = c.email.empty() ? hw_(args) : as(hw_, c.email, args);
  expect_refusal(r, c.mention);
  EXPECT_EQ(hw_.snapshot(), snap);
}

std::vector<std::string> propose(const std::string& text, const std::string& threshold,
                                 std::vector<std::string> more = {}) {
  std::vector<std::string> a{"pledge", "propose", "--circle", "{circle}", "--text", text, "--threshold", threshold};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TogetherRefused,
    ::testing::Values(
        BadInput{"threshold_one", kSam, propose("Leave by 18:00", "1"), "threshold"},
        BadInput{"past_deadline", kSam, propose("Leave by 18:00", "3", {"--deadline", "2026-11-01"}), "deadline"},
        BadInput{"bad_deadline", kSam, propose("Leave by 18:00", "3", {"--deadline", "next week"}), "deadline"},
        BadInput{"empty_text", kSam, propose("", "3"), "text"},
        BadInput{"oversize_text", kSam, propose(std::string(501, 'x'), "3"), "text"},
        BadInput{"unknown_boundary", kSam, propose("Leave by 18:00", "3", {"--boundary", "no-fun"}), "boundary_type"},
        BadInput{"unknown_code", kLee, {"circle", "join", "hwc_not-a-code-anyone-made"}, "code"},
        BadInput{"join_twice", kSam, {"circle", "join", "{code}"}, "code: you are already a member"},
        BadInput{"owner_joins_own", "", {"circle", "join", "{code}"}, "code: you are already a member"},
        BadInput{"duplicate_sign", kSam, {"pledge", "sign", "{pledge}"}, "pledge: you have already signed"},
        BadInput{"member_invites", kSam, {"circle", "invite", "{circle}"}, "owner"},
        BadInput{"invite_days", "", {"circle", "invite", "{circle}", "--days", "31"}, "days"},
        BadInput{"feed_limit", kSam, {"circle", "feed", "{circle}", "--limit", "0"}, "limit"},
        BadInput{"feed_cursor", kSam, {"circle", "feed", "{circle}", "--cursor", "yesterday"}, "cursor"},
        BadInput{"empty_name", "", {"circle", "create", "--name", ""}, "name"},
        BadInput{"kudos_unshared_win", kSam, {"circle", "kudos", "{circle}", "--win", "{win}", "--emoji", "🎉"},
                 "no such win in this circle"},
        BadInput{"kudos_not_emoji", kSam, {"circle", "kudos", "{circle}", "--win", "{win}", "--emoji", "yay"}, "emoji"},
        BadInput{"share_others_win", kSam, {"circle", "share", "{circle}", "--win", "{win}"}, "win: no such win"},
        BadInput{"read_without_id", kSam, {"notifications", "read"}, "id"},
        BadInput{"notifications_limit", kSam, {"notifications", "--limit", "201"}, "limit"}),
    [](const ::testing::TestParamInfo<BadInput>& i) { return i.param.name; });

}  // namespace
}  // namespace headway::cli_test
