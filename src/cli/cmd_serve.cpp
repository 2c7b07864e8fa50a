// headway serve: the web server with the JSON API.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"
#include "http/log.hpp"
#include "http/server.hpp"
#include "service/accounts.hpp"

namespace headway::cli {
namespace {

struct ServeArgs {
  std::string listen, public_url, config, access_log, threads;
  std::string read_timeout, max_connections, max_connections_per_ip, web_dir;
  bool trust_proxy = false;
  bool data_dir_given = false;  // --data-dir on the command line beats the config file
};

// Settings from a config file of "key = value" lines ('#' starts a comment).
Result<std::map<std::string, std::string>> read_config(const std::string& path) {
  std::map<std::string, std::string> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  if (!in) return invalid("config", "cannot read the config file " + path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) return invalid("config", path + " line " + std::to_string(n) + ": expected key = value");
    auto trim = [](std::string s) {
      s.erase(0, s.find_first_not_of(" \t\r"));
      s.erase(s.find_last_not_of(" \t\r") + 1);
      return s;
    };
    const std::string key = trim(line.substr(0, eq));
    static const char* known[] = {"listen",      "threads",         "public_url",            "trust_proxy",
                                  "access_log",  "database",        "data_dir",              "read_timeout",
                                  "max_connections", "max_connections_per_ip", "web_dir"};
    if (std::find(std::begin(known), std::end(known), key) == std::end(known))
      return invalid("config", path + " line " + std::to_string(n) + ": unknown setting \"" + key + "\"");
    out[key] = trim(line.substr(eq + 1));
  }
  return out;
}

// Flags win, then HEADWAY_* variables, then the config file, then the default.
std::string pick(const std::string& flag, const char* env, const std::map<std::string, std::string>& file,
                 const char* key, std::string fallback) {
  if (!flag.empty()) return flag;
  if (const char* v = std::getenv(env); v && *v) return v;
  if (auto it = file.find(key); it != file.end()) return it->second;
  return fallback;
}

// A whole number in [lo, hi] from a setting's text.
Result<long> parse_number(const std::string& v, const char* field, long lo, long hi) {
  try {
    size_t used = 0;
    const long n = std::stol(v, &used);
    if (used == v.size() && n >= lo && n <= hi) return n;
  } catch (...) {
  }
  return invalid(field, std::string(field) + " must be a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi) + ", not \"" + v + "\"");
}

Result<bool> parse_switch(const std::string& v, const char* field) {
  if (v == "1" || v == "true" || v == "on" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "off" || v == "no" || v.empty()) return false;
  return invalid(field, std::string(field) + " must be on or off, not \"" + v + "\"");
}

Result<int> serve(Session& s, const ServeArgs& a) {
  const auto file = HW_TRY(read_config(pick(a.config, "HEADWAY_CONFIG", {}, "", "")));
  if (s.database_url.empty()) s.database_url = pick("", "HEADWAY_DATABASE", file, "database", "");
  if (auto it = file.find("data_dir"); it != file.end() && !a.data_dir_given && !std::getenv("HEADWAY_DATA_DIR"))
    s.data_dir = it->second;
  http::ServerOptions opt;
  opt.listen = pick(a.listen, "HEADWAY_LISTEN", file, "listen", opt.listen);
  opt.threads = static_cast<int>(HW_TRY(parse_number(pick(a.threads, "HEADWAY_THREADS", file, "threads", "0"), "threads", 0, 256)));
  opt.trust_proxy = a.trust_proxy || HW_TRY(parse_switch(pick("", "HEADWAY_TRUST_PROXY", file, "trust_proxy", ""), "trust_proxy"));
  opt.access_log = HW_TRY(parse_switch(pick(a.access_log, "HEADWAY_ACCESS_LOG", file, "access_log", "on"), "access_log"));
  opt.read_timeout = std::chrono::seconds(HW_TRY(
      parse_number(pick(a.read_timeout, "HEADWAY_READ_TIMEOUT", file, "read_timeout", "15"), "read_timeout", 1, 3600)));
  opt.max_connections = static_cast<size_t>(HW_TRY(parse_number(
      pick(a.max_connections, "HEADWAY_MAX_CONNECTIONS", file, "max_connections", "4096"), "max_connections", 1, 1000000)));
  opt.max_connections_per_ip = static_cast<size_t>(HW_TRY(
      parse_number(pick(a.max_connections_per_ip, "HEADWAY_MAX_CONNECTIONS_PER_IP", file, "max_connections_per_ip", "256"),
                   "max_connections_per_ip", 1, 1000000)));
  http::ApiOptions api_opt;
  api_opt.public_url = pick(a.public_url, "HEADWAY_PUBLIC_URL", file, "public_url", "");
  api_opt.web_dir = pick(a.web_dir, "HEADWAY_WEB_DIR", file, "web_dir", HEADWAY_DEFAULT_WEB_DIR);
  if (!api_opt.public_url.empty() && api_opt.public_url.rfind("http://", 0) != 0 && api_opt.public_url.rfind("https://", 0) != 0)
    return invalid("public_url", "public_url must start with http:// or https://");

  auto* ctx = HW_TRY(s.context(true));
  api_opt.instruments_dir = ctx->instruments_dir;
  HW_CHECK(service::prune_sessions(*ctx));
  http::Metrics metrics;
  http::Api api(ctx->db, api_opt, metrics, ctx->clock);
  const auto accounts = HW_TRY(service::list_accounts(*ctx));
  HW_CHECK(http::run_server(api, metrics, opt, [&](const std::string& bound) {
    std::cout << "headway serve: listening on http://" << bound << " (" << s.database_name() << ")\n";
    if (accounts.empty())
      std::cout << "No accounts yet. Create the first one (you will be asked for a password):\n"
                << "  headway user add --email you@example.org --admin "
                << (s.database_url.empty() ? "--data-dir " + s.data_dir : "--database " + s.database_name()) << "\n";
    std::cout << std::flush;
  }));
  std::cout << "headway serve: stopped\n";
  return 0;
}

}  // namespace

