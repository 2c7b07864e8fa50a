#pragma once
// Test harness for the CLI tests: runs the real `headway` binary in a temporary data directory,
// captures its output, and snapshots the database so a test can prove that nothing changed.
//
// Two backends, chosen by HEADWAY_CLI_BACKEND (tests/CMakeLists.txt registers the suite once per
// backend):
//   unset or "sqlite"  every data directory holds its SQLite file headway.db, as in normal use;
//   "postgresql"       every data directory a Headway runs in is mapped to its own fresh
//                      PostgreSQL database on the server named by HEADWAY_TEST_POSTGRES_URL (an
//                      admin URL; `make test` starts a throwaway server), passed to the binary as
//                      HEADWAY_DATABASE. The databases are dropped when the Headway goes.
// Tests that are about the SQLite file itself skip themselves on PostgreSQL with
// skip_unless_sqlite().
//
// Header-only on purpose: tests/CMakeLists.txt compiles tests/cli/*_test.cpp only.
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

namespace headway::cli_test {

namespace fs = std::filesystem;
using nlohmann::json;

// The pinned clock: a Wednesday evening in late November.
inline constexpr const char* kNow = "2026-11-25T18:00:00Z";

// --- the backend under test -------------------------------------------------------------------

enum class Backend { sqlite, postgresql };

inline std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

inline Backend backend() {
  static const Backend b = env_or_empty("HEADWAY_CLI_BACKEND") == "postgresql" ? Backend::postgresql : Backend::sqlite;
  return b;
}
inline bool on_postgres() { return backend() == Backend::postgresql; }
inline const char* backend_name() { return on_postgres() ? "postgresql" : "sqlite"; }

// The admin URL of the PostgreSQL test server (any database on it; the role may create databases).
inline std::string postgres_admin_url() { return env_or_empty("HEADWAY_TEST_POSTGRES_URL"); }

// The URL with its password replaced, for messages.
inline std::string redacted(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// Why the configured backend cannot be used, or empty when it can; found out once per process.
inline const std::string& backend_problem() {
  static const std::string problem = []() -> std::string {
    const std::string name = env_or_empty("HEADWAY_CLI_BACKEND");
    if (!name.empty() && name != "sqlite" && name != "postgresql")
      return "HEADWAY_CLI_BACKEND=" + name + " is neither \"sqlite\" nor \"postgresql\"";
    if (!on_postgres()) return "";
    const std::string url = postgres_admin_url();
    if (url.empty())
      return "HEADWAY_CLI_BACKEND=postgresql needs HEADWAY_TEST_POSTGRES_URL, the admin URL of a PostgreSQL test "
             "server (`make test` starts one; by hand: URL=$(bash scripts/pg-test-server.sh start DIR PORT))";
    try {
      pqxx::connection admin(url);
      pqxx::nontransaction tx(admin);
      tx.exec("SELECT 1");
    } catch (const std::exception& e) {
      return "HEADWAY_CLI_BACKEND=postgresql: cannot use the PostgreSQL test server " + redacted(url) + ": " + e.what();
    }
    return "";
  }();
  return problem;
}

// A misconfigured backend fails every test, before the test is even created: a fatal failure
// in OnTestStart is recorded on the test, and gtest then does not run it. (Not a skip: a run
// that was meant to cover PostgreSQL must not pass without it. Listing the tests, as
// gtest_discover_tests does at build time, needs no server.)
class BackendCheck : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(const ::testing::TestInfo&) override {
    if (!backend_problem().empty()) FAIL() << backend_problem();
  }
};
inline const bool kBackendCheckInstalled =
    (::testing::UnitTest::GetInstance()->listeners().Append(new BackendCheck), true);

// For tests about the SQLite file itself (its kinds of damage, its location, its backup).
#define SKIP_UNLESS_SQLITE()                        \
  do {                                              \
    if (::headway::cli_test::on_postgres()) {       \
      GTEST_SKIP() << "SQLite file behaviour";      \
    }                                               \
  } while (0)

struct RunResult {
  int code = -1;  // exit code; 128+N when killed by signal N
  std::string out;
  std::string err;

