// Boost.Beast's request parser, fed from a held buffer, with the stricter rules on top.
#include "mocks/server/request_reader.h"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <limits>

#include "core/aws/headers.h"
#include "core/util/split.h"

namespace opsreg::mocks {

namespace beast_http = boost::beast::http;

struct RequestReader::Parser {
  beast_http::request_parser<beast_http::string_body> beast;
  std::string head_raw;        // the bytes Beast took before the head was done
  bool chunk_stalled = false;  // the last put took nothing of a chunked body and asked for more
};

namespace {

// Beast's views are Boost's; ours are the standard's.
std::string_view view(boost::beast::string_view s) { return {s.data(), s.size()}; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

http::Request request_of(const beast_http::request<beast_http::string_body>& m) {
  http::Request r;
  r.method = std::string(view(m.method_string()));
  std::string_view target = view(m.target());
  size_t q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
  for (const auto& field : m)
    r.headers.emplace_back(view(field.name_string()), view(field.value()));
  return r;
}

}  // namespace

RequestReader::RequestReader(RequestLimits limits) : limits_(limits) { reset(); }
RequestReader::~RequestReader() = default;
RequestReader::RequestReader(RequestReader&&) noexcept = default;
RequestReader& RequestReader::operator=(RequestReader&&) noexcept = default;

void RequestReader::reset() {
  parser_ = std::make_unique<Parser>();
  parser_->beast.header_limit(static_cast<std::uint32_t>(limits_.header_bytes));
  // The body limit is applied once the head has been reported (feed), so that a refusal
  // always has a head to answer in the right protocol.
  parser_->beast.body_limit(std::numeric_limits<std::uint64_t>::max());
  body_limit_ = limits_.body_bytes;
  parser_->beast.eager(false);  // stop after the head, so it can be checked before the body
  request_ = http::Request{};
  head_reported_ = false;
  keep_alive_ = true;
  started_ = false;
}

RequestReader::Progress RequestReader::reject(int status, std::string reason) {
  rejection_ = Rejection{status, std::move(reason)};
  return Progress::kRejected;
}

// RFC 9112 rules Beast leaves to the server: obs-fold (5.2: reject), Host (3.2: exactly one in
// HTTP/1.1), transfer codings (6.1: chunked last, and nothing else is implemented here).
RequestReader::Progress RequestReader::check_head(std::string_view raw_head) {
  const auto& m = parser_->beast.get();
  size_t fields = 0, hosts = 0;
  for (const auto& field : m) {
    ++fields;
    if (field.name() == beast_http::field::host) ++hosts;
  }
  if (fields > limits_.header_fields)
    return reject(431, "more than " + std::to_string(limits_.header_fields) + " header fields");
  // The head ends with CRLF CRLF; a CRLF followed by a space or tab before that is a fold.
  std::string_view lines = raw_head.substr(0, raw_head.size() - 2);
  if (lines.find("\r\n ") != std::string_view::npos ||
      lines.find("\r\n\t") != std::string_view::npos)
    return reject(400, "obsolete line folding in a header field");
  if (m.version() == 11 && hosts != 1)
    return reject(400, hosts == 0 ? "no Host header" : "more than one Host header");
  auto te = m.find(beast_http::field::transfer_encoding);
  if (te != m.end()) {
    std::vector<std::string_view> codings = split(view(te->value()), ',');
    if (!aws::iequals(trim(codings.back()), "chunked"))
      return reject(400, "Transfer-Encoding does not end with chunked");
    if (codings.size() > 1) return reject(501, "transfer coding other than chunked");
  }
  return Progress::kHead;
}

RequestReader::Progress RequestReader::feed(std::string_view data) {
  pending_.append(data);
  if (!pending_.empty()) started_ = true;
  auto& beast = parser_->beast;
  while (true) {
    if (beast.is_header_done() && !head_reported_) {
      head_reported_ = true;
      request_ = request_of(beast.get());
      keep_alive_ = beast.keep_alive();
      return Progress::kHead;
    }
    // A declared length over a limit lowered after the head (set_body_limit). Beast knows a
    // length only once the head is done (before, content_length() breaks its precondition).
    if (beast.is_header_done() && beast.content_length() && *beast.content_length() > body_limit_)
      return reject(413, "body over its limit");
    if (beast.is_done()) return Progress::kDone;
    // Beast 1.74 re-reads a final chunk it could not finish from the start of the buffer and
    // asserts that at least 5 bytes are there ("0" CRLF and 2 more): until then it would only
    // ask for more anyway, so it is asked again once they are (found by the fuzzer).
    if (parser_->chunk_stalled && pending_.size() < 5) return Progress::kNeedMore;
    boost::beast::error_code ec;
    size_t used = beast.put(boost::asio::buffer(pending_.data(), pending_.size()), ec);
    parser_->chunk_stalled =
        head_reported_ && beast.chunked() && used == 0 && ec == beast_http::error::need_more;
    bool head_now = used > 0 && beast.is_header_done() && !head_reported_;
    // The head's own bytes, however Beast took them (it may take the request line or the head
    // in more than one put): checked whole once it is done, and counted against the limit,
    // which Beast bounds only per put.
    if (!head_reported_) parser_->head_raw.append(pending_.data(), used);
    if (head_now && parser_->head_raw.size() > limits_.header_bytes)
      return reject(431, "header fields over " + std::to_string(limits_.header_bytes) + " bytes");
    if (head_now) {
      // What put() took may run past the head into the body: the head ends at its blank line.
      std::string_view raw = parser_->head_raw;
      Progress checked = check_head(raw.substr(0, raw.find("\r\n\r\n") + 4));
      if (checked == Progress::kRejected) return checked;
      beast.eager(true);
      beast.body_limit(body_limit_);
    }
    pending_.erase(0, used);
    if (ec == beast_http::error::need_more) {
      if (!head_now && !beast.is_done()) return Progress::kNeedMore;
      continue;
    }
    if (ec == beast_http::error::header_limit)
      return reject(431, "header fields over " + std::to_string(limits_.header_bytes) + " bytes");
    if (ec == beast_http::error::body_limit) return reject(413, "body over its limit");
    if (ec) return reject(400, ec.message());
    if (used == 0 && !head_now) return Progress::kNeedMore;
  }
}

void RequestReader::set_body_limit(size_t bytes) {
  body_limit_ = bytes;
  parser_->beast.body_limit(bytes);
}

bool RequestReader::expects_continue() const {
  const auto& m = parser_->beast.get();
  auto expect = m.find(beast_http::field::expect);
  auto length = parser_->beast.content_length();
  return expect != m.end() && aws::iequals(trim(view(expect->value())), "100-continue") &&
         !parser_->beast.is_done() && m.body().empty() && (!length || *length <= body_limit_);
}

http::Request RequestReader::take() {
  http::Request r = std::move(request_);
  r.body = parser_->beast.release().body();
  std::string rest = std::move(pending_);
  reset();
  pending_ = std::move(rest);
  started_ = !pending_.empty();
  return r;
}

}  // namespace opsreg::mocks
