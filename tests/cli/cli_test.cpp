// The CLI as a whole: --help everywhere, exit codes and error shape, and JSON output that
// always parses.
#include <set>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

// The subcommand names listed in a help text's "Subcommands:" section.
std::vector<std::string> subcommands_in(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream in(help);
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "Subcommands:") {
      in_section = true;
      continue;
    }
    if (!in_section) continue;
    if (line.empty()) break;
    // "  name   description"; deeper indentation continues a description.
    if (line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ')
      out.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return out;
}

struct Command {
  std::vector<std::string> path;  // e.g. {"goal", "add"}
  std::string help;
  bool leaf = true;
};

// Walks the whole command tree through --help.
std::vector<Command> all_commands(const Headway& hw) {
  std::vector<Command> out;
  std::vector<std::vector<std::string>> todo{{}};
  while (!todo.empty()) {
    auto path = todo.back();
    todo.pop_back();
    auto args = path;
    args.push_back("--help");
    const auto r = hw.raw(args);
    EXPECT_EQ(r.code, 0) << ::testing::PrintToString(args) << " -> " << r;
    const auto subs = subcommands_in(r.out);
    out.push_back({path, r.out, subs.empty()});
    for (const auto& s : subs) {
      auto child = path;
      child.push_back(s);
      todo.push_back(child);
    }
  }
  return out;
}

std::string name_of(const std::vector<std::string>& path) {
  std::string s;
  for (const auto& p : path) s += (s.empty() ? "" : " ") + p;
  return s.empty() ? "(top level)" : s;
}

TEST(Help, EveryCommandAndSubcommandHasHelp) {
  Headway hw;
  const auto commands = all_commands(hw);
  std::set<std::string> names;
  for (const auto& c : commands) {
    SCOPED_TRACE(name_of(c.path));
    names.insert(name_of(c.path));
    EXPECT_TRUE(contains(c.help, "Usage")) << c.help;
    EXPECT_TRUE(contains(c.help, "headway")) << c.help;
    EXPECT_EQ(c.leaf, !contains(c.help, "Subcommands:")) << c.help;
  }
  // The walk must have found the commands the design promises (so the walk itself can fail).
  for (const char* expected : {"init",
                               "profile show",
                               "profile set",
                               "value add",
                               "value list",
                               "value rank",
                               "value remove",
                               "value catalogue",
                               "motivation set",
                               "motivation catalyst add",
                               "motivation show",
                               "goal add",
                               "goal list",
                               "goal show",
                               "goal done",
                               "goal stage",
                               "goal slip",
                               "goal archive",
                               "boundary add",
                               "boundary list",
                               "boundary check",
                               "boundary remove",
                               "checkin",
                               "checkins",
                               "win",
                               "wins",
                               "reflect",
                               "assess",
                               "assessments",
                               "instruments",
                               "strategy suggest",
                               "strategy list",
                               "report week",
                               "export",
                               "import-data",
                               "import calendar",
                               "import activitywatch",
                               "import timewarrior",
                               "import list",
                               "import remove",
                               "signals",
                               "feed create",
                               "feed revoke",
                               "backup",
                               "demo"})
    EXPECT_TRUE(names.count(expected)) << "no help found for " << expected;
  // -h works as well as --help, and asking for help writes nothing anywhere.
  const auto h = hw.raw({"checkin", "-h"});
  EXPECT_EQ(h.code, 0) << h;
  EXPECT_TRUE(contains(h.out, "Usage")) << h;
  EXPECT_FALSE(fs::exists(hw.data_dir()));
  EXPECT_FALSE(fs::exists(hw.home().path() / "xdg"));
}

TEST(Help, VersionAndUsageErrors) {
  Headway hw;
  const auto v = hw.raw({"--version"});
  EXPECT_EQ(v.code, 0) << v;
  EXPECT_TRUE(contains(v.out, "headway")) << v;
  // No command, an unknown option, an unknown --format: exit 2 and one line on stderr.
  expect_refusal(hw.raw({}), "");
  expect_refusal(hw({"checkins", "--bogus"}), "--bogus");
  expect_refusal(hw({"checkins", "--format", "xml"}), "--format");
  EXPECT_FALSE(fs::exists(hw.data_dir()));
}

// Builds a data directory with one of everything, on top of the demo.
const Template& full_data() {
  static const Template t([](Headway& hw) {
    auto r = hw({"demo", "--days", "30"});
    ASSERT_EQ(r.code, 0) << r;
  });
  return t;
}

