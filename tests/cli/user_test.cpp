// headway user (accounts, invites, registration mode, API tokens) and headway serve: start on a
// free port, answer /healthz, sign in, stop cleanly on SIGTERM; bad serve flags are refused.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <chrono>

#include "harness.hpp"

namespace headway::cli_test {
namespace {

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kNewPassword = "a different long passphrase";

RunOptions with_stdin(const std::string& text) {
  RunOptions o;
  o.stdin_text = text;
  return o;
}

// user add with the password on stdin.
RunResult add_user(const Headway& hw, const std::string& email, const std::string& password, bool admin = false) {
  std::vector<std::string> args{"user", "add", "--email", email};
  if (admin) args.push_back("--admin");
  return hw(args, with_stdin(password + "\n"));
}

json list_users(const Headway& hw) { return hw.json_of({"user", "list"}); }

// The stored accounts rows, rendered (both backends).
std::string accounts_rows(const Headway& hw) { return hw.tables_of(hw.data_dir()).rows["accounts"]; }

TEST(User, AddReadsThePasswordFromStdinAndListsTheAccount) {
  Headway hw;
  const auto admin = add_user(hw, "ana@example.org", kPassword, /*admin=*/true);
  ASSERT_EQ(admin.code, 0) << admin;
  EXPECT_TRUE(contains(admin.out, "ana@example.org")) << admin;
  const auto member = add_user(hw, "bob@example.org", kPassword);
  ASSERT_EQ(member.code, 0) << member;

  const json list = list_users(hw);
  ASSERT_TRUE(list.is_array()) << list;
  ASSERT_EQ(list.size(), 2u) << list;
  EXPECT_EQ(list[0]["email"], "ana@example.org");
  EXPECT_EQ(list[0]["admin"], true);
  EXPECT_EQ(list[1]["email"], "bob@example.org");
  EXPECT_EQ(list[1]["admin"], false);
  // The stored hash is argon2id, never the password.
  const std::string rows = accounts_rows(hw);
  EXPECT_TRUE(contains(rows, "$argon2id$")) << rows;
  EXPECT_FALSE(contains(rows, kPassword));
}

TEST(User, AddJsonOutputNamesTheAccount) {
  Headway hw;
  const auto r = hw({"user", "add", "--email", "ana@example.org", "--admin", "--format", "json"},
                    with_stdin(std::string(kPassword) + "\n"));
  ASSERT_EQ(r.code, 0) << r;
  const json j = parse_json(r.out);
  EXPECT_EQ(j["email"], "ana@example.org");
  EXPECT_EQ(j["admin"], true);
  EXPECT_TRUE(j["id"].is_number_integer()) << j;
  EXPECT_TRUE(j["person_id"].is_number_integer()) << j;
}

struct BadAdd {
  std::string name;
  std::string email;
  std::optional<std::string> stdin_text;
  std::string mention;
};

std::ostream& operator<<(std::ostream& os, const BadAdd& c) { return os << c.name; }

class UserAddRefused : public ::testing::TestWithParam<BadAdd> {};

TEST_P(UserAddRefused, ExitsTwoNamingTheFieldAndCreatesNothing) {
  const BadAdd& c = GetParam();
  Headway hw;
  RunOptions opt;
  opt.stdin_text = c.stdin_text;
  const auto r = hw({"user", "add", "--email", c.email}, opt);
  expect_refusal(r, c.mention);
  EXPECT_FALSE(contains(r.err, "short1")) << "the password was echoed: " << r;
  // Nothing created: no account, and no person made for it.
  if (hw.has_database()) {
    EXPECT_EQ(list_users(hw), json::array());
    EXPECT_EQ(hw.tables_of(hw.data_dir()).counts["people"], 0);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UserAddRefused,
    ::testing::Values(BadAdd{"PasswordTooShort", "ana@example.org", "short1\n", "password"},
                      BadAdd{"PasswordElevenCharacters", "ana@example.org", "short1short\n", "password"},
                      BadAdd{"PasswordEmptyLine", "ana@example.org", "\n", "password"},
                      BadAdd{"NoPasswordOnStdin", "ana@example.org", std::nullopt, "password"},
                      BadAdd{"EmailWithoutAt", "ana.example.org", std::string(kPassword) + "\n", "email"},
                      BadAdd{"EmailWithSpace", "ana @example.org", std::string(kPassword) + "\n", "email"},
                      BadAdd{"EmailEmpty", "", std::string(kPassword) + "\n", "email"}),
    [](const ::testing::TestParamInfo<BadAdd>& info) { return info.param.name; });

TEST(User, DuplicateEmailIsRefused) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword).code, 0);
  const std::string before = accounts_rows(hw);
  for (const std::string email : {"ana@example.org", "ANA@Example.org"}) {
    SCOPED_TRACE(email);
    expect_refusal(add_user(hw, email, kNewPassword), "email");
    EXPECT_EQ(list_users(hw).size(), 1u);
    EXPECT_EQ(accounts_rows(hw), before) << "the first account changed";
  }
}

