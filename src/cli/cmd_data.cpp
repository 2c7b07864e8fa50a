// headway export / import-data / backup / demo: your data, whole.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"
#include "service/demo.hpp"
#include "service/copy.hpp"
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
        // Refuse a database with a profile, and check the whole file, before creating anything.
        if (HW_TRY(s.has_profile()))
          return fail(ErrorCode::conflict, "this data directory already has a profile; import into an empty one");
        HW_CHECK(service::validate_export(buf.str()));
        auto* ctx = HW_TRY(s.context(true));
        const auto actor = HW_TRY(service::import_all(*ctx, buf.str()));
        std::cout << "Imported person " << actor.person_id << " into " << s.database_name() << ".\n";
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
        std::string source = s.database_path();
        if (!s.database_url.empty()) {
          const auto& url = s.database_url;
          if (url.rfind("sqlite://", 0) == 0) source = url.substr(9);
          else if (url.rfind("sqlite:", 0) == 0) source = url.substr(7);
          else return invalid("database", "backup copies a SQLite database; for PostgreSQL use pg_dump (see docs/DEPLOYMENT.md)");
        }
        HW_CHECK(store::backup_sqlite(source, *target));
        std::cout << "Backed up " << source << " to " << *target << ".\n";
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
        if (HW_TRY(s.has_profile()))
          return fail(ErrorCode::conflict, "this data directory already has a profile; run demo on an empty one");
        auto* ctx = HW_TRY(s.context(true));
        const auto sum = HW_TRY(service::run_demo(*ctx, *opt));
        std::cout << "Demo data for Sam Rivera: " << opt->days << " days, " << sum.checkins << " check-ins, "
                  << sum.wins << " wins, " << sum.completions << " walks, in " << s.database_name() << ".\n"
                  << "Try: headway "
                  << (s.database_url.empty() ? "--data-dir " + s.data_dir : "--database " + s.database_name())
                  << " report week\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli

namespace headway::cli {

void register_db(CLI::App& app, Session& s) {
  auto* mig = app.add_subcommand("migrate", "Apply pending database migrations");
  add_common(mig, s, {});
  mig->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        std::unique_ptr<store::Database> db;
        if (s.database_url.empty()) {
          store::SqliteOptions o;
          db = HW_TRY(store::open_sqlite(s.database_path(), o));  // SQLite migrates on open
        } else {
          store::OpenOptions o;
          o.migrate = true;
          db = HW_TRY(store::open_database(s.database_url, o));
        }
        std::cout << s.database_name() << " is at schema version " << HW_TRY(db->schema_version()) << ".\n";
        return 0;
      });
    };
  });

  auto* db = app.add_subcommand("db", "Database operations");
  db->require_subcommand(1);
  struct CopyArgs {
    std::string from, to;
    bool force = false;
  };
  auto a = std::make_shared<CopyArgs>();
  auto* copy = db->add_subcommand("copy", "Copy everything from one database to another, and verify the copy");
  copy->add_option("--from", a->from, "Source URL (sqlite:///... or postgresql://...)")->required();
  copy->add_option("--to", a->to, "Target URL; created and migrated if needed")->required();
  copy->add_flag("--force", a->force, "Replace the contents of a non-empty target");
  copy->callback([&s, a] {
    s.action = [&s, a] {
      return guarded(s, [&]() -> Result<int> {
        store::OpenOptions src_opt;
        auto from = HW_TRY(store::open_database(a->from, src_opt));
        store::OpenOptions dst_opt;
        dst_opt.create = true;
        auto to = HW_TRY(store::open_database(a->to, dst_opt));
        const auto r = HW_TRY(service::copy_database(*from, *to, a->force));
        int64_t rows = 0;
        for (const auto& [t, n] : r.counts) rows += n;
        std::cout << "Copied " << rows << " rows (" << r.people << (r.people == 1 ? " person" : " people") << ") from " << store::redact_url(a->from)
                  << " to " << store::redact_url(a->to) << ".\nVerified: row counts of " << r.counts.size()
                  << " tables and the exports of " << r.exports_compared
                  << (r.exports_compared == 1 ? " person are" : " people are") << " equal.\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
