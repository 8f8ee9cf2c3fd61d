// A connection's state machine over a non-blocking socket.
#include "mocks/server/connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>

#include "mocks/server/response_writer.h"

namespace opsreg::mocks {

namespace {

constexpr size_t kReadChunk = 64 * 1024;
// What a closing connection discards in one turn.
constexpr size_t kDrainTurn = 1024 * 1024;

http::Response internal_error() {
  http::Response r;
  r.status = 500;
  r.set_header("Content-Type", "application/json");
  r.body = "{\"error\":\"internal error\"}";
  return r;
}

bool asks_to_close(const http::Response& r) {
  return aws::iequals(r.header("Connection"), "close");
}

}  // namespace

Connection::Connection(int fd, std::string remote_addr, const ConnectionPolicy& policy,
                       SteadyTime now)
    : fd_(fd),
      remote_addr_(std::move(remote_addr)),
      policy_(policy),
      reader_(policy.limits),
      head_deadline_(now + policy.header_timeout),
      deadline_(now + policy.header_timeout) {}

Connection::~Connection() { ::close(fd_); }

Connection::Io Connection::write_pending(SteadyTime now) {
  while (!out_.empty()) {
    ssize_t n = ::send(fd_, out_.data(), out_.size(), MSG_NOSIGNAL);
    if (n > 0) {
      out_.erase(0, size_t(n));
      deadline_ = now + policy_.progress_timeout;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Io::kBlocked;
    return Io::kClosed;
  }
  return Io::kDone;
}

Connection::Io Connection::read_into(std::string* chunk) {
  // One receive buffer per serving thread: a chunk holds only the bytes that came (a 64 KiB
  // string resized per read would be zero-filled on every request).
  thread_local std::array<char, kReadChunk> buffer;
  while (true) {
    ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), 0);
    if (n > 0) {
      chunk->assign(buffer.data(), size_t(n));
      return Io::kDone;
    }
    if (n < 0 && errno == EINTR) continue;
    chunk->clear();
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Io::kBlocked;
    return Io::kClosed;  // end of stream or a reset
  }
}

// After the last answer of a closing connection: stop writing, then read and discard what the
// client still sends (the rest of a refused body, say) until it closes or the linger time is
// up, so that a client that writes its whole body before reading still reads the answer (unread
// bytes would make the kernel reset the connection). A thread discards at most kDrainTurn bytes
// before it lets others run.
Connection::Want Connection::drain(SteadyTime now) {
  if (!draining_) {
    draining_ = true;
    ::shutdown(fd_, SHUT_WR);
    deadline_ = now + policy_.linger;
  }
  std::string chunk;
  for (size_t drained = 0; drained < kDrainTurn; drained += chunk.size()) {
    Io r = read_into(&chunk);
    if (r == Io::kBlocked) return Want::kRead;
    if (r == Io::kClosed) return Want::kClose;
  }
  return expired(now) ? Want::kClose : Want::kRead;
}

void Connection::answer(const http::Request& request, bool keep_alive) {
  http::Response response;
  try {
    response = policy_.handler(request);
  } catch (const std::exception&) {
    response = internal_error();
  }
  if (response.drop_connection) {
    // The fakes' dropped-connection fault: no status line, the client reads end-of-stream.
    ::shutdown(fd_, SHUT_RDWR);
    closing_ = true;
    return;
  }
  closing_ = !keep_alive || asks_to_close(response);
  out_ = write_response(response, request.method == "HEAD", closing_);
  answered_ = true;
}

void Connection::refuse() {
  const Rejection& why = reader_.rejection();
  if (why.status == 413 && policy_.too_large && reader_.head_done())
    out_ = write_response(policy_.too_large(reader_.head()), false, true);
  else
    out_ = write_refusal(why.status);
  closing_ = true;
  answered_ = true;
}

void Connection::wait_for_read(SteadyTime now) {
  if (reader_.head_done())
    deadline_ = now + policy_.progress_timeout;
  else if (reader_.started())
    deadline_ = head_deadline_;
  else
    deadline_ = now + policy_.idle_timeout;
}

Connection::Want Connection::run(SteadyTime now) {
  std::string chunk;
  while (true) {
    if (!out_.empty()) {
      Io w = write_pending(now);
      if (w == Io::kBlocked) return Want::kWrite;
      if (w == Io::kClosed) return Want::kClose;
    }
    if (closing_) return out_.empty() && answered_ ? drain(now) : Want::kClose;
    answered_ = false;
    bool was_started = reader_.started();
    RequestReader::Progress p = reader_.feed({});
    if (p == RequestReader::Progress::kNeedMore) {
      Io r = read_into(&chunk);
      if (r == Io::kBlocked) {
        wait_for_read(now);
        return Want::kRead;
      }
      if (r == Io::kClosed) return Want::kClose;
      p = reader_.feed(chunk);
    }
    if (!was_started && reader_.started()) head_deadline_ = now + policy_.header_timeout;
    switch (p) {
      case RequestReader::Progress::kNeedMore:
        break;
      case RequestReader::Progress::kHead: {
        if (policy_.body_limit) reader_.set_body_limit(policy_.body_limit(reader_.head()));
        if (reader_.expects_continue()) out_ += kContinue;
        break;
      }
      case RequestReader::Progress::kRejected:
        refuse();
        break;
      case RequestReader::Progress::kDone: {
        bool keep_alive = reader_.keep_alive();
        http::Request request = reader_.take();
        request.remote_addr = remote_addr_;
        head_deadline_ = now + policy_.header_timeout;  // for a pipelined request already begun
        answer(request, keep_alive);
        break;
      }
    }
  }
}

void Connection::time_out() {
  if (reader_.started() && !reader_.head_done() && out_.empty() && !draining_) {
    std::string timeout = write_refusal(408);
    [[maybe_unused]] ssize_t n = ::send(fd_, timeout.data(), timeout.size(), MSG_NOSIGNAL);
  }
}

}  // namespace opsreg::mocks
