#include "cli/session.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "service/accounts.hpp"

namespace headway::cli {

Session::~Session() = default;

std::string Session::database_path() const { return (std::filesystem::path(data_dir) / "headway.db").string(); }

std::string Session::database_name() const {
  return database_url.empty() ? database_path() : store::redact_url(database_url);
}

Result<bool> Session::has_profile() {
  if (database_url.empty() && !std::filesystem::exists(database_path())) return false;
  auto ctx = context(false);
  if (!ctx) {
    if (ctx.error().code == ErrorCode::not_ready && !database_url.empty()) return false;  // schema not yet made
    return tl::unexpected(ctx.error());
  }
  return service::local_actor(**ctx).has_value();
}

Result<service::Context*> Session::context(bool create) {
  if (ctx_) return ctx_.get();
  namespace fs = std::filesystem;
  if (!database_url.empty()) {
    store::OpenOptions o;
    o.create = create;
    auto opened = store::open_database(database_url, o);
    if (!opened) return tl::unexpected(opened.error());
    db_ = std::move(*opened);
  } else if (create) {
    std::error_code ec;
    fs::create_directories(data_dir, ec);
    if (ec) return fail(ErrorCode::storage, "cannot create " + data_dir + ": " + ec.message(), "data_dir");
    fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  if (!db_) {
    store::SqliteOptions opt;
    opt.create = create;
    auto db = store::open_sqlite(database_path(), opt);
    if (!db) {
      if (db.error().code == ErrorCode::not_ready)
        return fail(ErrorCode::not_ready, "no Headway data in " + data_dir +
                                              "; run `headway init --name NAME --timezone ZONE` first (or pass --data-dir)");
      return tl::unexpected(db.error());
    }
    db_ = std::move(*db);
  }
  ctx_ = std::make_unique<service::Context>(service::Context{*db_, core::now, ""});
  const char* extra = std::getenv("HEADWAY_INSTRUMENTS_DIR");
  ctx_->instruments_dir = extra ? extra : (fs::path(data_dir) / "instruments").string();
  // Tests and demos may pin the clock: HEADWAY_NOW=2026-11-25T18:00:00Z.
  if (const char* now = std::getenv("HEADWAY_NOW")) {
    auto t = core::parse_instant(now, "HEADWAY_NOW");
    if (!t) return tl::unexpected(t.error());
    const core::Instant fixed = *t;
    ctx_->clock = [fixed] { return fixed; };
  }
  return ctx_.get();
}

Result<service::Actor> Session::actor() {
  auto* ctx = HW_TRY(context());
  return service::local_actor(*ctx);
}

Result<service::Actor> Session::actor_as(const std::string& email) {
  if (email.empty()) return actor();
  auto* ctx = HW_TRY(context());
  const auto password = HW_TRY(read_password("Password for " + email + ": ", false));
  auto who = service::verify_credentials(*ctx, email, password);
  if (!who) {
    Error e = who.error();
    if (e.field.empty() || e.field == "email") e.field = "as";
    return tl::unexpected(e);
  }
  return who->actor;
}

void Session::print_json(const nlohmann::json& j) const { std::cout << j.dump(2) << "\n"; }

int Session::report(const Error& e) const {
  std::string line = "headway: ";
  if (!e.field.empty() && e.message.rfind(e.field, 0) != 0) line += e.field + ": ";
  line += e.message;
  for (char& c : line)
    if (c == '\n') c = ' ';
  std::cerr << line << "\n";
  switch (e.code) {
    case ErrorCode::storage:
    case ErrorCode::internal: return 1;
    default: return 2;
  }
}

void add_common(CLI::App* cmd, Session& s, std::initializer_list<const char*> formats) {
  cmd->add_option("--data-dir", s.data_dir, "Data directory (default: $XDG_DATA_HOME/headway)");
  cmd->add_option("--database", s.database_url,
                  "Database URL: sqlite:///path/headway.db or postgresql://user@host:port/db (default: SQLite in the "
                  "data directory; also HEADWAY_DATABASE)");
  if (formats.size() > 0)
    cmd->add_option("--format", s.format, "Output format")->check(CLI::IsMember(std::vector<std::string>(formats.begin(), formats.end())));
}

void add_as(CLI::App* cmd, Session& s) {
  cmd->add_option("--as", s.as_email,
                  "Act as this account of a shared database (its password is read from stdin or prompted for; "
                  "default: the local profile)");
}

namespace {
// Reads one line without echo from a terminal.
std::string read_hidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  return line;
}
}  // namespace

Result<std::string> read_password(const std::string& prompt, bool confirm) {
  if (isatty(STDIN_FILENO)) {
    const std::string a = read_hidden(prompt);
    if (confirm && read_hidden("Repeat the password: ") != a) return invalid("password", "the two passwords differ");
    return a;
  }
  std::string line;
  if (!std::getline(std::cin, line)) return invalid("password", "no password on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace headway::cli
