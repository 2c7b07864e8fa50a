// headway export / import-data / backup / demo: your data, whole.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"
#include "service/demo.hpp"
#include "service/export.hpp"

namespace headway::cli {

void register_data(CLI::App& app, Session& s) {
  auto* ex = app.add_subcommand("export", "Write all your data as JSON to stdout");
  add_common(ex, s, {});
  ex->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        std::cout << HW_TRY(service::export_all(*HW_TRY(s.context()), actor));
        return 0;
      });
    };
  });

  auto file = std::make_shared<std::string>();
  auto* im = app.add_subcommand("import-data", "Import an export into an empty data directory");
  add_common(im, s, {});
  im->add_option("file", *file, "The export file, or - for stdin")->required();
  im->callback([&s, file] {
    s.action = [&s, file] {
      return guarded(s, [&]() -> Result<int> {
        std::stringstream buf;
        if (*file == "-") {
          buf << std::cin.rdbuf();
        } else {
          std::ifstream f(*file, std::ios::binary);
          if (!f) return invalid("file", "cannot read " + *file);
          buf << f.rdbuf();
        }
        // Refuse a data directory with a profile before creating anything.
        if (std::filesystem::exists(s.database_path())) {
          auto* ctx = HW_TRY(s.context());
          if (service::local_actor(*ctx)) return fail(ErrorCode::conflict, "this data directory already has a profile; import into an empty one");
        }
        auto* ctx = HW_TRY(s.context(true));
        const auto actor = HW_TRY(service::import_all(*ctx, buf.str()));
        std::cout << "Imported person " << actor.person_id << " into " << s.database_path() << ".\n";
        return 0;
      });
    };
  });

  auto target = std::make_shared<std::string>();
  auto* bk = app.add_subcommand("backup", "Copy the live database to FILE (SQLite online backup)");
  add_common(bk, s, {});
  bk->add_option("file", *target, "A new file to write")->required();
  bk->callback([&s, target] {
    s.action = [&s, target] {
      return guarded(s, [&]() -> Result<int> {
        HW_CHECK(store::backup_sqlite(s.database_path(), *target));
        std::cout << "Backed up " << s.database_path() << " to " << *target << ".\n";
        return 0;
      });
    };
  });
}

void register_demo(CLI::App& app, Session& s) {
  auto opt = std::make_shared<service::DemoOptions>();
  auto* cmd = app.add_subcommand("demo", "Fill an empty data directory with a believable person's data");
  add_common(cmd, s, {});
  cmd->add_option("--days", opt->days, "How many days of history (default 120)");
  cmd->add_option("--seed", opt->seed, "Random seed (default 42)");
  cmd->add_option("--timezone", opt->timezone, "Time zone of the demo person (default Europe/Berlin)");
  cmd->callback([&s, opt] {
    s.action = [&s, opt] {
      return guarded(s, [&]() -> Result<int> {
        if (opt->days < 14 || opt->days > 3660) return invalid("days", "must be 14 to 3660");
        HW_CHECK(core::Zone::find(opt->timezone));
        if (std::filesystem::exists(s.database_path())) {
          auto* ctx = HW_TRY(s.context());
          if (service::local_actor(*ctx))
            return fail(ErrorCode::conflict, "this data directory already has a profile; run demo on an empty one");
        }
        auto* ctx = HW_TRY(s.context(true));
        const auto sum = HW_TRY(service::run_demo(*ctx, *opt));
        std::cout << "Demo data for Sam Rivera: " << opt->days << " days, " << sum.checkins << " check-ins, "
                  << sum.wins << " wins, " << sum.completions << " walks, in " << s.database_path() << ".\n"
                  << "Try: headway --data-dir " << s.data_dir << " report week\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