TEST(User, ListShowsNoPasswordHashAnywhere) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword, true).code, 0);
  ASSERT_EQ(add_user(hw, "bob@example.org", kNewPassword).code, 0);
  const std::string rows = accounts_rows(hw);
  ASSERT_TRUE(contains(rows, "$argon2id$")) << "the test cannot see the stored hashes: " << rows;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"user", "list", "--format", "json"}, std::vector<std::string>{"user", "list"}}) {
    SCOPED_TRACE(::testing::PrintToString(args));
    const auto r = hw(args);
    ASSERT_EQ(r.code, 0) << r;
    EXPECT_TRUE(contains(r.out, "bob@example.org")) << r;
    for (const std::string secret : {"argon2", "$v=19", "hash", "password", kPassword, kNewPassword})
      EXPECT_FALSE(contains(r.out + r.err, secret)) << "\"" << secret << "\" in " << r;
  }
  // No field beyond the public four.
  for (const auto& a : list_users(hw)) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"admin", "created_at", "email", "id"}));
  }
}

TEST(User, InvitePrintsAFreshTokenEachTime) {
  Headway hw;
  std::vector<std::string> tokens;
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, std::vector<std::string>{"--email", "bob@example.org", "--days", "3"}}) {
    std::vector<std::string> args{"user", "invite", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = hw(args);
    ASSERT_EQ(r.code, 0) << r;
    const json j = parse_json(r.out);
    ASSERT_TRUE(j["token"].is_string()) << j;
    const std::string token = j["token"];
    EXPECT_EQ(token.size(), 43u) << token;  // 256 bits, base64url
    tokens.push_back(token);
  }
  EXPECT_NE(tokens[0], tokens[1]);
  // The text form shows the token too, and the database keeps only its hash.
  const auto text = hw({"user", "invite"});
  ASSERT_EQ(text.code, 0) << text;
  const std::string invites = hw.tables_of(hw.data_dir()).rows["invites"];
  for (const auto& t : tokens) EXPECT_FALSE(contains(invites, t)) << "an invite token is stored in clear";
  EXPECT_EQ(hw.tables_of(hw.data_dir()).counts["invites"], 3);
}

TEST(User, InviteRefusesBadDaysAndEmail) {
  Headway hw;
  ASSERT_EQ(hw({"user", "invite"}).code, 0);  // the database exists, so nothing changing is visible
  const auto before = hw.tables_of(hw.data_dir());
  for (const std::vector<std::string>& args : {std::vector<std::string>{"user", "invite", "--days", "0"},
                                               std::vector<std::string>{"user", "invite", "--days", "91"},
                                               std::vector<std::string>{"user", "invite", "--email", "nobody"}}) {
    SCOPED_TRACE(::testing::PrintToString(args));
    expect_refusal(hw(args), args[2] == "--days" ? "days" : "email");
  }
  EXPECT_EQ(hw.tables_of(hw.data_dir()), before);
}

