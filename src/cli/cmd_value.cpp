// headway value / motivation: the why.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/json_codec.hpp"
#include "service/values.hpp"

namespace headway::cli {
namespace {

void print_values(Session& s, const std::vector<core::Value>& values) {
  if (s.json()) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& v : values) a.push_back(service::to_json(v));
    s.print_json(a);
    return;
  }
  if (values.empty()) {
    std::cout << "No values yet. See the catalogue with `headway value catalogue`.\n";
    return;
  }
  Table t({"Rank", "Value", "Kind", "Id"});
  for (const auto& v : values)
    t.add({v.rank ? std::to_string(v.rank) : "–", v.name, v.custom ? "your own" : "catalogue", std::to_string(v.id)});
  std::cout << t.render(s.color());
}

}  // namespace

void register_value(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("value", "Your personal values: pick, then rank the top five");
  cmd->require_subcommand(1);

  struct AddArgs {
    std::string name;
    std::optional<int> rank;
  };
  auto add = std::make_shared<AddArgs>();
  auto* a = cmd->add_subcommand("add", "Add a value from the catalogue or one of your own");
  add_common(a, s);
  a->add_option("name", add->name, "Value name, e.g. Family")->required();
  a->add_option("--rank", add->rank, "Place it in your top five (1-5)");
  a->callback([&s, add] {
    s.action = [&s, add] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto v = HW_TRY(service::add_value(*HW_TRY(s.context()), actor, add->name, add->rank));
        if (s.json()) s.print_json(service::to_json(v));
        else
          std::cout << "Added " << v.name << (v.custom ? " (your own)" : "")
                    << (v.rank ? ", ranked " + std::to_string(v.rank) : std::string()) << ".\n";
        return 0;
      });
    };
  });

  auto* l = cmd->add_subcommand("list", "List your values, ranked first");
  add_common(l, s);
  l->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        print_values(s, HW_TRY(service::list_values(*HW_TRY(s.context()), actor)));
        return 0;
      });
    };
  });

  struct RankArgs {
    std::string ref;
    int rank = 0;
  };
  auto rk = std::make_shared<RankArgs>();
  auto* r = cmd->add_subcommand("rank", "Move a value to a rank (0 unranks it)");
  add_common(r, s);
  r->add_option("value", rk->ref, "Value name or id")->required();
  r->add_option("rank", rk->rank, "1-5, or 0")->required();
  r->callback([&s, rk] {
    s.action = [&s, rk] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        print_values(s, HW_TRY(service::rank_value(*HW_TRY(s.context()), actor, rk->ref, rk->rank)));
        return 0;
      });
    };
  });

  auto ref = std::make_shared<std::string>();
  auto* rm = cmd->add_subcommand("remove", "Remove a value");
  add_common(rm, s, {});
  rm->add_option("value", *ref, "Value name or id")->required();
  rm->callback([&s, ref] {
    s.action = [&s, ref] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        HW_CHECK(service::remove_value(*HW_TRY(s.context()), actor, *ref));
        std::cout << "Removed.\n";
        return 0;
      });
    };
  });

  auto* cat = cmd->add_subcommand("catalogue", "Show the catalogue of values to pick from");
  add_common(cat, s);
  cat->callback([&s] {
    s.action = [&s] {
      if (s.json()) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& v : core::value_catalogue()) a.push_back({{"name", v.name}, {"description", v.description}});
        s.print_json(a);
        return 0;
      }
      Table t({"Value", "What it means"});
      for (const auto& v : core::value_catalogue()) t.add({v.name, v.description});
      std::cout << t.render(s.color()) << "\nOr write your own: headway value add \"Time outdoors\"\n";
      return 0;
    };
  });
}

void register_motivation(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("motivation", "What drives you: drivers rated 1-5 and the catalysts behind them");
  cmd->require_subcommand(1);

  struct SetArgs {
    std::string driver;
    int rating = 0;
  };
  auto set = std::make_shared<SetArgs>();
  auto* st = cmd->add_subcommand("set", "Rate a driver 1-5");
  add_common(st, s);
  st->add_option("driver", set->driver,
                 "health, family, personal-growth, purpose, fairness, collective-change or other")->required();
  st->add_option("rating", set->rating, "1 (a little) to 5 (a lot)")->required();
  st->callback([&s, set] {
    s.action = [&s, set] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto m = HW_TRY(service::set_motivation(*HW_TRY(s.context()), actor, set->driver, set->rating));
        if (s.json()) s.print_json(service::to_json(m));
        else std::cout << core::to_string(m.driver) << ": " << m.rating << "/5\n";
        return 0;
      });
    };
  });

  auto* cat = cmd->add_subcommand("catalyst", "Dated events that moved you to change");
  cat->require_subcommand(1);
  struct CatArgs {
    std::string kind;
    std::optional<std::string> date;
    std::string note;
  };
  auto ca = std::make_shared<CatArgs>();
  auto* add = cat->add_subcommand("add", "Record a catalyst");
  add_common(add, s);
  add->add_option("--kind", ca->kind, "health-scare, family-event, loss-of-purpose, burnout or other")->required();
  add->add_option("--date", ca->date, "When it happened (YYYY-MM-DD, default today)");
  add->add_option("--note", ca->note, "A few words, for you");
  add->callback([&s, ca] {
    s.action = [&s, ca] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto c = HW_TRY(service::add_catalyst(*HW_TRY(s.context()), actor, ca->kind, ca->date, ca->note));
        if (s.json()) s.print_json(service::to_json(c));
        else std::cout << "Recorded " << core::to_string(c.kind) << " on " << core::to_string(c.date) << ".\n";
        return 0;
      });
    };
  });

  auto* show = cmd->add_subcommand("show", "Show your motivation profile");
  add_common(show, s);
  show->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto mp = HW_TRY(service::motivation_profile(*HW_TRY(s.context()), actor));
        if (s.json()) {
          nlohmann::json d = nlohmann::json::array(), c = nlohmann::json::array();
          for (const auto& m : mp.drivers) d.push_back(service::to_json(m));
          for (const auto& x : mp.catalysts) c.push_back(service::to_json(x));
          s.print_json({{"drivers", d}, {"catalysts", c}});
          return 0;
        }
        Table t({"Driver", "Rating"});
        for (const auto& m : mp.drivers)
          t.add({core::to_string(m.driver), dots(m.rating, 5) + "  " + std::to_string(m.rating) + "/5"});
        std::cout << (mp.drivers.empty() ? "No drivers rated yet.\n" : t.render(s.color()));
        if (!mp.catalysts.empty()) {
          Table c({"Date", "Catalyst", "Note"});
          for (const auto& x : mp.catalysts) c.add({core::to_string(x.date), core::to_string(x.kind), x.note});
          std::cout << "\n" << c.render(s.color());
        }
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