// Every command that can print JSON, with arguments that make it succeed on full_data().
const std::vector<std::vector<std::string>>& json_commands() {
  static const std::vector<std::vector<std::string>> k{
      {"profile", "show"},
      {"profile", "set", "--work-hours", "Mon-Thu 08:30-17:00"},
      {"value", "list"},
      {"value", "catalogue"},
      {"value", "add", "Joy", "--rank", "3"},
      {"value", "rank", "Joy", "1"},
      {"motivation", "show"},
      {"motivation", "set", "purpose", "3"},
      {"motivation", "catalyst", "add", "--kind", "family-event", "--date", "2026-10-01"},
      {"goal", "list"},
      {"goal", "show", "1"},
      {"goal", "add", "--title", "Lunch away from the desk", "--value", "Joy", "--frequency", "2x/week"},
      {"goal", "done", "1", "--date", "yesterday"},
      {"goal", "stage", "1", "--answer", "doing-less-than-6-months"},
      {"goal", "slip", "1", "--note", "busy week"},
      {"boundary", "list"},
      {"boundary", "add", "--type", "no-messages-after", "--time", "20:00"},
      {"boundary", "check"},
      {"boundary", "check", "--from", "2026-11-01", "--to", "2026-11-25"},
      {"checkin", "--start", "09:00", "--end", "17:00", "--stress", "2", "--energy", "4"},
      {"checkins", "--from", "2026-10-01"},
      {"win", "Said no to a 19:00 call"},
      {"wins", "--from", "2026-10-01"},
      {"reflect", "--values", "8"},
      {"assess", "balance-check", "--answers", "3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"},
      {"assessments"},
      {"instruments"},
      {"strategy", "suggest"},
      {"strategy", "list"},
      {"report", "week"},
      {"report", "week", "--date", "2026-11-01"},
      {"import", "calendar", std::string(HEADWAY_TEST_DATA) + "/evidence/week.ics"},
      {"import", "activitywatch", std::string(HEADWAY_TEST_DATA) + "/activitywatch/export.json"},
      {"import", "timewarrior", std::string(HEADWAY_TEST_DATA) + "/timewarrior/export.json"},
      {"import", "list"},
      {"import", "daylio", std::string(HEADWAY_TEST_DATA) + "/daylio/export.csv", "--mood", "Anxious=bad"},
      {"import", "loop", std::string(HEADWAY_TEST_DATA) + "/loop/history"},
      {"signals", "--from", "2026-11-16", "--to", "2026-11-22"},
      {"feed", "create", "--reminder", "18:00"},
      {"feed", "reminder", "18:30"},
      {"feed", "show"},
      {"user", "add", "--email", "sam@example.org"},  // the password comes on stdin
      {"user", "list"},
      {"user", "invite", "--days", "3"},
      {"user", "token", "--email", "sam@example.org", "--name", "scripts"},
      {"user", "registration", "open"},
      // The demo person is already in circle 1 with pledges 1 and 2; this circle is 2, its pledge 3.
      {"circle", "create", "--name", "Leaving on time"},
      {"circle", "list"},
      {"circle", "show", "2"},
      {"circle", "invite", "2"},
      {"circle", "share", "2", "--win", "1"},
      {"circle", "feed", "2"},
      {"circle", "unshare", "2", "--win", "1"},
      {"pledge", "propose", "--circle", "2", "--text", "Home by 18:00", "--threshold", "2"},
      {"pledge", "list", "--circle", "2"},
      {"pledge", "show", "3"},
      {"pledge", "sign", "3"},
      {"pledge", "withdraw", "3"},
      {"notifications"},
      {"notifications", "read", "--all"},
      {"circle", "leave", "2"},
  };
  return k;
}

TEST(Json, EveryJsonOutputParses) {
  Headway hw;
  hw.adopt(full_data().dir());
  const auto commands = all_commands(hw);
  std::set<std::string> known;
  for (const auto& c : commands) known.insert(name_of(c.path));
  std::set<std::string> covered;
  for (const auto& args : json_commands()) {
    SCOPED_TRACE(name_of(args));
    auto full = args;
    full.insert(full.end(), {"--format", "json"});
    RunOptions opt;
    if (args[0] == "user" && args[1] == "add") opt.stdin_text = "correct horse battery staple\n";
    const auto r = hw(full, opt);
    ASSERT_EQ(r.code, 0) << r;
    const json j = parse_json(r.out);
    EXPECT_TRUE(j.is_object() || j.is_array()) << r.out.substr(0, 500);
    // The command is the longest prefix of the arguments that names a command.
    std::vector<std::string> path, best;
    for (const auto& a : args) {
      path.push_back(a);
      if (known.count(name_of(path))) best = path;
    }
    covered.insert(name_of(best));
  }
  // init is covered on its own data directory.
  Headway fresh;
  const auto r = fresh({"init", "--name", "Jo", "--timezone", "Asia/Tokyo", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_EQ(parse_json(r.out)["timezone"], "Asia/Tokyo");
  covered.insert("init");
  // Joining and kudos need a second account, acting with --as, and a fresh invite code.
  RunOptions pw;
  pw.stdin_text = "correct horse battery staple\n";
  ASSERT_EQ(hw({"user", "add", "--email", "kim@example.org"}, pw).code, 0);
  const auto code = hw({"circle", "invite", "2", "--format", "json"});
  ASSERT_EQ(code.code, 0) << code;
  ASSERT_EQ(hw({"circle", "share", "2", "--win", "1"}).code, 0);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"circle", "join", parse_json(code.out)["code"].get<std::string>()},
        std::vector<std::string>{"circle", "kudos", "2", "--win", "1", "--emoji", "🎉"}}) {
    auto full = args;
    full.insert(full.end(), {"--as", "kim@example.org", "--format", "json"});
    const auto r = hw(full, pw);
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_TRUE(parse_json(r.out).is_object()) << r.out;
    covered.insert(name_of({args[0], args[1]}));
  }
  // The export is JSON too.
  const auto ex = hw({"export"});
  ASSERT_EQ(ex.code, 0) << ex;
  EXPECT_EQ(parse_json(ex.out)["format"], "headway-export");

  // Every command whose help offers --format json is in the table above, so new commands get covered.
  for (const auto& c : commands) {
    if (!c.leaf || !contains(c.help, "--format") || !contains(c.help, "json")) continue;
    EXPECT_TRUE(covered.count(name_of(c.path))) << name_of(c.path) << " offers --format json but is not tested";
  }
}

}  // namespace
}  // namespace headway::cli_test
