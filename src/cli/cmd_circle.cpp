// headway circle: invite-only circles, the wins their members share, and kudos on them.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "cli/together.hpp"
#include "service/json_together.hpp"

namespace headway::cli {
namespace {

std::string members_text(int n) { return std::to_string(n) + (n == 1 ? " member" : " members"); }

void print_feed(Session& s, const service::FeedPage& page, Id circle) {
  const bool c = s.color();
  if (page.entries.empty()) std::cout << "No shared wins yet. Share one: headway circle share " << circle << " --win ID\n";
  for (const auto& e : page.entries) {
    const auto& w = e.win;
    std::cout << bold(w.person_name, c) << "  " << dim("win " + std::to_string(w.win_id) + " · " + core::to_string(w.date) +
                                                          " · " + w.size, c)
              << "\n  " << w.text << "\n";
    for (const auto& k : e.kudos)
      std::cout << "  " << k.emoji << " " << k.from_name << (k.message.empty() ? "" : ": " + k.message) << "\n";
  }
  if (page.next) std::cout << "More: headway circle feed " << circle << " --cursor " << *page.next << "\n";
}

void register_reading(CLI::App* cmd, Session& s) {
  on_run(social_subcommand(cmd, s, "list", "Your circles"), s, [&s]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto circles = HW_TRY(service::list_circles(*HW_TRY(s.context()), actor));
    if (s.json()) {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& x : circles) a.push_back(service::to_json(x));
      s.print_json(a);
      return 0;
    }
    if (circles.empty()) {
      std::cout << "No circles yet. Start one: headway circle create --name \"Leaving on time\"\n";
      return 0;
    }
    Table t({"Id", "Circle", "Members", "You", "Purpose"});
    for (const auto& x : circles)
      t.add({std::to_string(x.circle.id), x.circle.name, std::to_string(x.members), x.owner ? "owner" : "member",
             x.circle.purpose});
    std::cout << t.render(s.color());
    return 0;
  });

  auto id = std::make_shared<Id>(0);
  auto* show = social_subcommand(cmd, s, "show", "One circle: its purpose, owner and members");
  show->add_option("id", *id, "Circle id")->required();
  on_run(show, s, [&s, id]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto d = HW_TRY(service::get_circle(*HW_TRY(s.context()), actor, *id));
    if (s.json()) {
      s.print_json(service::to_json(d, actor.person_id));
      return 0;
    }
    const auto& ci = d.summary.circle;
    std::cout << bold("Circle " + std::to_string(ci.id) + " · " + ci.name, s.color()) << "\n";
    if (!ci.purpose.empty()) std::cout << ci.purpose << "\n";
    std::cout << members_text(d.summary.members) << ", since " << core::format_instant(ci.created_at) << ".\n";
    Table t({"Member", "Joined", ""});
    for (const auto& m : d.members) {
      std::string role = m.person_id == ci.owner_id ? "owner" : "";
      if (m.person_id == actor.person_id) role += role.empty() ? "you" : ", you";
      t.add({m.name, core::format_instant(m.joined_at), role});
    }
    std::cout << t.render(s.color());
    return 0;
  });

  struct FeedArgs {
    Id id = 0;
    int limit = service::kFeedPage;
    std::optional<std::string> cursor;
  };
  auto fa = std::make_shared<FeedArgs>();
  auto* feed = social_subcommand(cmd, s, "feed", "The wins shared with a circle, newest first, with their kudos");
  feed->add_option("id", fa->id, "Circle id")->required();
  feed->add_option("--limit", fa->limit, "Entries per page, 1-100 (default 20)");
  feed->add_option("--cursor", fa->cursor, "Where the previous page ended (it prints the command for the next)");
  on_run(feed, s, [&s, fa]() -> Result<int> {
    if (fa->limit < 1 || fa->limit > 100) return invalid("limit", "must be a whole number from 1 to 100");
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto page = HW_TRY(service::circle_feed(*HW_TRY(s.context()), actor, fa->id, fa->cursor, fa->limit));
    if (s.json()) s.print_json(service::to_json(page, actor.person_id));
    else print_feed(s, page, fa->id);
    return 0;
  });
}

