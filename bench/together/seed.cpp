// Seeds a database for the Together benchmarks (bench/together/run.sh; docs/PERFORMANCE.md,
// section 8) through the store interface, one write transaction for the people and one per day
// of wins:
//   - SIGNERS people with accounts (one argon2id hash, computed once and shared) and a browser
//     session each, made now so the server takes them;
//   - a feed circle of the first MEMBERS people, where each member shares one win a day for DAYS
//     days, and every KUDOS_EVERY-th share has kudos from the next member;
//   - a pledge circle of all SIGNERS people with one collecting pledge (THRESHOLD signatures).
// Each session's cookie token and CSRF token go to SESSIONS, one "token csrf" line per person,
// in person order (line 1 is the feed circle's owner). One JSON line on stdout names the ids and
// the feed cursor after DEEP entries.
//
//   headway_together_seed DATABASE-URL --sessions FILE [--members 100] [--days 365]
//       [--signers 1000] [--threshold 500] [--kudos-every 5] [--deep 10000]
//
// DATABASE-URL is "sqlite:///path" (created) or "postgresql://..." (an existing, empty database;
// migrated here). Exits 2 on bad arguments, 1 when the database refuses something.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "service/accounts.hpp"
#include "store/database.hpp"

namespace {

using namespace headway;
using core::Id;
using core::Instant;

[[noreturn]] void die(const std::string& what, int code = 2) {
  std::fprintf(stderr, "headway_together_seed: %s\n", what.c_str());
  std::exit(code);
}

template <typename T>
T must(Result<T> r, const char* what) {
  if (!r) die(std::string(what) + " failed: " + r.error().message, 1);
  return std::move(*r);
}
void must(Result<void> r, const char* what) {
  if (!r) die(std::string(what) + " failed: " + r.error().message, 1);
}

struct Args {
  std::string url;
  std::string sessions;
  int members = 100;
  int days = 365;
  int signers = 1000;
  int threshold = 500;
  int kudos_every = 5;
  int deep = 10000;
};

int whole(const std::string& opt, const std::string& val, int lo, int hi) {
  char* end = nullptr;
  const long n = std::strtol(val.c_str(), &end, 10);
  if (val.empty() || *end != '\0' || n < lo || n > hi)
    die(opt + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got \"" + val + "\"");
  return static_cast<int>(n);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string opt = argv[i];
    if (opt.rfind("--", 0) != 0) {
      if (!a.url.empty()) die("one database URL only; got \"" + a.url + "\" and \"" + opt + "\"");
      a.url = opt;
      continue;
    }
    if (i + 1 >= argc) die(opt + " needs a value");
    const std::string val = argv[++i];
    if (opt == "--sessions") a.sessions = val;
    else if (opt == "--members") a.members = whole(opt, val, 2, 100000);
    else if (opt == "--days") a.days = whole(opt, val, 1, 3650);
    else if (opt == "--signers") a.signers = whole(opt, val, 2, 100000);
    else if (opt == "--threshold") a.threshold = whole(opt, val, core::kPledgeMinThreshold, core::kPledgeMaxThreshold);
    else if (opt == "--kudos-every") a.kudos_every = whole(opt, val, 1, 1000000);
    else if (opt == "--deep") a.deep = whole(opt, val, 0, 100000000);
    else die("unknown option " + opt);
  }
  if (a.url.empty() || a.sessions.empty())
    die("usage: headway_together_seed DATABASE-URL --sessions FILE [--members N] [--days N] [--signers N] "
        "[--threshold N] [--kudos-every N] [--deep N]");
  if (a.signers < a.members) die("--signers (" + std::to_string(a.signers) + ") must be at least --members (" +
                                 std::to_string(a.members) + "): the feed circle's members sign too");
  return a;
}

struct Seeded {
  Id feed_circle = 0;
  Id pledge_circle = 0;
  Id pledge = 0;
  int64_t shares = 0;
  int64_t kudos = 0;
  std::string deep_cursor;  // empty when the feed is not deeper than --deep
};

// People with accounts and sessions, and both circles with their members.
Result<Seeded> seed_people(store::Transaction& tx, const Args& a, const std::string& password_hash, Instant now,
                           std::vector<Id>& people, std::vector<std::pair<std::string, std::string>>& sessions) {
  for (int i = 1; i <= a.signers; ++i) {
    core::Person p;
    p.name = "Member " + std::to_string(i);
    p.email = "member" + std::to_string(i) + "@example.org";
    p.timezone = "UTC";
    p.created_at = now;
    const Id person = HW_TRY(tx.insert_person(p));
    people.push_back(person);
    const Id account = HW_TRY(tx.insert_account(core::Account{0, person, p.email, password_hash, false, now, now}));
    auto token = service::random_token();
    auto csrf = service::random_token();
    HW_CHECK(tx.insert_session(core::Session{service::hash_token(token), account, csrf, now, now}));
    sessions.emplace_back(std::move(token), std::move(csrf));
  }
  auto& t = tx.together();
  Seeded s;
  s.feed_circle = HW_TRY(t.insert_circle(core::Circle{0, "A year of wins", "Shared wins, every day", people[0], now}));
  for (int i = 0; i < a.members; ++i) HW_TRY(t.add_circle_member(s.feed_circle, people[i], now));
  s.pledge_circle = HW_TRY(t.insert_circle(core::Circle{0, "Everyone", "One pledge, many signers", people[0], now}));
  for (Id person : people) HW_TRY(t.add_circle_member(s.pledge_circle, person, now));
  core::Pledge p;
  p.circle_id = s.pledge_circle;
  p.author_id = people[0];
  p.text = "No work e-mail after 19:00 for two weeks";
  p.threshold = a.threshold;
  p.deadline = now + core::kPledgeDefaultSeconds;
  p.created_at = now;
  HW_CHECK(core::validate_pledge(p, now));
  s.pledge = HW_TRY(t.insert_pledge(p));
  return s;
}

