#include "cli/app.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"

namespace headway::cli {
namespace {

std::string default_data_dir() {
  if (const char* d = std::getenv("HEADWAY_DATA_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/headway";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/headway";
  return "./headway-data";
}

}  // namespace

int run(int argc, char** argv) {
  const bool color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  Session s(color);
  s.data_dir = default_data_dir();
  CLI::App app{"Headway: from why to what to keeping at it, for a better balance between work and life."};
  app.name("headway");
  app.require_subcommand(1);
  if (const char* url = std::getenv("HEADWAY_DATABASE"); url && *url) s.database_url = url;
  app.add_option("--data-dir", s.data_dir, "Data directory (default: $XDG_DATA_HOME/headway)");
  app.add_option("--database", s.database_url, "Database URL (sqlite:///path or postgresql://...)");
  app.set_version_flag("--version", "headway 0.1.0");
  register_init(app, s);
  register_profile(app, s);
  register_value(app, s);
  register_motivation(app, s);
  register_goal(app, s);
  register_boundary(app, s);
  register_checkin(app, s);
  register_win(app, s);
  register_reflect(app, s);
  register_assess(app, s);
  register_strategy(app, s);
  register_report(app, s);
  register_import(app, s);
  register_signals(app, s);
  register_feed(app, s);
  register_circle(app, s);
  register_pledge(app, s);
  register_notifications(app, s);
  register_data(app, s);
  register_demo(app, s);
  register_db(app, s);
  register_user(app, s);
  register_serve(app, s);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string msg = e.what();
    for (char& c : msg)
      if (c == '\n') c = ' ';
    std::cerr << "headway: " << msg << " (see --help)\n";
    return 2;
  }
  if (!s.action) {
    std::cerr << "headway: choose a command (see --help)\n";
    return 2;
  }
  try {
    return s.action();
  } catch (const std::exception& e) {
    std::cerr << "headway: internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace headway::cli