TEST(User, RegistrationIsInviteOnlyUntilOpened) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword, true).code, 0);
  EXPECT_EQ(hw.json_of({"user", "registration"}), json({{"registration", "invite-only"}}));
  const auto shown = hw({"user", "registration"});
  ASSERT_EQ(shown.code, 0) << shown;
  EXPECT_TRUE(contains(shown.out, "invite-only")) << shown;

  const auto opened = hw({"user", "registration", "open"});
  ASSERT_EQ(opened.code, 0) << opened;
  EXPECT_TRUE(contains(opened.out, "open")) << opened;
  EXPECT_EQ(hw.json_of({"user", "registration"}), json({{"registration", "open"}}));

  const auto closed = hw({"user", "registration", "invite-only"});
  ASSERT_EQ(closed.code, 0) << closed;
  EXPECT_EQ(hw.json_of({"user", "registration"}), json({{"registration", "invite-only"}}));
}

TEST(User, BadRegistrationModeIsRefused) {
  Headway hw;
  ASSERT_EQ(hw({"user", "registration", "open"}).code, 0);
  const auto before = hw.tables_of(hw.data_dir());
  for (const std::string mode : {"closed", "OPEN", "invite_only", "open "}) {
    SCOPED_TRACE(mode);
    expect_refusal(hw({"user", "registration", mode}), "");
  }
  EXPECT_EQ(hw.tables_of(hw.data_dir()), before);
  EXPECT_EQ(hw.json_of({"user", "registration"}), json({{"registration", "open"}}));
}

TEST(User, TokenIsPrintedOnceAndStoredOnlyAsItsHash) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword).code, 0);
  const auto r = hw({"user", "token", "--email", "ana@example.org", "--name", "laptop", "--scope", "read-write"});
  ASSERT_EQ(r.code, 0) << r;
  ASSERT_FALSE(r.out.empty());
  const std::string token = r.out.substr(0, r.out.find('\n'));
  EXPECT_EQ(token.rfind("hw_", 0), 0u) << r;
  EXPECT_EQ(r.out, token + "\n") << "more than the token on stdout";
  EXPECT_GT(token.size(), 40u);
  const std::string stored = hw.tables_of(hw.data_dir()).rows["api_tokens"];
  EXPECT_TRUE(contains(stored, "laptop")) << stored;
  EXPECT_TRUE(contains(stored, "read-write")) << stored;
  EXPECT_FALSE(contains(stored, token.substr(3))) << "the token is stored in clear";

  const json j = hw.json_of({"user", "token", "--email", "ana@example.org", "--name", "ci"});
  EXPECT_EQ(j["scope"], "read");
  EXPECT_EQ(j["token"].get<std::string>().rfind("hw_", 0), 0u) << j;
  EXPECT_NE(j["token"], token);
}

TEST(User, TokenRefusesUnknownAccountAndBadScope) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword).code, 0);
  const auto before = hw.tables_of(hw.data_dir());
  const auto unknown = hw({"user", "token", "--email", "nobody@example.org", "--name", "x"});
  EXPECT_NE(unknown.code, 0) << unknown;
  EXPECT_TRUE(contains(unknown.err, "email")) << unknown;
  expect_refusal(hw({"user", "token", "--email", "ana@example.org", "--name", "x", "--scope", "admin"}), "scope");
  EXPECT_EQ(hw.tables_of(hw.data_dir()), before);
}

TEST(User, PasswdChangesTheStoredHashAndRefusesAShortOne) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword).code, 0);
  ASSERT_EQ(add_user(hw, "bob@example.org", kPassword).code, 0);
  const auto before = hw.tables_of(hw.data_dir());

  expect_refusal(hw({"user", "passwd", "--email", "ana@example.org"}, with_stdin("tooshort\n")), "password");
  EXPECT_EQ(hw.tables_of(hw.data_dir()), before) << "a refused password changed something";

  const auto r = hw({"user", "passwd", "--email", "ana@example.org"}, with_stdin(std::string(kNewPassword) + "\n"));
  ASSERT_EQ(r.code, 0) << r;
  const auto after = hw.tables_of(hw.data_dir());
  EXPECT_NE(after.rows.at("accounts"), before.rows.at("accounts")) << "the stored hash did not change";
  EXPECT_EQ(after.counts.at("accounts"), 2);
  EXPECT_FALSE(contains(after.rows.at("accounts"), kNewPassword));

  const auto unknown = hw({"user", "passwd", "--email", "nobody@example.org"}, with_stdin(std::string(kNewPassword) + "\n"));
  EXPECT_NE(unknown.code, 0) << unknown;
  EXPECT_TRUE(contains(unknown.err, "email")) << unknown;
}

