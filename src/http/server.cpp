// The only translation unit that sees Beast and Asio: listener -> connection -> Api.
#include <utility>  // before the Asio headers (Boost 1.74)

#include "http/server.hpp"

#include <sys/resource.h>

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "http/log.hpp"

namespace headway::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

// Caps connections in total and per client address.
class ConnectionLimiter {
 public:
  ConnectionLimiter(size_t total, size_t per_ip) : total_cap_(total), per_ip_cap_(per_ip) {}
  bool acquire(const std::string& ip) {
    std::lock_guard lock(mutex_);
    if (total_ >= total_cap_) return false;
    size_t& n = per_ip_[ip];
    if (n >= per_ip_cap_) return false;
    ++n;
    ++total_;
    return true;
  }
  void release(const std::string& ip) {
    std::lock_guard lock(mutex_);
    auto it = per_ip_.find(ip);
    if (it != per_ip_.end() && --it->second == 0) per_ip_.erase(it);
    --total_;
  }

 private:
  std::mutex mutex_;
  size_t total_cap_, per_ip_cap_, total_ = 0;
  std::map<std::string, size_t> per_ip_;
};

struct Shared;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, Shared& shared, std::string ip);
  ~Connection();
  void start();
  // On shutdown: closes the connection unless a request is being handled.
  void stop_if_idle();
  bool request_arriving();

 private:
  void read();
  void on_header(beast::error_code ec);
  void on_read(beast::error_code ec);
  void handle();
  void send(Handled handled, std::chrono::steady_clock::time_point started);
  void send_error(int status, std::string_view code, std::string_view message);
  void write(std::shared_ptr<bhttp::response<bhttp::string_body>> res, bool close);
  void close();
  void linger();
  void drain();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Shared& shared_;
  std::string ip_;         // the socket's peer
  std::string client_ip_;  // the client, through a trusted proxy
  bool busy_ = false;
  bool linger_ = false;     // an error answer before the whole request was read: drain, then close
  std::size_t drained_ = 0;
};

struct Shared {
  Api& api;
  Metrics& metrics;
  ServerOptions options;
  ConnectionLimiter limiter;
  asio::thread_pool slow_pool;
  std::atomic<bool> stopping{false};
  std::mutex live_mutex;
  std::set<std::weak_ptr<Connection>, std::owner_less<std::weak_ptr<Connection>>> live;

  Shared(Api& a, Metrics& m, const ServerOptions& o)
      : api(a), metrics(m), options(o), limiter(o.max_connections, o.max_connections_per_ip),
        slow_pool(static_cast<size_t>(std::max(1, o.slow_threads))) {}
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Connection::Connection(tcp::socket&& socket, Shared& shared, std::string ip)
    : stream_(std::move(socket)), shared_(shared), ip_(std::move(ip)), client_ip_(ip_) {
  shared_.metrics.connection_opened();
}

Connection::~Connection() {
  shared_.metrics.connection_closed();
  shared_.limiter.release(ip_);
}

void Connection::start() {
  {
    std::lock_guard lock(shared_.live_mutex);
    shared_.live.insert(weak_from_this());
  }
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
}

void Connection::stop_if_idle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    // Not close(): a read in progress may hold bytes the reactor took from the socket already.
    // Shutting the receive side ends the pending read with those bytes, or with end of stream.
    beast::error_code ec;
    if (!self->busy_ && !self->request_arriving()) self->stream_.socket().shutdown(tcp::socket::shutdown_receive, ec);
  });
}

// True when bytes of a next request have arrived: parsed, buffered, or in the kernel's queue.
bool Connection::request_arriving() {
  beast::error_code ec;
  return (parser_ && parser_->got_some()) || buffer_.size() > 0 || stream_.socket().available(ec) > 0;
}

