// headway import: calendars (and activity, through the service) as evidence for boundaries and signals.
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "ingest/activitywatch.hpp"
#include "ingest/timewarrior.hpp"
#include "service/evidence.hpp"
#include "service/json_codec.hpp"

namespace headway::cli {
namespace {

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_items(const char* title, const std::vector<ingest::IcsSkipped>& items) {
  if (items.empty()) return;
  std::cout << title << "\n";
  for (const auto& i : items) std::cout << "  " << (i.line > 0 ? "line " + std::to_string(i.line) + ": " : "") << i.reason << "\n";
}

struct CalendarArgs {
  std::string file;
  service::CalendarImportOptions options;
};

int import_calendar(Session& s, const CalendarArgs& a) {
  return guarded(s, [&]() -> Result<int> {
    std::ifstream f(a.file, std::ios::binary);
    if (!f) return invalid("file", "cannot read " + a.file);
    auto options = a.options;
    if (options.source.empty()) options.source = std::filesystem::path(a.file).stem().string();
    const auto actor = HW_TRY(s.actor());
    auto r = service::import_calendar(*HW_TRY(s.context()), actor, f, options);
    if (!r) {
      Error e = r.error();
      // Errors inside the file name its line; say which file too.
      if (e.field.rfind("line ", 0) == 0) {
        e.message = a.file + ": " + e.message;
        e.field = a.file;
      }
      return tl::unexpected(std::move(e));
    }
    if (s.json()) {
      s.print_json(service::to_json(*r));
      return 0;
    }
    std::cout << "Imported calendar \"" << r->source.name << "\": " << plural(r->events, "event", "events") << ", "
              << plural(r->occurrences, "occurrence", "occurrences") << " from "
              << core::to_string(r->source.covered_from) << " to " << core::to_string(r->source.covered_to) << ".\n"
              << "  " << r->counts.added << " added, " << r->counts.changed << " changed, " << r->counts.removed
              << " removed, " << r->counts.unchanged << " unchanged.\n";
    print_items(("Skipped " + plural(static_cast<int>(r->skipped.size()), "invalid event:", "invalid events:")).c_str(),
                r->skipped);
    print_items("Warnings:", r->warnings);
    return 0;
  });
}

struct ActivityArgs {
  std::string file;
  std::string source;
  bool keep_titles = false;
};

// ActivityWatch's "export all buckets" JSON or `timew export`, as activity evidence.
template <typename Parse>
int import_activity(Session& s, const ActivityArgs& a, const char* what, const std::string& default_source, Parse parse) {
  return guarded(s, [&]() -> Result<int> {
    std::ifstream f(a.file, std::ios::binary);
    if (!f) return invalid("file", "cannot read " + a.file);
    auto parsed = parse(f, a.keep_titles, *HW_TRY(s.context()));
    if (!parsed) {
      Error e = parsed.error();
      e.field = a.file;  // the message names the place in the file (a JSON path and byte)
      return tl::unexpected(std::move(e));
    }
    const std::string source = a.source.empty() ? default_source : a.source;
    const auto actor = HW_TRY(s.actor());
    const auto r = HW_TRY(service::import_activity(*HW_TRY(s.context()), actor, source, parsed->spans,
                                                   parsed->covered_from, parsed->covered_to));
    if (s.json()) {
      s.print_json(service::to_json(r));
      return 0;
    }
    std::cout << "Imported " << what << " \"" << r.source.name << "\": " << plural(r.spans, "span", "spans") << " from "
              << core::to_string(r.source.covered_from) << " to " << core::to_string(r.source.covered_to) << ".\n"
              << "  " << r.counts.added << " added, " << r.counts.changed << " changed, " << r.counts.removed
              << " removed, " << r.counts.unchanged << " unchanged.\n";
    for (const auto& w : parsed->warnings) std::cout << "Warning (" << w.where << "): " << w.reason << "\n";
    return 0;
  });
}

void register_activity(CLI::App* cmd, Session& s, const char* name, const char* help, const char* what,
                       std::function<int(Session&, const ActivityArgs&, const char*)> run) {
  auto a = std::make_shared<ActivityArgs>();
  auto* sub = cmd->add_subcommand(name, help);
  add_common(sub, s);
  sub->add_option("file", a->file, "The export file")->required();
  sub->add_option("--source", a->source, std::string("Name of this source (default: ") + name + ")");
  sub->add_flag("--keep-titles", a->keep_titles, "Store application names or tags too");
  sub->callback([&s, a, what, run] { s.action = [&s, a, what, run] { return run(s, *a, what); }; });
}

}  // namespace

// Daylio and Loop Habit Tracker, in cmd_import_migrate.cpp.
void register_import_migrate(CLI::App* cmd, Session& s);

void register_import(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand(
      "import", "Import calendars and tracked activity as evidence for your boundaries and signals, or your history from Daylio and Loop Habit Tracker");
  cmd->require_subcommand(1);

  auto a = std::make_shared<CalendarArgs>();
  auto* cal = cmd->add_subcommand(
      "calendar",
      "Import an iCalendar (.ics) file. Re-importing the same source replaces what it held: new events are "
      "added, changed ones updated, missing ones removed. Titles are left out unless --keep-titles.");
  add_common(cal, s);
  cal->add_option("file", a->file, "The .ics file")->required();
  cal->add_option("--source", a->options.source, "Name of this calendar (default: the file name without extension)");
  cal->add_option("--me", a->options.me_email, "Your address in the file, to find events you declined "
                                               "(default: your account's or profile's e-mail)");
  cal->add_flag("--keep-titles", a->options.keep_titles, "Store event titles too");
  cal->add_flag("--skip-invalid", a->options.skip_invalid, "Skip and list invalid events instead of failing");
  cal->add_option("--from", a->options.from, "First day of the import window (default: 12 months ago)");
  cal->add_option("--to", a->options.to, "Last day of the import window (default: 3 months ahead)");
  cal->callback([&s, a] { s.action = [&s, a] { return import_calendar(s, *a); }; });

  register_activity(cmd, s, "activitywatch", "Import an ActivityWatch export (\"export all buckets\" JSON)",
                    "ActivityWatch", [](Session& s, const ActivityArgs& a, const char* what) {
                      return import_activity(s, a, what, "activitywatch", [](std::istream& in, bool keep_titles, service::Context&) {
                        ingest::ActivityWatchOptions o;
                        o.keep_titles = keep_titles;
                        return ingest::import_activitywatch(in, o);
                      });
                    });
  register_activity(cmd, s, "timewarrior", "Import `timew export` JSON; a running interval ends now", "Timewarrior",
                    [](Session& s, const ActivityArgs& a, const char* what) {
                      return import_activity(s, a, what, "timewarrior", [](std::istream& in, bool keep_titles, service::Context& ctx) {
                        ingest::TimewarriorOptions o;
                        o.keep_titles = keep_titles;
                        o.now = ctx.clock();
                        return ingest::import_timewarrior(in, o);
                      });
                    });
  register_import_migrate(cmd, s);

  auto* list = cmd->add_subcommand("list", "List imported sources");
  add_common(list, s);
  list->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto sources = HW_TRY(service::list_sources(*HW_TRY(s.context()), actor));
        if (s.json()) {
          nlohmann::json arr = nlohmann::json::array();
          for (const auto& src : sources) arr.push_back(service::to_json(src));
          s.print_json(arr);
          return 0;
        }
        if (sources.empty()) {
          std::cout << "Nothing imported yet. Try: headway import calendar work.ics\n";
          return 0;
        }
        Table t({"Name", "Kind", "Covers", "Items", "Imported (UTC)"});
        for (const auto& src : sources)
          t.add({src.name, core::to_string(src.kind),
                 core::to_string(src.covered_from) + " to " + core::to_string(src.covered_to),
                 std::to_string(src.items), core::format_instant(src.imported_at)});
        std::cout << t.render(s.color());
        return 0;
      });
    };
  });

  struct RemoveArgs {
    std::string name;
    std::optional<std::string> kind;
  };
  auto r = std::make_shared<RemoveArgs>();
  auto* rm = cmd->add_subcommand("remove", "Remove an imported source and everything it holds");
  add_common(rm, s, {});
  rm->add_option("name", r->name, "The source's name (see headway import list)")->required();
  rm->add_option("--kind", r->kind, "calendar or activity, when both kinds share the name");
  rm->callback([&s, r] {
    s.action = [&s, r] {
      return guarded(s, [&]() -> Result<int> {
        std::optional<core::SourceKind> kind;
        if (r->kind) {
          kind = core::parse_source_kind(*r->kind);
          if (!kind) return invalid("kind", "must be calendar or activity, got \"" + *r->kind + "\"");
        }
        const auto actor = HW_TRY(s.actor());
        const auto gone = HW_TRY(service::remove_source(*HW_TRY(s.context()), actor, r->name, kind));
        std::cout << "Removed " << core::to_string(gone.kind) << " \"" << gone.name << "\" ("
                  << plural(static_cast<int>(gone.items), "item", "items") << ").\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