// --- headway serve ---------------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;

// `headway serve` as a running child: its stdout is read line by line as it comes (the harness
// only returns output after exit); stderr (the access log) goes to a file.
class Server {
 public:
  Server(const Headway& hw, const std::vector<std::string>& extra) : log_(hw.home().path() / "serve.stderr") {
    std::vector<std::string> args{"serve", "--data-dir", hw.data_dir().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto env = hw.base_env();
    if (on_postgres()) env.emplace_back("HEADWAY_DATABASE", hw.database_url(hw.data_dir()));
    std::vector<std::string> argv_s{HEADWAY_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<std::string> env_s;
    for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
    std::vector<char*> argv, envp;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const int err = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (err < 0 || in < 0) throw std::runtime_error("cannot open the server's stdin or stderr");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in, STDIN_FILENO);
      ::dup2(out[1], STDOUT_FILENO);
      ::dup2(err, STDERR_FILENO);
      ::signal(SIGPIPE, SIG_DFL);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(out[1]);
    ::close(err);
    ::close(in);
    if (pid_ < 0) throw std::runtime_error("fork failed");
    fd_ = out[0];
    pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));  // -1 on old kernels: wait() then blocks
  }
  ~Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (fd_ >= 0) ::close(fd_);
    if (pidfd_ >= 0) ::close(pidfd_);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The next line of stdout (without '\n'), or nullopt at EOF or after `limit`.
  std::optional<std::string> line(std::chrono::seconds limit = std::chrono::seconds(30)) {
    const auto deadline = Clock::now() + limit;
    for (;;) {
      if (const auto nl = pending_.find('\n', taken_); nl != std::string::npos) {
        std::string l = pending_.substr(taken_, nl - taken_);
        taken_ = nl + 1;
        return l;
      }
      if (!fill(deadline)) return std::nullopt;
    }
  }
  // Everything on stdout until the child closes it (or `limit` passes).
  std::string rest(std::chrono::seconds limit = std::chrono::seconds(30)) {
    const auto deadline = Clock::now() + limit;
    while (fill(deadline)) {
    }
    std::string r = pending_.substr(taken_);
    taken_ = pending_.size();
    return r;
  }
  // All stdout read so far.
  const std::string& out() const { return pending_; }
  std::string err() const { return read_file(log_); }

  void signal(int sig) { ::kill(pid_, sig); }
  // The exit code (128+N when killed by signal N), or nullopt if it is still running at `limit`.
  std::optional<int> wait(std::chrono::seconds limit = std::chrono::seconds(30)) {
    if (pid_ <= 0) return std::nullopt;
    const auto deadline = Clock::now() + limit;
    for (;;) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, pidfd_ >= 0 ? WNOHANG : 0);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return std::nullopt;
      // Wakes when the child exits (its pidfd turns readable) or writes; stdout is drained
      // meanwhile, so a chatty child cannot block on a full pipe.
      std::vector<pollfd> fds{{pidfd_, POLLIN, 0}};
      if (fd_ >= 0) fds.push_back({fd_, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), static_cast<int>(left)) > 0 && fds.size() > 1 && fds[1].revents != 0)
        fill(deadline);
    }
  }

 private:
  // Reads what is available before `deadline`; false at EOF or when the deadline passed.
  bool fill(Clock::time_point deadline) {
    if (fd_ < 0) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    const int n = ::poll(&p, 1, static_cast<int>(left));
    if (n < 0 && errno == EINTR) return true;
    if (n <= 0) return false;
    char buf[4096];
    const ssize_t got = ::read(fd_, buf, sizeof buf);
    if (got <= 0) {
      ::close(fd_);
      fd_ = -1;
      return false;
    }
    pending_.append(buf, static_cast<size_t>(got));
    return true;
  }

  fs::path log_;
  pid_t pid_ = -1;
  int fd_ = -1;     // the child's stdout
  int pidfd_ = -1;  // readable once the child has exited
  std::string pending_;
  size_t taken_ = 0;
};