void register_serve(CLI::App& app, Session& s) {
  auto a = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "Run the web server with the JSON API");
  auto* data_dir = cmd->add_option("--data-dir", s.data_dir, "Data directory (default: $XDG_DATA_HOME/headway)");
  auto* global_data_dir = app.get_option_no_throw("--data-dir");
  cmd->add_option("--database", s.database_url, "Database URL (sqlite:///path or postgresql://...)");
  cmd->add_option("--listen", a->listen, "HOST:PORT to listen on (default 127.0.0.1:8080; env HEADWAY_LISTEN)");
  cmd->add_option("--threads", a->threads, "I/O threads (default one per core; env HEADWAY_THREADS)");
  cmd->add_option("--public-url", a->public_url,
                  "The address people use, e.g. https://headway.example.org: the accepted Origin, and Secure cookies "
                  "for https (env HEADWAY_PUBLIC_URL)");
  cmd->add_flag("--trust-proxy", a->trust_proxy, "Take the client address and scheme from X-Forwarded-For/-Proto");
  cmd->add_option("--access-log", a->access_log, "on (default) or off (env HEADWAY_ACCESS_LOG)");
  cmd->add_option("--read-timeout", a->read_timeout,
                  "Seconds a request may take to arrive, and a kept-alive connection may idle (default 15; env "
                  "HEADWAY_READ_TIMEOUT)");
  cmd->add_option("--max-connections", a->max_connections, "Open connections in total (default 4096; env HEADWAY_MAX_CONNECTIONS)");
  cmd->add_option("--max-connections-per-ip", a->max_connections_per_ip,
                  "Open connections per client address (default 256; env HEADWAY_MAX_CONNECTIONS_PER_IP)");
  cmd->add_option("--web-dir", a->web_dir,
                  "The built web UI to serve at / (default: web/dist of the source tree; env HEADWAY_WEB_DIR)");
  cmd->add_option("--config", a->config, "A file of key = value settings (env HEADWAY_CONFIG)");
  cmd->callback([&s, a, data_dir, global_data_dir] {
    a->data_dir_given = data_dir->count() > 0 || (global_data_dir && global_data_dir->count() > 0);
    s.action = [&s, a] { return guarded(s, [&] { return serve(s, *a); }); };
  });
}

}  // namespace headway::cli
