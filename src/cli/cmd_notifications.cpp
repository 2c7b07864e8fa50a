// headway notifications: what happened that concerns you (kudos, pledges, grants, circle joins,
// coach comments), newest first, and marking it read.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/json_together.hpp"

namespace headway::cli {
namespace {

struct ListArgs {
  bool unread = false;
  int limit = service::kNotificationPage;
  std::optional<Id> before;
};

int list(Session& s, const ListArgs& a) {
  return guarded(s, [&]() -> Result<int> {
    if (a.limit < 1 || a.limit > 200) return invalid("limit", "must be a whole number from 1 to 200");
    if (a.before && *a.before < 1) return invalid("before", "must be a notification id from an earlier page");
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    auto page = HW_TRY(service::list_notifications(*HW_TRY(s.context()), actor, a.before, a.limit));
    if (a.unread) std::erase_if(page.items, [](const core::Notification& n) { return n.read_at != 0; });
    if (s.json()) {
      s.print_json(service::to_json(page));
      return 0;
    }
    std::cout << (page.unread == 0 ? "Nothing unread." : std::to_string(page.unread) + " unread.") << "\n";
    if (!page.items.empty()) {
      Table t({"Id", "When", "", "What"});
      for (const auto& n : page.items)
        t.add({std::to_string(n.id), core::format_instant(n.created_at), n.read_at ? "" : "new", n.text});
      std::cout << t.render(s.color());
    }
    if (page.next) std::cout << "More: headway notifications --before " << *page.next << "\n";
    if (page.unread > 0) std::cout << "Mark them read: headway notifications read --all\n";
    return 0;
  });
}

struct ReadArgs {
  std::optional<Id> id;
  bool all = false;
};

int mark(Session& s, const ReadArgs& a) {
  return guarded(s, [&]() -> Result<int> {
    if (a.id.has_value() == a.all) return invalid("id", "name one notification id, or --all for every one");
    if (a.id && *a.id < 1) return invalid("id", "must be a notification id");
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const int marked = HW_TRY(service::mark_read(*HW_TRY(s.context()), actor, a.id));
    if (s.json()) s.print_json({{"marked", marked}});
    else std::cout << "Marked " << marked << (marked == 1 ? " notification" : " notifications") << " read.\n";
    return 0;
  });
}

}  // namespace

void register_notifications(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("notifications", "What happened that concerns you: kudos, pledges, grants, joins");
  cmd->require_subcommand(0, 1);
  add_common(cmd, s);
  add_as(cmd, s);
  auto la = std::make_shared<ListArgs>();
  cmd->add_flag("--unread", la->unread, "Only the unread ones");
  cmd->add_option("--limit", la->limit, "How many, 1-200 (default 50)");
  cmd->add_option("--before", la->before, "Older than this id (it prints the command for the next page)");

  auto ra = std::make_shared<ReadArgs>();
  auto* read = cmd->add_subcommand("read", "Mark one notification read, or all of them with --all");
  add_common(read, s);
  add_as(read, s);
  read->add_option("id", ra->id, "Notification id");
  read->add_flag("--all", ra->all, "Every notification");
  read->callback([&s, ra] { s.action = [&s, ra] { return mark(s, *ra); }; });

  // Runs after the callback of `read`, when that was chosen.
  cmd->callback([&s, la, read] {
    if (!read->parsed()) s.action = [&s, la] { return list(s, *la); };
  });
}

}  // namespace headway::cli
