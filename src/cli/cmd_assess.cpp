// headway assess / assessments / instruments / strategy: measuring and choosing what to try.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/assessments.hpp"
#include "service/json_codec.hpp"

namespace headway::cli {
namespace {

std::string num0(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

// Asks each item on the terminal (or reads one answer per line from a pipe).
Result<std::vector<int>> ask(const core::Instrument& in) {
  const bool tty = isatty(STDIN_FILENO);
  std::vector<int> answers;
  if (tty) {
    std::cout << in.title << " · " << in.items.size() << " statements\n";
    std::cout << "Answer each from " << in.response_min << " to " << in.response_max << ":";
    for (size_t i = 0; i < in.response_labels.size(); ++i)
      std::cout << "  " << in.response_min + static_cast<int>(i) << " = " << in.response_labels[i];
    std::cout << "\n\n";
  }
  for (size_t i = 0; i < in.items.size(); ++i) {
    for (;;) {
      if (tty) std::cout << "(" << i + 1 << "/" << in.items.size() << ") " << in.items[i].text << " > " << std::flush;
      std::string line;
      if (!std::getline(std::cin, line))
        return invalid("answers", "input ended after " + std::to_string(i) + " of " + std::to_string(in.items.size()) +
                                      " answers");
      auto v = core::parse_answers(line, "answers");
      if (v && v->size() == 1 && (*v)[0] >= in.response_min && (*v)[0] <= in.response_max) {
        answers.push_back((*v)[0]);
        break;
      }
      if (!tty)
        return invalid("answers", "line " + std::to_string(i + 1) + ": expected a number from " +
                                      std::to_string(in.response_min) + " to " + std::to_string(in.response_max));
      std::cout << "Please answer with a number from " << in.response_min << " to " << in.response_max << ".\n";
    }
  }
  return answers;
}

}  // namespace

void register_assess(CLI::App& app, Session& s) {
  struct Args {
    std::string instrument;
    std::optional<std::string> answers, date;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("assess", "Take an assessment (interactive unless --answers is given)");
  add_common(cmd, s);
  cmd->add_option("instrument", a->instrument, "balance-check, barrier-profile, or an instrument you loaded")->required();
  cmd->add_option("--answers", a->answers, "All answers in item order, e.g. 4,3,5,...");
  cmd->add_option("--date", a->date, "Default today");
  cmd->callback([&s, a] {
    s.action = [&s, a] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        auto* ctx = HW_TRY(s.context());
        const auto in = HW_TRY(service::find_instrument(*ctx, a->instrument));
        const auto answers = a->answers ? HW_TRY(core::parse_answers(*a->answers)) : HW_TRY(ask(in));
        const auto r = HW_TRY(service::assess(*ctx, actor, in.id, answers, a->date));
        if (s.json()) {
          s.print_json(service::to_json(r));
          return 0;
        }
        Table t({"Scale", "Score", "", "Band", "Change"});
        for (const auto& sc : r.assessment.scores) {
          std::string title = sc.scale, band = sc.band, change;
          for (const auto& scale : in.scales)
            if (scale.id == sc.scale) {
              title = scale.title;
              for (const auto& b : scale.bands)
                if (b.id == sc.band) band = b.label;
            }
          for (const auto& c : r.changes)
            if (c.scale == sc.scale)
              change = (c.after >= c.before ? "+" : "") + num0(c.after - c.before) + (c.meaningful ? " meaningful" : "");
          t.add({title, meter(sc.score, 100, 10), num0(sc.score), band, change});
        }
        std::cout << bold(in.title, s.color()) << "  " << core::to_string(r.assessment.date) << "\n"
                  << t.render(s.color()) << "\n" << dim(in.note, s.color()) << "\n";
        if (r.show_support) std::cout << "\n" << in.support_pointer << "\n";
        return 0;
      });
    };
  });

  auto filter = std::make_shared<std::optional<std::string>>();
  auto* hist = app.add_subcommand("assessments", "Your assessment history");
  add_common(hist, s);
  hist->add_option("--instrument", *filter, "Only this instrument");
  hist->callback([&s, filter] {
    s.action = [&s, filter] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto items = HW_TRY(service::assessment_history(*HW_TRY(s.context()), actor, *filter));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& x : items) arr.push_back(service::to_json(x));
          s.print_json(arr);
          return 0;
        }
        Table t({"Date", "Instrument", "Scale", "Score", "Band"});
        for (const auto& x : items)
          for (const auto& sc : x.scores) t.add({core::to_string(x.date), x.instrument_id, sc.scale, num0(sc.score), sc.band});
        std::cout << (items.empty() ? "No assessments yet: headway assess balance-check\n" : t.render(s.color()));
        return 0;
      });
    };
  });

  auto* list = app.add_subcommand("instruments", "The instruments you can take");
  add_common(list, s);
  list->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        auto* ctx = HW_TRY(s.context());
        const auto all = HW_TRY(service::instruments(*ctx));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& x : all) arr.push_back(service::to_json(x));
          s.print_json(arr);
          return 0;
        }
        Table t({"Id", "Version", "Title", "Items", "Licence"});
        for (const auto& x : all)
          t.add({x.id, x.version, x.title, std::to_string(x.items.size()), x.licence});
        std::cout << t.render(s.color());
        return 0;
      });
    };
  });
}

void register_strategy(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("strategy", "Strategies to try, matched to your barriers and stages");
  cmd->require_subcommand(1);
  auto limit = std::make_shared<size_t>(5);
  auto* suggest = cmd->add_subcommand("suggest", "Strategies ranked for your barrier profile and goals");
  add_common(suggest, s);
  suggest->add_option("--limit", *limit, "How many (default 5)");
  suggest->callback([&s, limit] {
    s.action = [&s, limit] {
      return guarded(s, [&]() -> Result<int> {
        if (*limit < 1 || *limit > 100) return invalid("limit", "must be 1 to 100");
        const auto actor = HW_TRY(s.actor());
        const auto items = HW_TRY(service::suggest_strategies(*HW_TRY(s.context()), actor, *limit));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& x : items) arr.push_back(service::to_json(x));
          s.print_json(arr);
          return 0;
        }
        int n = 0;
        for (const auto& x : items) {
          std::cout << bold(std::to_string(++n) + ". " + x.strategy->title, s.color()) << "  " << dim(x.strategy->id, s.color())
                    << "\n   " << x.strategy->summary << "\n   " << dim("Why: " + x.reason, s.color()) << "\n   "
                    << "Try it as a goal: headway goal add --title \"" << x.strategy->title << "\" --value VALUE --if \""
                    << x.strategy->if_cue << "\" --then \"" << x.strategy->then_action << "\"\n\n";
        }
        if (items.empty()) std::cout << "No suggestions yet. Take the barrier profile: headway assess barrier-profile\n";
        return 0;
      });
    };
  });
  auto* list = cmd->add_subcommand("list", "The whole strategy library");
  add_common(list, s);
  list->callback([&s] {
    s.action = [&s] {
      const auto lib = core::strategy_library();
      if (s.json()) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& x : lib) arr.push_back(service::to_json(core::Suggestion{&x, 0, ""}));
        s.print_json(arr);
        return 0;
      }
      Table t({"Id", "Strategy", "Barriers"});
      for (const auto& x : lib) {
        std::string b;
        for (auto barrier : x.barriers) b += (b.empty() ? "" : ", ") + std::string(core::to_string(barrier));
        t.add({x.id, x.title, b});
      }
      std::cout << t.render(s.color());
      return 0;
    };
  });
}

}  // namespace headway::cli
