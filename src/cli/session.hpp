#pragma once
// State shared by the commands of one CLI run: options, the lazily opened database, output.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "service/context.hpp"

namespace CLI {
class App;
}

namespace headway::cli {

using core::Date;
using core::Id;

class Session {
 public:
  std::string data_dir;        // --data-dir, else HEADWAY_DATA_DIR, else $XDG_DATA_HOME/headway
  std::string database_url;    // --database, else HEADWAY_DATABASE; empty means SQLite in data_dir
  std::string format = "text"; // --format
  std::string as_email;        // --as, on the commands that may act as an account
  std::function<int()> action; // the chosen command, run after parsing

  // Opens the database (creating the directory and file only when `create`).
  Result<service::Context*> context(bool create = false);
  // The local profile's actor.
  Result<service::Actor> actor();
  // The person of the account with this email, once its password (read like `user add` reads it,
  // asked once) is right; the local profile's actor when email is empty.
  Result<service::Actor> actor_as(const std::string& email);
  std::string database_path() const;
  // What the database is, for messages: the SQLite path or the redacted URL.
  std::string database_name() const;
  // Whether the database exists and already has a local profile (opens it if it exists).
  Result<bool> has_profile();

  bool json() const { return format == "json"; }
  bool color() const { return color_; }
  // Prints a JSON document on stdout.
  void print_json(const nlohmann::json& j) const;
  // Prints an error as one line on stderr and returns the exit code for it.
  int report(const Error& e) const;

  explicit Session(bool color) : color_(color) {}
  ~Session();

 private:
  bool color_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<service::Context> ctx_;
};

// Adds --data-dir (and, when `format` lists choices, --format) to a command.
void add_common(CLI::App* cmd, Session& s, std::initializer_list<const char*> formats = {"text", "json"});

// Adds --as EMAIL (act as that account, after its password) to a command.
void add_as(CLI::App* cmd, Session& s);

// A password: on a terminal from a prompt without echo (asked twice when `confirm`), otherwise the
// first line of stdin.
Result<std::string> read_password(const std::string& prompt, bool confirm);

// Runs fn and turns its error into a printed line and exit code.
template <typename Fn>
int guarded(Session& s, Fn&& fn) {
  Result<int> r = fn();
  if (!r) return s.report(r.error());
  return *r;
}

// Registration of each command family (one file each).
void register_init(CLI::App& app, Session& s);
void register_profile(CLI::App& app, Session& s);
void register_value(CLI::App& app, Session& s);
void register_motivation(CLI::App& app, Session& s);
void register_goal(CLI::App& app, Session& s);
void register_boundary(CLI::App& app, Session& s);
void register_checkin(CLI::App& app, Session& s);
void register_win(CLI::App& app, Session& s);
void register_reflect(CLI::App& app, Session& s);
void register_assess(CLI::App& app, Session& s);
void register_strategy(CLI::App& app, Session& s);
void register_report(CLI::App& app, Session& s);
void register_data(CLI::App& app, Session& s);
void register_demo(CLI::App& app, Session& s);
void register_db(CLI::App& app, Session& s);
void register_user(CLI::App& app, Session& s);
void register_serve(CLI::App& app, Session& s);
void register_import(CLI::App& app, Session& s);
void register_signals(CLI::App& app, Session& s);
void register_feed(CLI::App& app, Session& s);
void register_circle(CLI::App& app, Session& s);
void register_pledge(CLI::App& app, Session& s);
void register_notifications(CLI::App& app, Session& s);

}  // namespace headway::cli
