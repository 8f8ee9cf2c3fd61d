// cpp-httplib glue: requests in, responses (or a dropped connection) out.
#include "mocks/server/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>

#include <filesystem>

#include "core/aws/uri.h"

namespace opsreg::mocks {

namespace {

http::Request from_httplib(const httplib::Request& in) {
  http::Request r;
  r.method = in.method;
  size_t q = in.target.find('?');
  r.path = in.target.substr(0, q);
  if (q != std::string::npos) r.query = in.target.substr(q + 1);
  r.headers.reserve(in.headers.size());
  for (const auto& [k, v] : in.headers) {
    // httplib adds these itself; they were not sent by the client.
    if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT")
      continue;
    // cpp-httplib 0.11 percent-decodes every header value, losing what the client signed for
    // a value holding %XX. x-amz-copy-source is always URL-encoded by AWS SDKs (S3 requires it):
    // encode it back so that its signature verifies. (x-amz-meta-* with %XX stays a known gap.)
    if (strcasecmp(k.c_str(), "x-amz-copy-source") == 0)
      r.headers.emplace_back(k, aws::encode_copy_source(v));
    else
      r.headers.emplace_back(k, v);
  }
  r.body = in.body;
  r.remote_addr = in.remote_addr;
  return r;
}
// The accepted socket serving `in`: the one whose local and peer ports are the request's.
// httplib 0.11 hands handlers no socket, but each connection is served on one thread from
// accept to close, so the descriptor stays ours while the handler runs.
int connection_socket(const httplib::Request& in) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    int fd = -1;
    try {
      fd = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    sockaddr_in local{}, peer{};
    socklen_t local_len = sizeof local, peer_len = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 ||
        local.sin_family != AF_INET || peer.sin_family != AF_INET)
      continue;
    if (ntohs(local.sin_port) == in.local_port && ntohs(peer.sin_port) == in.remote_port) return fd;
  }
  return -1;
}

// A dropped connection (fault injection): shut the socket both ways before httplib writes the
// answer, so the client reads end-of-stream and no status line; httplib's own writes then fail
// (EPIPE; SIGPIPE is blocked on this thread) and it closes the socket.
void drop_connection(const httplib::Request& in, httplib::Response& out) {
  sigset_t pipe_only;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_only, nullptr);
  int fd = connection_socket(in);
  if (fd >= 0) ::shutdown(fd, SHUT_RDWR);
  out.status = 500;  // never seen by the client; if the socket was not found, it is the answer
  out.set_header("Connection", "close");
}

void write_response(http::Response res, const httplib::Request& in, httplib::Response& out) {
  if (res.drop_connection) return drop_connection(in, out);
  out.status = res.status;
  std::string content_type(res.header("Content-Type"));
  for (auto& [k, v] : res.headers)
    if (!aws::iequals(k, "Content-Type")) out.set_header(k, v);
  out.set_content(std::move(res.body), content_type.empty() ? "text/plain" : content_type);
}
}  // namespace

HttpServer::HttpServer(Handler handler) : HttpServer(std::move(handler), Options{}) {}

HttpServer::HttpServer(Handler handler, Options options)
    : handler_(std::move(handler)), options_(std::move(options)) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::start(int port) {
  server_ = std::make_unique<httplib::Server>();
  server_->new_task_queue = [threads = options_.threads] {
    return new httplib::ThreadPool(threads);
  };
  server_->set_tcp_nodelay(true);  // headers and body go out in separate writes
  server_->set_keep_alive_max_count(100000);
  server_->set_keep_alive_timeout(options_.keep_alive_seconds);
  server_->set_payload_max_length(options_.max_body);
  auto handler = [this](const httplib::Request& in, httplib::Response& out) {
    write_response(handler_(from_httplib(in)), in, out);
  };
  server_->set_pre_routing_handler([handler](const httplib::Request& in, httplib::Response& out) {
    // Handlers answer Range requests themselves (S3); keep httplib from slicing the body again.
    const_cast<httplib::Request&>(in).ranges.clear();
    // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3;
    // curl -X PUT to a metadata service, curl -X POST .../_opsreg/reset send such): httplib
    // would wait for one until its read timeout, then answer a bare 400.
    if (in.method != "GET" && in.method != "HEAD" && !in.has_header("Content-Length") &&
        !in.has_header("Transfer-Encoding")) {
      handler(in, out);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // A handler that throws answers a bare 500: httplib's default would copy the exception's text
  // into an EXCEPTION_WHAT header.
  server_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& out, std::exception_ptr) {
        out.status = 500;
        out.headers.clear();
        out.set_content("{\"error\":\"internal error\"}", "application/json");
      });
  // Bodies over the limit never reach the handler.
  server_->set_error_handler([this](const httplib::Request& in, httplib::Response& out) {
    if (out.status != 413 || !out.body.empty() || !options_.too_large) return;
    write_response(options_.too_large(), in, out);
  });
  const std::string all = ".*";
  server_->Get(all, handler);
  server_->Post(all, handler);
  server_->Put(all, handler);
  server_->Delete(all, handler);
  server_->Patch(all, handler);
  server_->Options(all, handler);
  // httplib listens with a backlog of 5: a burst of new connections (16 clients opening at once)
  // overflows it and the kernel drops their handshakes. Remember the socket and listen again with
  // the system's maximum.
  int listen_fd = -1;
  server_->set_socket_options([&listen_fd](int sock) {
    httplib::default_socket_options(sock);
    listen_fd = sock;
  });
  port_ = port == 0 ? server_->bind_to_any_port("127.0.0.1")
                    : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
  if (port_ < 0) return -1;
  if (listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // httplib's stop() is a no-op until the accept loop runs; wait for it so that a stop() right
  // after start() cannot be lost (the loop starts within microseconds of the thread).
  while (!server_->is_running()) std::this_thread::yield();
  return port_;
}

void HttpServer::stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace opsreg::mocks