// One day of the feed: each member's win, shared at noon UTC plus the member's index in seconds
// (every share has its own instant); every kudos_every-th share gets kudos from the next member.
// One transaction per day, as the wins would arrive: each win touches its author's revision, and
// a year of them in one transaction would leave 365 versions of every author's row.
Result<void> seed_day(store::Transaction& tx, const Args& a, const std::vector<Id>& people, Id circle, core::Date day,
                      int day_number, int64_t& shares, int64_t& kudos, std::vector<std::pair<Instant, Id>>& feed) {
  static const char* kSizes[] = {"small", "medium", "big"};
  auto& t = tx.together();
  for (int i = 0; i < a.members; ++i) {
    core::Win w;
    w.person_id = people[i];
    w.text = "Day " + std::to_string(day_number) + ": left work on time and went for a walk";
    w.size = HW_TRY(core::parse_win_size(kSizes[(day_number + i) % 3]));
    w.date = day;
    const Instant at = Instant{day.days} * 86400 + 12 * 3600 + i;
    w.created_at = at;
    w.id = HW_TRY(tx.insert_win(w));
    if (!HW_TRY(t.share_win(core::WinShare{w.id, circle, w.person_id, at}))) return fail(ErrorCode::conflict, "share taken twice");
    feed.emplace_back(at, w.id);
    if (shares++ % a.kudos_every == 0) {
      core::Kudos k;
      k.win_id = w.id;
      k.from_id = people[(i + 1) % a.members];
      k.circle_id = circle;
      k.emoji = "\U0001F389";
      k.message = "Well done!";
      k.created_at = at + 600;
      HW_TRY(t.insert_kudos(k));
      ++kudos;
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse_args(argc, argv);
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  store::OpenOptions options;
  options.create = true;
  options.migrate = true;
  auto db = must(store::open_database(a.url, options), "opening the database");
  const auto hash = must(service::hash_password("benchmark password 42"), "hashing the password");
  const Instant now = static_cast<Instant>(std::time(nullptr));

  std::vector<std::pair<std::string, std::string>> sessions;
  std::vector<Id> people;
  auto s = must(store::with_write(*db, [&](store::Transaction& tx) {
                  sessions.clear();  // a retried transaction starts over
                  people.clear();
                  return seed_people(tx, a, hash, now, people, sessions);
                }),
                "seeding people, sessions, circles and the pledge");
  const core::Date today{static_cast<int32_t>(now / 86400)};
  std::vector<std::pair<Instant, Id>> feed;
  for (int d = 0; d < a.days; ++d) {
    must(store::with_write(*db, [&](store::Transaction& tx) {
           const auto size = feed.size();
           const auto counts = std::make_pair(s.shares, s.kudos);
           auto r = seed_day(tx, a, people, s.feed_circle, core::add_days(today, d - a.days), d + 1, s.shares, s.kudos, feed);
           if (!r) {  // undone: a retry starts from the same counts
             feed.resize(size);
             std::tie(s.shares, s.kudos) = counts;
           }
           return r;
         }),
         "seeding a day of shared wins");
  }
  // The feed's order (newest share first, ties by win id); the cursor after `deep` entries is
  // the last of them, as the API encodes it.
  std::sort(feed.begin(), feed.end(), [](const auto& x, const auto& y) { return x > y; });
  if (a.deep > 0 && static_cast<int64_t>(feed.size()) > a.deep) {
    const auto& [at, id] = feed[static_cast<size_t>(a.deep) - 1];
    s.deep_cursor = std::to_string(at) + "." + std::to_string(id);
  }

  std::ofstream out(a.sessions, std::ios::trunc);
  for (const auto& [token, csrf] : sessions) out << token << ' ' << csrf << '\n';
  out.close();
  if (!out) die("cannot write " + a.sessions, 1);

  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf(
      "{\"backend\":\"%s\",\"feed_circle\":%lld,\"pledge_circle\":%lld,\"pledge\":%lld,\"members\":%d,"
      "\"signers\":%d,\"threshold\":%d,\"shares\":%lld,\"kudos\":%lld,\"deep\":%d,\"deep_cursor\":\"%s\","
      "\"seconds\":%.2f}\n",
      db->backend().c_str(), static_cast<long long>(s.feed_circle), static_cast<long long>(s.pledge_circle),
      static_cast<long long>(s.pledge), a.members, a.signers, a.threshold, static_cast<long long>(s.shares),
      static_cast<long long>(s.kudos), a.deep, s.deep_cursor.c_str(), seconds);
  return 0;
}