struct HttpReply {
  int status = 0;
  std::string head, body;
};

// One HTTP/1.1 request on a fresh connection (Connection: close), read until the server closes.
HttpReply http(int port, const std::string& method, const std::string& target, const std::string& body = "",
               const std::vector<std::string>& headers = {}) {
  HttpReply reply;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  timeval tv{10, 0};  // a stuck server fails the test instead of hanging it
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    ADD_FAILURE() << "cannot connect to 127.0.0.1:" << port << ": " << std::strerror(errno);
    return reply;
  }
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nConnection: close\r\n";
  for (const auto& h : headers) req += h + "\r\n";
  if (!body.empty() || method == "POST")
    req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  for (size_t sent = 0; sent < req.size();) {
    const ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string all;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) all.append(buf, static_cast<size_t>(n));
  ::close(fd);
  const auto end = all.find("\r\n\r\n");
  reply.head = all.substr(0, end);
  reply.body = end == std::string::npos ? "" : all.substr(end + 4);
  if (all.rfind("HTTP/1.1 ", 0) == 0) reply.status = std::atoi(all.c_str() + 9);
  return reply;
}

std::ostream& operator<<(std::ostream& os, const HttpReply& r) {
  return os << "{status " << r.status << ", head " << ::testing::PrintToString(r.head) << ", body "
            << ::testing::PrintToString(r.body.substr(0, 500)) << "}";
}

// The port from "headway serve: listening on http://127.0.0.1:PORT (...)", or 0.
int port_of(const std::string& line) {
  const std::string marker = "listening on http://127.0.0.1:";
  const auto at = line.find(marker);
  if (at == std::string::npos) return 0;
  return std::atoi(line.c_str() + at + marker.size());
}

TEST(Serve, AnswersHealthzAndStopsCleanlyOnSigterm) {
  Headway hw;
  Server server(hw, {"--listen", "127.0.0.1:0", "--threads", "2"});
  const auto first = server.line();
  ASSERT_TRUE(first.has_value()) << "no first line; stdout " << ::testing::PrintToString(server.out()) << ", stderr "
                                 << ::testing::PrintToString(server.err());
  EXPECT_EQ(first->rfind("headway serve: listening on http://127.0.0.1:", 0), 0u) << *first;
  const int port = port_of(*first);
  ASSERT_GT(port, 0) << *first;
  ASSERT_NE(port, 8080) << "port 0 should pick a free port";

  const HttpReply health = http(port, "GET", "/healthz");
  EXPECT_EQ(health.status, 200) << health;
  EXPECT_EQ(json::parse(health.body, nullptr, false), json({{"status", "ok"}})) << health;
  EXPECT_EQ(http(port, "GET", "/api/v1/no/such/route").status, 404);

  server.signal(SIGTERM);
  const std::string rest = server.rest();
  const auto code = server.wait();
  ASSERT_TRUE(code.has_value()) << "still running 30 s after SIGTERM";
  EXPECT_EQ(*code, 0) << "stderr: " << server.err();
  const std::string out = server.out();
  const std::string stopped = "headway serve: stopped\n";
  EXPECT_TRUE(out.size() >= stopped.size() && out.compare(out.size() - stopped.size(), stopped.size(), stopped) == 0)
      << ::testing::PrintToString(out);
}

