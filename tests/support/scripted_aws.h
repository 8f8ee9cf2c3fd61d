// Test support: an http::Transport that answers from a script keyed by operation — the query
// Action, the X-Amz-Target, or "METHOD /path" for plain HTTP such as the metadata service —
// and records every request, so client tests read as "this wire response gives this result".
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/aws/error_wire.h"
#include "core/aws/uri.h"
#include "core/http/transport.h"

namespace opsreg::testing {

class ScriptedAws final : public http::Transport {
 public:
  using Handler = std::function<Result<http::Response>(const http::Request&)>;

  // The operation a request is for: X-Amz-Target, else the form's Action, else
  // "METHOD /path" (path without the query).
  static std::string operation(const http::Request& r) {
    if (std::string_view t = r.header("X-Amz-Target"); !t.empty()) return std::string(t);
    for (const auto& [k, v] : aws::parse_query(r.body, true))
      if (k == "Action") return v;
    return r.method + " " + r.path;
  }
  // The decoded form parameters of a query-protocol request.
  static aws::Params form(const http::Request& r) { return aws::parse_query(r.body, true); }
  static std::string form_value(const http::Request& r, const std::string& name) {
    for (const auto& [k, v] : form(r))
      if (k == name) return v;
    return "";
  }

  // Every request for `op` is answered by `handler` (after any queued one-off replies).
  void on(const std::string& op, Handler handler) { handlers_[op] = std::move(handler); }
  // Every request for `op` gets this response.
  void reply(const std::string& op, int status, std::string body, aws::Headers headers = {}) {
    on(op, [=](const http::Request&) {
      return Result<http::Response>(http::Response{status, headers, body});
    });
  }
  // The next request for `op` gets this (one-off, in order, before the standing handler).
  void queue(const std::string& op, Result<http::Response> response) {
    queued_[op].push_back(std::move(response));
  }
  // Every request for `op` gets `code` in `protocol`'s wire format.
  void error(const std::string& op, aws::Protocol protocol, const std::string& code,
             const std::string& message, int status = 400) {
    aws::WireError w = aws::render_error(protocol, aws::make_error(code, message, status), "rid");
    reply(op, w.status, w.body, {{"Content-Type", w.content_type}});
  }

  Result<http::Response> send(const http::Url& endpoint, const http::Request& request) override {
    std::string op = operation(request);
    Handler handler;
    {
      std::lock_guard<std::mutex> lock(mu_);
      sent.push_back({op, endpoint.origin(), request});
      auto q = queued_.find(op);
      if (q != queued_.end() && !q->second.empty()) {
        Result<http::Response> r = q->second.front();
        q->second.pop_front();
        return r;
      }
      auto it = handlers_.find(op);
      if (it == handlers_.end())
        return http::Response{unscripted_status, {}, "no scripted response for " + op};
      handler = it->second;
    }
    return handler(request);
  }

  // How many requests were for `op`.
  int count(const std::string& op) const {
    int n = 0;
    for (const auto& s : sent) n += s.op == op;
    return n;
  }
  // The requests for `op`, in order.
  std::vector<http::Request> requests(const std::string& op) const {
    std::vector<http::Request> out;
    for (const auto& s : sent)
      if (s.op == op) out.push_back(s.request);
    return out;
  }

  struct Sent {
    std::string op;
    std::string origin;
    http::Request request;
  };
  std::vector<Sent> sent;
  int unscripted_status = 500;  // the answer to an operation nobody scripted

 private:
  std::mutex mu_;
  std::map<std::string, Handler> handlers_;
  std::map<std::string, std::deque<Result<http::Response>>> queued_;
};

}  // namespace opsreg::testing
