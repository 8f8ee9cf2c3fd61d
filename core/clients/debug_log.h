// The --debug hook: each request sent and response received (and each retry decision),
// with secrets redacted — the Authorization signature, X-Amz-Security-Token, and secret
// access keys or session tokens in bodies.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "core/aws/headers.h"

namespace opsreg::clients {

struct DebugEvent {
  enum class Kind { kRequest, kResponse, kTransportError, kRetry };
  Kind kind = Kind::kRequest;
  std::string service;                 // "iam", "opsworks", ...
  int attempt = 1;                     // 1-based
  std::string method;                  // requests
  std::string url;                     // requests: endpoint + path + query
  int status = 0;                      // responses
  aws::Headers headers;                // redacted
  std::string body;                    // redacted
  std::string error;                   // transport errors and retries: "Code: message"
  std::chrono::milliseconds delay{0};  // retries: the backoff before the next attempt
};

using DebugHook = std::function<void(const DebugEvent&)>;

// Authorization keeps its Credential and SignedHeaders but its Signature becomes "REDACTED";
// X-Amz-Security-Token's value becomes "REDACTED".
aws::Headers redact_headers(const aws::Headers& headers);
// Masks the values of SecretAccessKey / secret_access_key / SessionToken / Password members
// in XML, JSON and form bodies ("REDACTED").
std::string redact_body(std::string_view body);
// One line per event in the AWS CLI's debug spirit, for the CLI's stderr.
std::string format_debug_event(const DebugEvent& event);

}  // namespace opsreg::clients