  // Lines of stderr (without the trailing newline of each).
  std::vector<std::string> err_lines() const {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  }
};

// gtest prints this when an assertion on a RunResult fails.
inline std::ostream& operator<<(std::ostream& os, const RunResult& r) {
  return os << "{exit " << r.code << ", stdout " << ::testing::PrintToString(r.out.substr(0, 2000)) << ", stderr "
            << ::testing::PrintToString(r.err.substr(0, 2000)) << "}";
}

struct RunOptions {
  std::vector<std::pair<std::string, std::string>> env;  // set or override these variables
  std::optional<std::string> stdin_text;                 // fed to the child's stdin; otherwise /dev/null
};

namespace detail {

inline void set_nonblock(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (::pipe2(fd, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() { close_both(); }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void close_both() {
    close_end(0);
    close_end(1);
  }
};

}  // namespace detail

// Runs `program args...` with exactly the environment `env` (nothing inherited), feeds stdin and
// collects stdout and stderr with poll so a chatty child can never deadlock against us.
inline RunResult spawn(const std::string& program, const std::vector<std::string>& args,
                       const std::vector<std::pair<std::string, std::string>>& env,
                       const std::optional<std::string>& stdin_text) {
  detail::Pipe in, out, err;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (stdin_text)
    posix_spawn_file_actions_adddup2(&fa, in.fd[0], STDIN_FILENO);
  else
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, out.fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, err.fd[1], STDERR_FILENO);

  std::vector<std::string> argv_s;
  argv_s.push_back(program);
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  // Writing to a child that already exited must not kill the test runner; the child itself gets
  // the default SIGPIPE action back.
  static const bool sigpipe_ignored = [] { return ::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
  (void)sigpipe_ignored;
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t def;
  sigemptyset(&def);
  sigaddset(&def, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &def);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program.c_str(), &fa, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error("posix_spawn " + program + ": " + std::strerror(rc));
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);

  RunResult r;
  const std::string feed = stdin_text.value_or("");
  size_t fed = 0;
  if (!stdin_text || feed.empty())
    in.close_end(1);
  else
    detail::set_nonblock(in.fd[1]);
  detail::set_nonblock(out.fd[0]);
  detail::set_nonblock(err.fd[0]);
  std::array<char, 65536> buf{};
  while (out.fd[0] >= 0 || err.fd[0] >= 0 || in.fd[1] >= 0) {
    std::vector<pollfd> fds;
    if (out.fd[0] >= 0) fds.push_back({out.fd[0], POLLIN, 0});
    if (err.fd[0] >= 0) fds.push_back({err.fd[0], POLLIN, 0});
    if (in.fd[1] >= 0) fds.push_back({in.fd[1], POLLOUT, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    for (const auto& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in.fd[1]) {
        const ssize_t n = ::write(in.fd[1], feed.data() + fed, feed.size() - fed);
        if (n > 0) fed += static_cast<size_t>(n);
        // A child that stops reading (EPIPE) simply gets no more input.
        if ((n < 0 && errno != EAGAIN) || fed == feed.size() || (p.revents & (POLLERR | POLLHUP))) in.close_end(1);
        continue;
      }
      std::string& sink = p.fd == out.fd[0] ? r.out : r.err;
      detail::Pipe& pipe = p.fd == out.fd[0] ? out : err;
      const ssize_t n = ::read(p.fd, buf.data(), buf.size());
      if (n > 0)
        sink.append(buf.data(), static_cast<size_t>(n));
      else if (n == 0 || errno != EAGAIN)
        pipe.close_end(0);
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// A temporary directory removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/headway-cli-XXXXXX";
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  fs::path operator/(const std::string& p) const { return path_ / p; }

 private:
  fs::path path_;
};

inline std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& p, const std::string& content) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + p.string());
}

// The logical content of a data directory: the export (when a profile exists), and every table's
// row count and rows, read through SQLite opened read-only.
struct DbSnapshot {
  bool exists = false;
  int export_code = -1;
  std::string export_json;
  std::map<std::string, int64_t> counts;    // table -> rows
  std::map<std::string, std::string> rows;  // table -> all rows, rendered, in rowid order

