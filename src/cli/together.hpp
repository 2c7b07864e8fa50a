#pragma once
// Shared by the commands of the social side (circle, pledge, notifications).
#include <CLI/CLI.hpp>

#include "cli/session.hpp"

namespace headway::cli {

// Makes fn (returning Result<int>) the action of cmd when cmd is the one chosen.
template <typename Fn>
void on_run(CLI::App* cmd, Session& s, Fn fn) {
  cmd->callback([&s, fn] { s.action = [&s, fn] { return guarded(s, fn); }; });
}

// A subcommand with the options every social command takes: --data-dir, --database, --format and
// --as.
inline CLI::App* social_subcommand(CLI::App* cmd, Session& s, const char* name, const char* help) {
  auto* c = cmd->add_subcommand(name, help);
  add_common(c, s);
  add_as(c, s);
  return c;
}

}  // namespace headway::cli
