// Bytes in, one HTTP/1.1 request out. Boost.Beast's parser does the framing (request line,
// fields, Content-Length, chunked bodies) and refuses most malformed messages; this reader adds
// the rules a server in front of signed requests needs on top (RFC 9112): no obs-fold, no
// transfer coding but chunked, exactly one Host, bounded header bytes and field count, a body
// limit chosen once the head is known. Field values arrive exactly as sent (never decoded), so
// SigV4 sees what the client signed.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/http/http_types.h"

namespace opsreg::mocks {

struct RequestLimits {
  size_t header_bytes = 64 * 1024;  // request line and fields, CRLFs included
  size_t header_fields = 200;
  size_t body_bytes = 64 * 1024 * 1024;
};

// Why a request was refused before it reached a handler: the status to answer with (400, 413,
// 431 or 501) and a short reason for logs and tests.
struct Rejection {
  int status = 400;
  std::string reason;
};

class RequestReader {
 public:
  explicit RequestReader(RequestLimits limits);
  ~RequestReader();
  RequestReader(RequestReader&&) noexcept;
  RequestReader& operator=(RequestReader&&) noexcept;

  enum class Progress {
    kNeedMore,  // give it more bytes
    kHead,      // the head is complete (once per request; head() is valid); call feed() again
    kDone,      // the request is complete: take() it
    kRejected,  // rejection() says why; the connection must answer it and close
  };

  // Takes `data` (appended to what it holds) and parses as far as it can. Bytes past the end of
  // a request stay held: they begin the next one (pipelining), parsed by the next feed(), which
  // may be given no new bytes.
  Progress feed(std::string_view data);
  // Bytes held that no request has used yet.
  size_t buffered() const { return pending_.size(); }

  // After kHead: the request without its body.
  const http::Request& head() const { return request_; }
  // After kHead: lowers (or raises) the body limit for this request; a declared Content-Length
  // over it is rejected with 413 at the next feed().
  void set_body_limit(size_t bytes);
  // After kHead: the client sent "Expect: 100-continue", no body yet, and a declared length
  // within the limit (a body over it is refused without asking for it).
  bool expects_continue() const;
  // After kHead: the connection may stay open after the answer (HTTP/1.1 without
  // "Connection: close", or HTTP/1.0 with keep-alive).
  bool keep_alive() const { return keep_alive_; }
  // True once the current request's head is complete (kHead was returned).
  bool head_done() const { return head_reported_; }
  // True once any byte of the current request arrived.
  bool started() const { return started_; }

  // After kDone: the request, body included. The reader is then ready for the next request.
  http::Request take();
  const Rejection& rejection() const { return rejection_; }

 private:
  struct Parser;
  Progress reject(int status, std::string reason);
  Progress check_head(std::string_view raw_head);
  void reset();

  RequestLimits limits_;
  std::unique_ptr<Parser> parser_;
  std::string pending_;  // bytes not yet parsed (the parser needs a head whole)
  http::Request request_;
  Rejection rejection_;
  size_t body_limit_ = 0;
  bool head_reported_ = false;
  bool keep_alive_ = true;
  bool started_ = false;
};

}  // namespace opsreg::mocks
