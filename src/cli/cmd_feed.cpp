// headway feed: the calendar feed, a secret URL any calendar app can subscribe to.
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/session.hpp"
#include "service/feed.hpp"

namespace headway::cli {
namespace {

struct CreateArgs {
  std::optional<std::string> reminder;
  std::string public_url;
};

// The address the server is reached at, when known: --public-url, else HEADWAY_PUBLIC_URL.
Result<std::string> public_base(const std::string& flag) {
  std::string url = flag;
  if (url.empty())
    if (const char* env = std::getenv("HEADWAY_PUBLIC_URL"); env && *env) url = env;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return invalid("public-url", "the public URL must start with http:// or https://");
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

int create(Session& s, const CreateArgs& a) {
  return guarded(s, [&]() -> Result<int> {
    // Bad input is refused before anything is opened.
    if (a.reminder) HW_CHECK(core::parse_time(*a.reminder, "reminder"));
    const auto base = HW_TRY(public_base(a.public_url));
    const auto actor = HW_TRY(s.actor());
    const auto made = HW_TRY(service::create_feed(*HW_TRY(s.context()), actor, a.reminder));
    if (s.json()) {
      auto j = service::feed_json(made.feed);
      j.erase("exists");
      j["token"] = made.token;
      j["path"] = made.path;
      if (!base.empty()) j["url"] = base + made.path;
      s.print_json(j);
      return 0;
    }
    std::cout << "Calendar feed ready. This link is shown only once; a new one replaces it.\n"
              << "  token: " << made.token << "\n"
              << "  path:  " << made.path << "\n";
    if (!base.empty()) std::cout << "  URL:   " << base << made.path << "\n";
    else std::cout << "Add the path to the address of `headway serve` (or pass --public-url).\n";
    std::cout << "Daily check-in reminder at " << core::to_string(made.feed.reminder) << ".\n"
              << "Anyone with the link sees your protected-time blocks, never your notes.\n";
    return 0;
  });
}

int show(Session& s) {
  return guarded(s, [&]() -> Result<int> {
    const auto actor = HW_TRY(s.actor());
    const auto feed = HW_TRY(service::find_feed(*HW_TRY(s.context()), actor));
    if (s.json()) {
      s.print_json(service::feed_json(feed));
      return 0;
    }
    if (!feed) {
      std::cout << "No calendar feed. Make one with `headway feed create`.\n";
      return 0;
    }
    std::cout << "Calendar feed on since " << core::format_instant(feed->created_at) << ", check-in reminder at "
              << core::to_string(feed->reminder) << ".\n"
              << "The link is not stored; `headway feed create` makes a new one and the old one stops working.\n";
    return 0;
  });
}

}  // namespace

void register_feed(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand(
      "feed", "A calendar feed of your protected time and a daily check-in reminder, behind a secret URL");
  cmd->require_subcommand(1);

  auto args = std::make_shared<CreateArgs>();
  auto* c = cmd->add_subcommand("create", "Make the feed's secret link, or a new one that replaces the old one");
  add_common(c, s);
  c->add_option("--reminder", args->reminder, "Local time of the daily check-in reminder, HH:MM (default 17:30)");
  c->add_option("--public-url", args->public_url,
                "The server's address, e.g. https://headway.example.org, to print the full URL (also HEADWAY_PUBLIC_URL)");
  c->callback([&s, args] { s.action = [&s, args] { return create(s, *args); }; });

  auto* sh = cmd->add_subcommand("show", "Whether the feed is on, since when, and its reminder time");
  add_common(sh, s);
  sh->callback([&s] { s.action = [&s] { return show(s); }; });

  auto time = std::make_shared<std::string>();
  auto* rm = cmd->add_subcommand("reminder", "Set the local time of the daily check-in reminder");
  add_common(rm, s);
  rm->add_option("time", *time, "HH:MM, e.g. 18:00")->required();
  rm->callback([&s, time] {
    s.action = [&s, time] {
      return guarded(s, [&]() -> Result<int> {
        HW_CHECK(core::parse_time(*time, "reminder"));
        const auto actor = HW_TRY(s.actor());
        const auto f = HW_TRY(service::set_feed_reminder(*HW_TRY(s.context()), actor, *time));
        if (s.json()) s.print_json(service::feed_json(f));
        else std::cout << "Check-in reminder at " << core::to_string(f.reminder) << ".\n";
        return 0;
      });
    };
  });

  auto* rv = cmd->add_subcommand("revoke", "Turn the feed off: its link stops working at once");
  add_common(rv, s, {});
  rv->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        HW_CHECK(service::revoke_feed(*HW_TRY(s.context()), actor));
        std::cout << "Calendar feed turned off; its link no longer works.\n";
        return 0;
      });
    };
  });

  auto* ics = cmd->add_subcommand("ics", "Print the feed's iCalendar document, as a subscribed calendar gets it");
  add_common(ics, s, {});
  ics->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        std::cout << HW_TRY(service::feed_ics(*HW_TRY(s.context()), actor));
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
