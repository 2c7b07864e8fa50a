// The calendar feed from the command line: `feed create/show/reminder/revoke/ics`, a new link
// replacing the old one, the token stored only as a hash (and never exported), and bad input.
#include <regex>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

RunResult must(const Headway& hw, const std::vector<std::string>& args, const RunOptions& opt = {}) {
  auto r = hw(args, opt);
  EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
  return r;
}

// The first feed token in a text ("hwf_" and 43 base64url characters).
std::string token_in(const std::string& text) {
  std::smatch m;
  static const std::regex kToken("hwf_[A-Za-z0-9_-]{43}");
  return std::regex_search(text, m, kToken) ? m.str() : "";
}

// The 64-hex-digit hash stored in the calendar_feeds table, whatever the backend's row rendering.
std::string stored_hash(const Headway& hw) {
  const auto rows = hw.tables_of(hw.data_dir()).rows;
  const auto it = rows.find("calendar_feeds");
  if (it == rows.end()) return "";
  std::smatch m;
  static const std::regex kHash("[0-9a-f]{64}");
  return std::regex_search(it->second, m, kHash) ? m.str() : "";
}

void setup(const Headway& hw) {
  hw.init();
  must(hw, {"boundary", "add", "--type", "no-messages-after", "--time", "19:00"});
  must(hw, {"boundary", "add", "--type", "no-weekend-work"});
  must(hw, {"checkin", "--start", "09:00", "--end", "17:00", "--stress", "3", "--energy", "3", "--note",
            "PRIVATE-NOTE-0d4e"});
}

TEST(CalendarFeed, CreateShowReminderRotateRevoke) {
  Headway hw;
  setup(hw);
  EXPECT_TRUE(contains(must(hw, {"feed", "show"}).out, "No calendar feed")) << "nothing yet";
  EXPECT_EQ(hw.json_of({"feed", "show"}), json({{"exists", false}}));

  const auto made = must(hw, {"feed", "create", "--reminder", "18:15"});
  const std::string token = token_in(made.out);
  ASSERT_FALSE(token.empty()) << made;
  EXPECT_TRUE(contains(made.out, "path:  /feed/" + token + ".ics")) << made;
  EXPECT_TRUE(contains(made.out, "18:15")) << made;
  EXPECT_FALSE(contains(made.out, "URL:")) << "no URL without --public-url";

  // Only the hash is stored; it is not the token, and neither is in the export.
  const std::string hash = stored_hash(hw);
  ASSERT_EQ(hash.size(), 64u);
  const DbSnapshot snap = hw.snapshot();
  for (const auto& [table, rows] : snap.rows) EXPECT_FALSE(contains(rows, token)) << table << " holds the token";
  EXPECT_FALSE(contains(snap.export_json, hash)) << "the export holds the token's hash";
  EXPECT_FALSE(contains(snap.export_json, token));

  const json shown = hw.json_of({"feed", "show"});
  EXPECT_EQ(shown, json({{"exists", true}, {"created_at", kNow}, {"reminder", "18:15"}}));
  EXPECT_TRUE(contains(must(hw, {"feed", "show"}).out, "reminder at 18:15"));

  // The document a subscriber gets: the person's zone, the blocks, the reminder with its alarm.
  const std::string ics = must(hw, {"feed", "ics"}).out;
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u) << ics.substr(0, 200);
  EXPECT_TRUE(contains(ics, "END:VCALENDAR\r\n"));
  EXPECT_TRUE(contains(ics, "DTSTART;TZID=Europe/Berlin:20261125T181500")) << ics;
  EXPECT_TRUE(contains(ics, "BEGIN:VALARM"));
  EXPECT_TRUE(contains(ics, "SUMMARY:Protected: no messages"));
  EXPECT_TRUE(contains(ics, "SUMMARY:Protected: weekend"));
  EXPECT_FALSE(contains(ics, "PRIVATE-NOTE-0d4e")) << "check-in notes never go into the feed";

  const json later = hw.json_of({"feed", "reminder", "07:30"});
  EXPECT_EQ(later["reminder"], "07:30");
  EXPECT_TRUE(contains(must(hw, {"feed", "ics"}).out, "DTSTART;TZID=Europe/Berlin:20261125T073000"));

  // A new link: another token and hash, the same reminder, the URL from --public-url.
  const json again = hw.json_of({"feed", "create", "--public-url", "https://headway.example.org/"});
  const std::string second = again["token"].get<std::string>();
  EXPECT_NE(second, token);
  EXPECT_EQ(token_in(second), second);
  EXPECT_EQ(again["path"], "/feed/" + second + ".ics");
  EXPECT_EQ(again["url"], "https://headway.example.org/feed/" + second + ".ics");
  EXPECT_EQ(again["reminder"], "07:30");
  EXPECT_EQ(again["created_at"], kNow);
  EXPECT_NE(stored_hash(hw), hash) << "the old token's hash is gone";
  EXPECT_EQ(hw.tables_of(hw.data_dir()).counts.at("calendar_feeds"), 1);

  // HEADWAY_PUBLIC_URL does the same as the flag.
  const auto env = must(hw, {"feed", "create"}, RunOptions{{{"HEADWAY_PUBLIC_URL", "http://localhost:8080"}}, {}});
  EXPECT_TRUE(contains(env.out, "URL:   http://localhost:8080/feed/" + token_in(env.out) + ".ics")) << env;

  EXPECT_TRUE(contains(must(hw, {"feed", "revoke"}).out, "turned off"));
  EXPECT_EQ(hw.tables_of(hw.data_dir()).counts.at("calendar_feeds"), 0);
  EXPECT_TRUE(contains(must(hw, {"feed", "show"}).out, "No calendar feed"));
  expect_refusal(hw({"feed", "revoke"}), "no calendar feed");
  // Without a feed, `feed ics` still shows what one would serve, with the default reminder.
  EXPECT_TRUE(contains(must(hw, {"feed", "ics"}).out, "DTSTART;TZID=Europe/Berlin:20261125T173000"));
}

TEST(CalendarFeed, BadInputNamesTheFieldAndChangesNothing) {
  Headway hw;
  setup(hw);
  const DbSnapshot empty = hw.snapshot();
  for (const char* bad : {"25:00", "6pm", "18:60", "", "18.00"}) {
    SCOPED_TRACE(bad);
    const auto r = hw({"feed", "create", "--reminder", bad});
    expect_refusal(r, "reminder");
    EXPECT_EQ(r.out, "");
  }
  expect_refusal(hw({"feed", "create", "--public-url", "ftp://example.org"}), "public-url");
  expect_refusal(hw({"feed", "reminder", "18:00"}), "no calendar feed");
  EXPECT_EQ(hw.snapshot(), empty) << "a refused command changed the database";

  must(hw, {"feed", "create", "--reminder", "18:00"});
  const DbSnapshot with_feed = hw.snapshot();
  expect_refusal(hw({"feed", "reminder", "7pm"}), "reminder");
  expect_refusal(hw({"feed", "reminder", "24:00"}), "reminder");
  expect_refusal(hw({"feed", "create", "--reminder", "99:99"}), "reminder");
  EXPECT_EQ(hw.snapshot(), with_feed) << "a refused command changed the feed";
  expect_refusal(hw({"feed", "reminder"}), "time");
  expect_refusal(hw({"feed"}), "");
}

TEST(CalendarFeed, NeedsAProfile) {
  Headway hw;
  const auto r = hw({"feed", "create"});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace headway::cli_test