TEST(Serve, SignsInWithThePasswordSetByPasswdAndAcceptsTheToken) {
  Headway hw;
  ASSERT_EQ(add_user(hw, "ana@example.org", kPassword).code, 0);
  const auto passwd = hw({"user", "passwd", "--email", "ana@example.org"}, with_stdin(std::string(kNewPassword) + "\n"));
  ASSERT_EQ(passwd.code, 0) << passwd;
  const auto token = hw({"user", "token", "--email", "ana@example.org", "--name", "cli", "--scope", "read-write"});
  ASSERT_EQ(token.code, 0) << token;
  const std::string secret = token.out.substr(0, token.out.find('\n'));

  Server server(hw, {"--listen", "127.0.0.1:0", "--access-log", "off"});
  const auto first = server.line();
  ASSERT_TRUE(first.has_value()) << "stderr: " << server.err();
  const int port = port_of(*first);
  ASSERT_GT(port, 0) << *first;

  const auto login = [&](const std::string& password) {
    return http(port, "POST", "/api/v1/auth/login", json({{"email", "ana@example.org"}, {"password", password}}).dump());
  };
  const HttpReply old_password = login(kPassword);
  EXPECT_EQ(old_password.status, 401) << old_password;
  const HttpReply new_password = login(kNewPassword);
  EXPECT_EQ(new_password.status, 200) << new_password;
  EXPECT_TRUE(contains(new_password.head, "Set-Cookie")) << new_password;

  const HttpReply me = http(port, "GET", "/api/v1/me", "", {"Authorization: Bearer " + secret});
  EXPECT_EQ(me.status, 200) << me;
  EXPECT_TRUE(contains(me.body, "ana@example.org")) << me;
  const HttpReply forged = http(port, "GET", "/api/v1/me", "", {"Authorization: Bearer hw_" + std::string(43, 'A')});
  EXPECT_EQ(forged.status, 401) << forged;

  server.signal(SIGTERM);
  server.rest();
  EXPECT_EQ(server.wait(), std::optional<int>(0));
}

struct BadServe {
  std::string name;
  std::vector<std::string> args;
  std::string mention;
};

std::ostream& operator<<(std::ostream& os, const BadServe& c) { return os << c.name; }

class ServeRefused : public ::testing::TestWithParam<BadServe> {};

// Run as a live child: a flag wrongly accepted starts a server, which is then stopped and fails
// the test instead of hanging it.
TEST_P(ServeRefused, ExitsTwoWithOneLine) {
  const BadServe& c = GetParam();
  Headway hw;
  Server server(hw, c.args);
  // A refusal prints nothing on stdout, so the first line (or EOF) tells the two apart.
  const auto first = server.line();
  if (first && contains(*first, "listening")) {
    server.signal(SIGTERM);
    server.rest();
    server.wait();
    FAIL() << "serve " << ::testing::PrintToString(c.args) << " started instead of refusing: " << *first;
  }
  const auto code = server.wait();
  ASSERT_TRUE(code.has_value()) << "still running; stdout " << ::testing::PrintToString(server.out());
  RunResult r;
  r.code = *code;
  r.out = server.out() + server.rest();
  r.err = server.err();
  expect_refusal(r, c.mention);
  EXPECT_FALSE(contains(r.out, "listening")) << r;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ServeRefused,
    ::testing::Values(BadServe{"ListenNonsense", {"--listen", "nonsense"}, "listen"},
                      BadServe{"ListenNoHost", {"--listen", "localhost:80x"}, "listen"},
                      BadServe{"ListenPortTooBig", {"--listen", "127.0.0.1:70000"}, "listen"},
                      BadServe{"ListenHostName", {"--listen", "example.org:0"}, "listen"},
                      BadServe{"ThreadsMinusOne", {"--listen", "127.0.0.1:0", "--threads", "-1"}, "threads"},
                      BadServe{"ThreadsMinusTwo", {"--listen", "127.0.0.1:0", "--threads", "-2"}, "threads"},
                      BadServe{"ThreadsTooMany", {"--listen", "127.0.0.1:0", "--threads", "257"}, "threads"},
                      BadServe{"ReadTimeoutZero", {"--listen", "127.0.0.1:0", "--read-timeout", "0"}, "read"},
                      BadServe{"PublicUrlNoScheme", {"--listen", "127.0.0.1:0", "--public-url", "example.org"},
                               "public_url"}),
    [](const ::testing::TestParamInfo<BadServe>& info) { return info.param.name; });

}  // namespace
}  // namespace headway::cli_test