  bool operator==(const DbSnapshot&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const DbSnapshot& s) {
  os << "{exists " << s.exists << ", export exit " << s.export_code << ", " << s.export_json.size()
     << " bytes of export, counts:";
  for (const auto& [t, n] : s.counts) os << " " << t << "=" << n;
  return os << "}";
}

// Reads the row counts and content of every table of the SQLite file at `db`.
inline void read_tables(const fs::path& db, DbSnapshot& snap) {
  sqlite3* conn = nullptr;
  if (sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    const std::string msg = conn ? sqlite3_errmsg(conn) : "out of memory";
    sqlite3_close_v2(conn);
    throw std::runtime_error("cannot open " + db.string() + " read-only: " + msg);
  }
  const auto query = [&](const std::string& sql, auto&& on_row) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(conn, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      const std::string msg = sqlite3_errmsg(conn);
      sqlite3_close_v2(conn);
      throw std::runtime_error(sql + ": " + msg);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) on_row(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
      const std::string msg = sqlite3_errmsg(conn);
      sqlite3_close_v2(conn);
      throw std::runtime_error(sql + ": " + msg);
    }
  };
  std::vector<std::string> tables;
  query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
        [&](sqlite3_stmt* st) { tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))); });
  for (const auto& t : tables) {
    int64_t n = 0;
    std::string rows;
    query("SELECT * FROM \"" + t + "\" ORDER BY rowid", [&](sqlite3_stmt* st) {
      ++n;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        rows += v ? std::string(reinterpret_cast<const char*>(v), static_cast<size_t>(sqlite3_column_bytes(st, c)))
                  : std::string("NULL");
        rows += '\x1f';
      }
      rows += '\x1e';
    });
    snap.counts[t] = n;
    snap.rows[t] = std::move(rows);
  }
  sqlite3_close_v2(conn);
}

