// cpp-httplib glue for the edge.
#include "mocks/edge/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>

#include <filesystem>

#include "core/aws/error_wire.h"
#include "core/aws/uri.h"
#include "mocks/admin/admin_api.h"

namespace opsreg::mocks {

namespace {
// Enough threads for every keep-alive connection a client pool holds open at once: httplib
// parks one thread per open connection.
constexpr size_t kThreads = 64;
constexpr size_t kMaxBody = 64 * 1024 * 1024;

Request from_httplib(const httplib::Request& in) {
  Request r;
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
}  // namespace

HttpServer::HttpServer(Edge& edge) : edge_(edge) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::start(int port) {
  server_ = std::make_unique<httplib::Server>();
  server_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server_->set_tcp_nodelay(true);  // headers and body go out in separate writes
  server_->set_keep_alive_max_count(100000);
  server_->set_keep_alive_timeout(5);  // also bounds how long stop() waits for idle clients
  server_->set_payload_max_length(kMaxBody);
  // S3 answers Range requests itself; keep httplib from slicing the body a second time.
  server_->set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    const_cast<httplib::Request&>(req).ranges.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto handler = [this](const httplib::Request& in, httplib::Response& out) {
    Request req = from_httplib(in);
    std::optional<Response> admin = handle_admin(edge_, req, admin_hooks_);
    Response res = admin ? std::move(*admin) : edge_.handle(req);
    if (res.drop_connection) return drop_connection(in, out);
    out.status = res.status;
    for (auto& [k, v] : res.headers) out.set_header(k, v);
    out.set_content(std::move(res.body),
                    res.content_type.empty() ? "text/plain" : res.content_type);
  };
  // Bodies over the limit never reach a handler; answer as S3 does (EntityTooLarge).
  server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status != 413 || !res.body.empty()) return;
    res.set_content(aws::render_error(aws::Protocol::kRestXml,
                                      aws::make_error("EntityTooLarge",
                                                      "Your proposed upload exceeds the maximum "
                                                      "allowed size",
                                                      413),
                                      "")
                        .body,
                    "application/xml");
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