void Connection::read() {
  // The previous request is answered: only bytes of a new one count as arriving from here on.
  parser_.reset();
  if (shared_.stopping && !request_arriving()) return close();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
  parser_->body_limit(shared_.options.body_limit);
  stream_.expires_after(shared_.options.read_timeout);
  // The headers first, so an upload path can get its larger body limit before the body is read.
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Connection::on_header(beast::error_code ec) {
  if (ec) return on_read(ec);
  if (parser_->get().target().starts_with(kUploadPrefix)) parser_->body_limit(shared_.options.upload_limit);
  bhttp::async_read(stream_, buffer_, *parser_,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void Connection::on_read(beast::error_code ec) {
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
      ec == asio::error::connection_reset || ec == asio::error::eof)
    return close();
  if (ec == bhttp::error::header_limit)
    return send_error(431, "header_too_large", "request headers are larger than 8 KiB");
  if (ec == bhttp::error::body_limit) {
    const bool upload = parser_->is_header_done() && parser_->get().target().starts_with(kUploadPrefix);
    const auto limit = (upload ? shared_.options.upload_limit : shared_.options.body_limit) / (1024 * 1024);
    return send_error(413, "payload_too_large", "the request body is larger than " + std::to_string(limit) + " MiB");
  }
  if (ec) return send_error(400, "bad_request", "the request is not valid HTTP/1.1");
  handle();
}

void Connection::handle() {
  busy_ = true;
  const auto started = std::chrono::steady_clock::now();
  auto& msg = parser_->get();
  auto req = std::make_shared<Request>();
  req->method = std::string(msg.method_string());
  req->target = std::string(msg.target());
  for (const auto& field : msg) req->headers.emplace_back(lower(std::string_view(field.name_string().data(), field.name_string().size())), std::string(field.value()));
  req->body = std::move(msg.body());
  beast::error_code ep_ec;
  const auto endpoint = stream_.socket().remote_endpoint(ep_ec);
  req->client_ip = ep_ec ? ip_ : endpoint.address().to_string();
  if (shared_.options.trust_proxy) {
    if (auto xff = req->header("x-forwarded-for")) {
      std::string_view v = *xff;
      const auto comma = v.rfind(',');
      const auto last = trim(comma == std::string_view::npos ? v : v.substr(comma + 1));
      if (!last.empty() && last.size() < 64) req->client_ip = std::string(last);
    }
    if (auto proto = req->header("x-forwarded-proto")) req->secure = lower(*proto) == "https";
  }
  client_ip_ = req->client_ip;
  if (!parse_target(req->target, req->path, req->query)) {
    Handled h;
    h.route = "unmatched";
    h.response = error_response(400, "bad_request", "the request target is malformed");
    return send(std::move(h), started);
  }
  if (shared_.api.slow(*req)) {
    asio::post(shared_.slow_pool, [self = shared_from_this(), req, started] {
      Handled h = self->shared_.api.handle(*req);
      asio::post(self->stream_.get_executor(),
                 [self, h = std::move(h), started]() mutable { self->send(std::move(h), started); });
    });
    return;
  }
  send(shared_.api.handle(*req), started);
}

void Connection::send(Handled handled, std::chrono::steady_clock::time_point started) {
  const auto& msg = parser_->get();
  const bool head = msg.method() == bhttp::verb::head;
  Response& r = handled.response;
  auto res = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(r.status), msg.version());
  for (auto& [name, value] : r.headers) res->insert(name, value);
  const auto defaults = {std::pair{"X-Content-Type-Options", "nosniff"}, std::pair{"Referrer-Policy", "no-referrer"},
                         std::pair{"X-Frame-Options", "DENY"}, std::pair{"Cache-Control", "no-store"},
                         std::pair{"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"}};
  for (const auto& [name, value] : defaults)
    if (!r.header(name)) res->set(name, value);
  const size_t bytes = r.body.size();
  res->body() = std::move(r.body);
  const bool close = shared_.stopping || !msg.keep_alive();
  res->keep_alive(!close);
  res->prepare_payload();
  if (head) res->body().clear();

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  shared_.metrics.request(handled.route, std::string(msg.method_string()), r.status, seconds);
  if (handled.store_error) shared_.metrics.store_error();
  if (shared_.options.access_log) {
    std::string line = "{\"ts\":\"" + log_timestamp() + "\",\"method\":\"" + json_escape(std::string(msg.method_string())) +
                       "\",\"route\":\"" + json_escape(handled.route) + "\",\"status\":" + std::to_string(r.status) +
                       ",\"bytes\":" + std::to_string(bytes) + ",\"ms\":" + std::to_string(seconds * 1000.0) +
                       ",\"ip\":\"" + json_escape(client_ip_) + "\"";
    if (!handled.error_id.empty()) line += ",\"error_id\":\"" + handled.error_id + "\"";
    write_log_line(line + "}");
  }
  write(std::move(res), close);
}

void Connection::send_error(int status, std::string_view code, std::string_view message) {
  busy_ = true;
  linger_ = true;
  Response r = error_response(status, code, message);
  auto res = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(status), 11);
  for (auto& [name, value] : r.headers) res->insert(name, value);
  res->set("X-Content-Type-Options", "nosniff");
  res->body() = std::move(r.body);
  res->keep_alive(false);
  res->prepare_payload();
  shared_.metrics.request("unmatched", "-", status, 0);
  if (shared_.options.access_log)
    write_log_line("{\"ts\":\"" + log_timestamp() + "\",\"method\":\"-\",\"route\":\"unmatched\",\"status\":" +
                   std::to_string(status) + ",\"ip\":\"" + json_escape(ip_) + "\"}");
  write(std::move(res), true);
}

void Connection::write(std::shared_ptr<bhttp::response<bhttp::string_body>> res, bool close_after) {
  stream_.expires_after(shared_.options.write_timeout);
  bhttp::async_write(stream_, *res, [self = shared_from_this(), res, close_after](beast::error_code ec, std::size_t) {
    self->busy_ = false;
    if (!ec && close_after && self->linger_) return self->linger();
    if (ec || close_after) return self->close();
    self->read();
  });
}