// Creates a SQLite database of "another application" at `path`: one table, one row.
inline void make_foreign_sqlite(const fs::path& path) {
  sqlite3* conn = nullptr;
  if (sqlite3_open_v2(path.c_str(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot create " + path.string());
  char* msg = nullptr;
  const int rc = sqlite3_exec(conn,
                              "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT NOT NULL);"
                              "INSERT INTO recipes (title) VALUES ('Pancakes');",
                              nullptr, nullptr, &msg);
  const std::string err = msg ? msg : "";
  sqlite3_free(msg);
  sqlite3_close_v2(conn);
  if (rc != SQLITE_OK) throw std::runtime_error("foreign database: " + err);
}

// Runs SQL statements on a SQLite file (read-write), for tests that tamper with a database.
inline void exec_sqlite(const fs::path& path, const std::string& sql) {
  sqlite3* conn = nullptr;
  if (sqlite3_open_v2(path.c_str(), &conn, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(conn);
    throw std::runtime_error("cannot open " + path.string());
  }
  char* msg = nullptr;
  const int rc = sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, &msg);
  const std::string err = msg ? msg : "";
  sqlite3_free(msg);
  sqlite3_close_v2(conn);
  if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + err);
}

// --- PostgreSQL: one database per data directory ----------------------------------------------

namespace pg {

// The admin URL with another database name.
inline std::string url_of(const std::string& database) {
  const std::string admin = postgres_admin_url();
  if (admin.empty()) throw std::runtime_error("HEADWAY_TEST_POSTGRES_URL is not set");
  const auto scheme = admin.find("://");
  const auto slash = admin.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return admin + "/" + database;
  const auto query = admin.find('?', slash);
  return admin.substr(0, slash + 1) + database + (query == std::string::npos ? "" : admin.substr(query));
}

inline std::string quoted(const std::string& name) { return "\"" + name + "\""; }

// Runs statements outside a transaction on the admin database (CREATE/DROP DATABASE).
inline void admin_exec(const std::string& sql) {
  pqxx::connection admin(postgres_admin_url());
  pqxx::nontransaction tx(admin);
  tx.exec(sql);
}

inline void exec_in(const std::string& database, const std::string& sql) {
  pqxx::connection c(url_of(database));
  pqxx::work tx(c);
  tx.exec(sql);
  tx.commit();
}

// Which database each data directory of this process maps to. Shared by every Headway, so one
// can run in (or adopt) another's directory; never destroyed, so it outlives the Templates.
struct Registry {
  std::mutex mutex;
  std::map<std::string, std::string> database_of;  // normalised directory -> database name
  int next = 0;
};
inline Registry& registry() {
  static auto* r = new Registry;
  return *r;
}

inline std::string key_of(const fs::path& dir) {
  fs::path p = fs::absolute(dir).lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p.string();
}

inline std::optional<std::string> find(const fs::path& dir) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  const auto it = r.database_of.find(key_of(dir));
  if (it == r.database_of.end()) return std::nullopt;
  return it->second;
}

// A name unique on the server while this process lives: ctest runs test processes in parallel.
inline std::string new_name() {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  return "hw_cli_" + std::to_string(::getpid()) + "_" + std::to_string(r.next++);
}

// Creates a database (empty, or a copy of `from`); a leftover of a crashed process that had the
// same pid is dropped first.
inline void create(const std::string& name, const std::optional<std::string>& from = std::nullopt) {
  admin_exec("DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
  admin_exec("CREATE DATABASE " + quoted(name) + (from ? " TEMPLATE " + quoted(*from) : std::string()));
}

inline void map(const fs::path& dir, const std::string& name) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  r.database_of[key_of(dir)] = name;
}

// Forgets every directory mapped to `name` and drops it from the server.
inline void drop(const std::string& name) {
  {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    for (auto it = r.database_of.begin(); it != r.database_of.end();)
      it = it->second == name ? r.database_of.erase(it) : std::next(it);
  }
  admin_exec("DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
}

inline bool has_table(const std::string& database, const std::string& table) {
  pqxx::connection c(url_of(database));
  pqxx::read_transaction tx(c);
  const auto r = tx.exec("SELECT to_regclass(" + tx.quote("public." + table) + ") IS NOT NULL");
  return r[0][0].as<bool>();
}

// Every table of schema public with all its rows, each row rendered as PostgreSQL's text of the
// whole row, sorted by that text (byte order) so the rendering does not depend on physical order;
// `exists` tells whether the database is migrated (has schema_migrations).
inline void read_tables(const std::string& database, DbSnapshot& snap) {
  pqxx::connection c(url_of(database));
  pqxx::read_transaction tx(c);
  snap.exists = tx.exec("SELECT to_regclass('public.schema_migrations') IS NOT NULL")[0][0].as<bool>();
  const auto tables = tx.exec(
      "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\"");
  for (const auto& t : tables) {
    const std::string table = t[0].c_str();
    const auto rows =
        tx.exec("SELECT r::text FROM public." + tx.quote_name(table) + " AS r ORDER BY r::text COLLATE \"C\"");
    std::string rendered;
    for (const auto& row : rows) {
      rendered += row[0].is_null() ? std::string("NULL") : std::string(row[0].c_str());
      rendered += '\x1e';
    }
    snap.counts[table] = static_cast<int64_t>(rows.size());
    snap.rows[table] = std::move(rendered);
  }
}

}  // namespace pg

// Parses JSON or fails the test with the text that did not parse.
inline json parse_json(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << text.substr(0, 2000);
  return j;
}

// Runs headway against one data directory inside its own temporary HOME. On PostgreSQL each data
// directory it runs in gets its own database (see the top of this file).
class Headway {
 public:
  Headway() : data_dir_(home_.path() / "data") {}
  ~Headway() {
    for (const auto& name : owned_) {
      try {
        pg::drop(name);
      } catch (const std::exception& e) {
        std::cerr << "headway cli tests: cannot drop database " << name << ": " << e.what() << "\n";
      }
    }
  }

  const fs::path& data_dir() const { return data_dir_; }
  // The SQLite file of the data directory (SQLite backend).
  fs::path db_path() const { return data_dir_ / "headway.db"; }
  const TempDir& home() const { return home_; }

  // The environment every run gets: a pinned clock, no colour, a private HOME. (On PostgreSQL
  // each run also gets HEADWAY_DATABASE for its data directory.)
  std::vector<std::pair<std::string, std::string>> base_env() const {
    return {{"PATH", "/usr/bin:/bin"},
            {"HOME", home_.str()},
            {"XDG_DATA_HOME", (home_.path() / "xdg").string()},
            {"HEADWAY_NOW", kNow},
            {"NO_COLOR", "1"},
            {"LANG", "C.UTF-8"},
            {"TZ", "UTC"}};
  }

  // headway <args...> with no --data-dir added.
  RunResult raw(const std::vector<std::string>& args, const RunOptions& opt = {}) const {
    auto env = base_env();
    for (const auto& [k, v] : opt.env) {
      bool replaced = false;
      for (auto& e : env)
        if (e.first == k) e.second = v, replaced = true;
      if (!replaced) env.emplace_back(k, v);
    }
    if (on_postgres()) {
      // The data directory this run uses, as the binary picks it, gets its database.
      const auto var = [&](const std::string& k) -> std::optional<std::string> {
        for (const auto& [name, v] : env)
          if (name == k) return v;
        return std::nullopt;
      };
      const bool url_given = std::find(args.begin(), args.end(), "--database") != args.end();
      if (!var("HEADWAY_DATABASE") && !url_given) {
        std::optional<std::string> dir;
        for (size_t i = 0; i + 1 < args.size() && !dir; ++i)
          if (args[i] == "--data-dir") dir = args[i + 1];
        if (!dir && var("HEADWAY_DATA_DIR") && !var("HEADWAY_DATA_DIR")->empty()) dir = var("HEADWAY_DATA_DIR");
        if (!dir && var("XDG_DATA_HOME") && !var("XDG_DATA_HOME")->empty()) dir = *var("XDG_DATA_HOME") + "/headway";
        if (!dir) dir = var("HOME").value_or("") + "/.local/share/headway";
        env.emplace_back("HEADWAY_DATABASE", database_url(*dir));
      }
    }
    return spawn(HEADWAY_BINARY, args, env, opt.stdin_text);
  }

  // headway --data-dir DIR <args...>
  RunResult operator()(const std::vector<std::string>& args, const RunOptions& opt = {}) const {
    return in(data_dir_, args, opt);
  }
  RunResult in(const fs::path& dir, const std::vector<std::string>& args, const RunOptions& opt = {}) const {
    std::vector<std::string> full{"--data-dir", dir.string()};
    full.insert(full.end(), args.begin(), args.end());
    return raw(full, opt);
  }
  // Runs with --format json and parses stdout; the run must succeed.
  json json_of(const std::vector<std::string>& args) const { return json_in(data_dir_, args); }
  json json_in(const fs::path& dir, std::vector<std::string> args) const {
    args.push_back("--format");
    args.push_back("json");
    const auto r = in(dir, args);
    EXPECT_EQ(r.code, 0) << r;
    return parse_json(r.out);
  }

  // Creates the standard test person: Berlin, Mon-Fri 09:00-17:30.
  void init(const std::string& zone = "Europe/Berlin", const std::string& hours = "Mon-Fri 09:00-17:30") const {
    const auto r = (*this)({"init", "--name", "Alex Test", "--timezone", zone, "--work-hours", hours});
    ASSERT_EQ(r.code, 0) << r;
  }

  // Makes this data directory a copy of `src` (a data directory no process has open): the
  // directory, and on PostgreSQL its database too.
  void adopt(const fs::path& src) const {
    fs::remove_all(data_dir_);
    if (fs::exists(src)) fs::copy(src, data_dir_, fs::copy_options::recursive);
    if (!on_postgres()) return;
    if (const auto mine = pg::find(data_dir_)) {
      pg::drop(*mine);
      owned_.erase(std::remove(owned_.begin(), owned_.end(), *mine), owned_.end());
    }
    if (const auto theirs = pg::find(src)) {
      const std::string name = pg::new_name();
      owned_.push_back(name);
      pg::create(name, *theirs);
      pg::map(data_dir_, name);
    }
  }

  // Whether the data directory holds a database: the SQLite file exists, or the PostgreSQL
  // database has been migrated (it has the schema_migrations table).
  bool has_database() const { return has_database(data_dir_); }
  bool has_database(const fs::path& dir) const {
    if (!on_postgres()) return fs::exists(dir / "headway.db");
    const auto db = pg::find(dir);
    return db && pg::has_table(*db, "schema_migrations");
  }

  // How headway names the database of `dir` in its messages: the SQLite path or the redacted URL.
  std::string database_name(const fs::path& dir) const {
    return on_postgres() ? redacted(database_url(dir)) : (dir / "headway.db").string();
  }

  // The URL of the PostgreSQL database of `dir`, created empty on first use.
  std::string database_url(const fs::path& dir) const {
    if (const auto db = pg::find(dir)) return pg::url_of(*db);
    const std::string name = pg::new_name();
    owned_.push_back(name);
    pg::create(name);
    pg::map(dir, name);
    return pg::url_of(name);
  }

  // Puts a database of another application where headway looks for its own: a SQLite file, or
  // on PostgreSQL a database, with one table of someone else's, and then runs `extra_sql` on it.
  void make_foreign_database(const fs::path& dir, const std::string& extra_sql = "") const {
    if (!on_postgres()) {
      fs::create_directories(dir);
      make_foreign_sqlite(dir / "headway.db");
    } else {
      database_url(dir);
      pg::exec_in(*pg::find(dir),
                  "CREATE TABLE recipes (id SERIAL PRIMARY KEY, title TEXT NOT NULL);"
                  "INSERT INTO recipes (title) VALUES ('Pancakes');");
    }
    if (!extra_sql.empty()) exec_sql(dir, extra_sql);
  }

  // Runs SQL statements against the database of `dir` (which must exist), to tamper with it.
  void exec_sql(const fs::path& dir, const std::string& sql) const {
    if (!on_postgres()) return exec_sqlite(dir / "headway.db", sql);
    const auto db = pg::find(dir);
    if (!db) throw std::runtime_error("no database for " + dir.string());
    pg::exec_in(*db, sql);
  }

  // Every table's rows (without the export): of the SQLite file, or of the PostgreSQL database.
  DbSnapshot tables_of(const fs::path& dir) const {
    DbSnapshot s;
    if (!on_postgres()) {
      s.exists = fs::exists(dir / "headway.db");
      if (s.exists) read_tables(dir / "headway.db", s);
      return s;
    }
    if (const auto db = pg::find(dir)) pg::read_tables(*db, s);
    return s;
  }

  DbSnapshot snapshot() const { return snapshot_of(data_dir_); }
  DbSnapshot snapshot_of(const fs::path& dir) const {
    DbSnapshot s = tables_of(dir);
    if (!s.exists) return {};
    const auto ex = in(dir, {"export"});
    s.export_code = ex.code;
    s.export_json = ex.code == 0 ? ex.out : "";
    return s;
  }

 private:
  TempDir home_;
  fs::path data_dir_;
  mutable std::vector<std::string> owned_;  // PostgreSQL databases this Headway created
};

// A data directory filled once per test binary by `seed` and then copied by each test with
// Headway::adopt, so expensive setup (a demo, a journey) runs only once.
class Template {
 public:
  template <typename Seed>
  explicit Template(Seed&& seed) {
    seed(hw_);
  }
  const fs::path& dir() const { return hw_.data_dir(); }
  const Headway& headway() const { return hw_; }

 private:
  Headway hw_;
};

// Asserts the shape of a refusal: exit 2 and exactly one "headway: " line on stderr.
inline void expect_refusal(const RunResult& r, const std::string& must_mention) {
  EXPECT_EQ(r.code, 2) << r;
  const auto lines = r.err_lines();
  EXPECT_EQ(lines.size(), 1u) << r;
  EXPECT_TRUE(r.err.rfind("headway: ", 0) == 0) << r;
  EXPECT_TRUE(!r.err.empty() && r.err.back() == '\n') << r;
  if (!must_mention.empty()) {
    EXPECT_NE(r.err.find(must_mention), std::string::npos) << "expected '" << must_mention << "' in " << r;
  }
}

// Tests of known bugs are skipped: `if (!run_known_bugs()) GTEST_SKIP() << "known bug: ...";`.
// Set HEADWAY_RUN_KNOWN_BUGS=1 to run them anyway, e.g. to see whether a fix landed.
inline bool run_known_bugs() {
  const char* v = std::getenv("HEADWAY_RUN_KNOWN_BUGS");
  return v && *v && std::string(v) != "0";
}

inline bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// Compares two long texts (exports, files) and on failure shows where they first differ instead
// of printing both in full.
inline ::testing::AssertionResult same_text(const std::string& a, const std::string& b) {
  if (a == b) return ::testing::AssertionSuccess();
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const size_t from = i < 80 ? 0 : i - 80;
  return ::testing::AssertionFailure() << "texts of " << a.size() << " and " << b.size() << " bytes differ at byte "
                                       << i << ":\n  " << ::testing::PrintToString(a.substr(from, 160)) << "\nvs\n  "
                                       << ::testing::PrintToString(b.substr(from, 160));
}

}  // namespace headway::cli_test