void register_membership(CLI::App* cmd, Session& s) {
  auto in = std::make_shared<service::NewCircle>();
  auto* create = social_subcommand(cmd, s, "create", "Start a circle; you own it and are its first member");
  create->add_option("--name", in->name, "The circle's name (1-100 characters)")->required();
  create->add_option("--purpose", in->purpose, "What the circle is for (up to 1,000 bytes)");
  on_run(create, s, [&s, in]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto c = HW_TRY(service::create_circle(*HW_TRY(s.context()), actor, *in));
    if (s.json()) s.print_json(service::to_json(c));
    else
      std::cout << "Circle " << c.circle.id << " created: " << c.circle.name << ". Invite people with `headway circle invite "
                << c.circle.id << "`.\n";
    return 0;
  });

  struct InviteArgs {
    Id id = 0;
    std::optional<int> days;
  };
  auto ia = std::make_shared<InviteArgs>();
  auto* invite = social_subcommand(cmd, s, "invite", "Make an invite code for your circle (the owner only; shown once)");
  invite->add_option("id", ia->id, "Circle id")->required();
  invite->add_option("--days", ia->days, "Days until the code expires, 1-30 (default 7)");
  on_run(invite, s, [&s, ia]() -> Result<int> {
    if (ia->days && (*ia->days < 1 || *ia->days > 30)) return invalid("days", "an invite code lasts 1 to 30 days");
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto code = HW_TRY(service::create_circle_invite(*HW_TRY(s.context()), actor, ia->id, ia->days));
    if (s.json()) {
      s.print_json({{"code", code.code}, {"expires_at", core::format_instant(code.expires_at)}});
      return 0;
    }
    std::cout << "Invite code (shown once, valid until " << core::format_instant(code.expires_at) << "):\n  " << code.code
              << "\nWhoever has it joins with `headway circle join CODE`; keep it to the people you mean.\n";
    return 0;
  });

  auto code = std::make_shared<std::string>();
  auto* join = social_subcommand(cmd, s, "join", "Join a circle with an invite code");
  join->add_option("code", *code, "The invite code (hwc_...)")->required();
  on_run(join, s, [&s, code]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto c = HW_TRY(service::join_circle(*HW_TRY(s.context()), actor, *code));
    if (s.json()) s.print_json(service::to_json(c));
    else std::cout << "You joined " << c.circle.name << " (circle " << c.circle.id << ", " << members_text(c.members) << ").\n";
    return 0;
  });

  struct LeaveArgs {
    Id id = 0;
    bool yes = false;
  };
  auto la = std::make_shared<LeaveArgs>();
  auto* leave = social_subcommand(cmd, s, "leave", "Leave a circle (without --yes it only says what leaving does)");
  leave->add_option("id", la->id, "Circle id")->required();
  leave->add_flag("--yes", la->yes, "Leave now");
  on_run(leave, s, [&s, la]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    auto* ctx = HW_TRY(s.context());
    const auto d = HW_TRY(service::get_circle(*ctx, actor, la->id));
    if (la->yes) HW_CHECK(service::leave_circle(*ctx, actor, la->id));
    if (s.json()) {
      s.print_json({{"circle_id", la->id}, {"left", la->yes}});
      return 0;
    }
    if (la->yes) {
      std::cout << "You left " << d.summary.circle.name << ".\n";
      return 0;
    }
    std::cout << "Leaving " << d.summary.circle.name << " takes your shared wins (and the kudos on them) and your "
              << "signatures on pledges still collecting with you, and you see nothing of the circle afterwards.\n";
    if (d.summary.owner)
      std::cout << (d.summary.members > 1 ? "The circle passes to its longest-standing member.\n"
                                          : "You are its last member: the circle is deleted.\n");
    std::cout << "Nothing changed. To leave: headway circle leave " << la->id << " --yes\n";
    return 0;
  });
}

void register_sharing(CLI::App* cmd, Session& s) {
  struct ShareArgs {
    Id id = 0;
    Id win = 0;
  };
  for (const bool sharing : {true, false}) {
    auto a = std::make_shared<ShareArgs>();
    auto* c = social_subcommand(cmd, s, sharing ? "share" : "unshare",
                  sharing ? "Share one of your wins with a circle" : "Take a shared win back, with the kudos given on it there");
    c->add_option("id", a->id, "Circle id")->required();
    c->add_option("--win", a->win, "The win's id (from `headway wins --format json`)")->required();
    on_run(c, s, [&s, a, sharing]() -> Result<int> {
      const auto actor = HW_TRY(s.actor_as(s.as_email));
      auto* ctx = HW_TRY(s.context());
      if (sharing) HW_CHECK(service::share_win(*ctx, actor, a->win, a->id));
      else HW_CHECK(service::unshare_win(*ctx, actor, a->win, a->id));
      if (s.json()) s.print_json({{"win_id", a->win}, {"circle_id", a->id}});
      else if (sharing) std::cout << "Win " << a->win << " shared with circle " << a->id << ".\n";
      else std::cout << "Win " << a->win << " is no longer shared with circle " << a->id << ".\n";
      return 0;
    });
  }

  struct KudosArgs {
    Id id = 0;
    Id win = 0;
    service::NewKudos kudos;
  };
  auto ka = std::make_shared<KudosArgs>();
  auto* kudos = social_subcommand(cmd, s, "kudos", "Send kudos on a win shared with a circle; its author is told");
  kudos->add_option("id", ka->id, "Circle id")->required();
  kudos->add_option("--win", ka->win, "The win's id (from the feed)")->required();
  kudos->add_option("--emoji", ka->kudos.emoji, "One emoji, e.g. 🎉")->required();
  kudos->add_option("--message", ka->kudos.message, "A short message (up to 280 bytes)");
  on_run(kudos, s, [&s, ka]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto k = HW_TRY(service::give_circle_kudos(*HW_TRY(s.context()), actor, ka->id, ka->win, ka->kudos));
    if (s.json()) s.print_json(service::to_json(k));
    else std::cout << k.emoji << " sent on win " << k.win_id << ".\n";
    return 0;
  });
}

}  // namespace

void register_circle(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("circle", "Invite-only circles: shared wins, kudos and pledges with people you trust");
  cmd->require_subcommand(1);
  register_reading(cmd, s);
  register_membership(cmd, s);
  register_sharing(cmd, s);
}

}  // namespace headway::cli