// Lingering close (RFC 9112 section 9.6): stop sending, then read and discard what the client is
// still sending for a while, so that closing does not reset the connection and destroy the answer.
void Connection::linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.expires_after(std::chrono::seconds(2));
  drain();
}

void Connection::drain() {
  constexpr std::size_t kMaxDrain = 64u << 20;
  auto buf = std::make_shared<std::array<char, 65536>>();
  stream_.async_read_some(asio::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, std::size_t n) {
    self->drained_ += n;
    if (ec || self->drained_ > kMaxDrain) return self->close();
    self->drain();
  });
}

void Connection::close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, Shared& shared) : ioc_(ioc), acceptor_(ioc), shared_(shared) {}

  Result<std::string> open(const std::string& listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) return invalid("listen", "--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    int port = -1;
    try {
      size_t used = 0;
      port = std::stoi(listen.substr(colon + 1), &used);
      if (used != listen.size() - colon - 1) port = -1;
    } catch (...) {
      port = -1;
    }
    if (port < 0 || port > 65535) return invalid("listen", "the port in --listen must be 0 to 65535");
    beast::error_code ec;
    const auto address = asio::ip::make_address(host.empty() ? "0.0.0.0" : host, ec);
    if (ec) return invalid("listen", "\"" + host + "\" is not an IP address");
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return fail(ErrorCode::not_ready, "cannot listen on " + listen + ": " + ec.message(), "listen");
    const auto bound = acceptor_.local_endpoint();
    const std::string h = bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
    return h + ":" + std::to_string(bound.port());
  }

  void accept() {
    acceptor_.async_accept(asio::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) return;
      if (!ec) {
        beast::error_code ep;
        const auto remote = socket.remote_endpoint(ep);
        const std::string ip = ep ? std::string("unknown") : remote.address().to_string();
        if (self->shared_.limiter.acquire(ip)) {
          socket.set_option(tcp::no_delay(true), ep);
          std::make_shared<Connection>(std::move(socket), self->shared_, ip)->start();
        } else {
          self->shared_.metrics.connection_refused();
          socket.close(ep);
        }
      }
      self->accept();
    });
  }

  void stop() {
    beast::error_code ec;
    acceptor_.close(ec);
  }

 private:
  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  Shared& shared_;
};

// Polls until every connection is closed after a shutdown signal, then lifts the deadline.
struct Drain : std::enable_shared_from_this<Drain> {
  Drain(asio::io_context& ioc, Metrics& m, asio::steady_timer& d) : timer(ioc), metrics(m), deadline(d) {}
  void poll() {
    if (metrics.open_connections() == 0) {
      deadline.cancel();
      return;
    }
    timer.expires_after(std::chrono::milliseconds(20));
    timer.async_wait([self = shared_from_this()](beast::error_code e) {
      if (!e) self->poll();
    });
  }
  asio::steady_timer timer;
  Metrics& metrics;
  asio::steady_timer& deadline;
};

// Keeps the connection caps under the process's file descriptor limit.
size_t fd_budget(size_t wanted) {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
    if (rl.rlim_cur < rl.rlim_max && rl.rlim_cur < wanted + 64) {
      rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, wanted + 64);
      setrlimit(RLIMIT_NOFILE, &rl);
      getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur > 64) return std::min<size_t>(wanted, rl.rlim_cur - 64);
  }
  return wanted;
}

}  // namespace

Result<void> run_server(Api& api, Metrics& metrics, const ServerOptions& options,
                        const std::function<void(const std::string&)>& on_listening) {
  ServerOptions opt = options;
  opt.max_connections = fd_budget(opt.max_connections);
  int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  asio::io_context ioc(threads);
  Shared shared(api, metrics, opt);
  auto listener = std::make_shared<Listener>(ioc, shared);
  const std::string bound = HW_TRY(listener->open(opt.listen));
  listener->accept();

  asio::steady_timer deadline(ioc);
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code ec, int) {
    if (ec) return;
    shared.stopping = true;
    listener->stop();
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(shared.live_mutex);
      for (const auto& w : shared.live)
        if (auto c = w.lock()) open.push_back(std::move(c));
      shared.live.clear();
    }
    for (auto& c : open) c->stop_if_idle();
    deadline.expires_after(opt.shutdown_grace);
    deadline.async_wait([&](beast::error_code e) {
      if (!e) ioc.stop();  // requests that outlive the grace period are cut off
    });
    // When the last connection is gone, nothing but the deadline keeps run() going.
    std::make_shared<Drain>(ioc, metrics, deadline)->poll();
  });
  on_listening(bound);

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  shared.slow_pool.join();
  return {};
}

}  // namespace headway::http
