// Redaction of secrets in --debug output.
#include "core/clients/debug_log.h"

#include <regex>

#include "core/aws/headers.h"

namespace opsreg::clients {

namespace {
// Member names whose values are secrets, in any of the wire formats.
constexpr const char* kSecretNames =
    "SecretAccessKey|secret_access_key|aws_secret_access_key|SessionToken|session_token|"
    "aws_session_token|SecurityToken|Password|password|PrivateKey|private_key";
}  // namespace

aws::Headers redact_headers(const aws::Headers& headers) {
  static const std::regex kSignature("Signature=[0-9a-fA-F]+");
  aws::Headers out = headers;
  for (auto& [name, value] : out) {
    if (aws::iequals(name, "Authorization")) {
      value = std::regex_replace(value, kSignature, "Signature=REDACTED");
    } else if (aws::iequals(name, "X-Amz-Security-Token")) {
      value = "REDACTED";
    }
  }
  return out;
}

std::string redact_body(std::string_view body) {
  static const std::string names = kSecretNames;
  // <Name>value</Name>
  static const std::regex kXml("<(" + names + ")>[^<]*</\\1>");
  // "Name": "value"  (JSON)
  static const std::regex kJson("\"(" + names + ")\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  // Name=value  (form bodies and query strings)
  static const std::regex kForm("(^|&)(" + names + ")=[^&]*");
  // :name: "value" / name = value  (preconfig and INI-like text)
  static const std::regex kLine("(^|\\n)(:?(?:" + names + "):?\\s*[:=]?\\s*)[^\\n]*");
  std::string out(body);
  out = std::regex_replace(out, kXml, "<$1>REDACTED</$1>");
  out = std::regex_replace(out, kJson, "\"$1\"$2\"REDACTED\"");
  out = std::regex_replace(out, kForm, "$1$2=REDACTED");
  out = std::regex_replace(out, kLine, "$1$2REDACTED");
  return out;
}

std::string format_debug_event(const DebugEvent& e) {
  std::string out;
  switch (e.kind) {
    case DebugEvent::Kind::kRequest:
      out = "[debug] " + e.service + " request (attempt " + std::to_string(e.attempt) +
            "): " + e.method + " " + e.url;
      break;
    case DebugEvent::Kind::kResponse:
      out = "[debug] " + e.service + " response (attempt " + std::to_string(e.attempt) +
            "): " + std::to_string(e.status);
      break;
    case DebugEvent::Kind::kTransportError:
      return "[debug] " + e.service + " attempt " + std::to_string(e.attempt) +
             " failed: " + e.error;
    case DebugEvent::Kind::kRetry:
      return "[debug] " + e.service + " retrying after " + e.error + " in " +
             std::to_string(e.delay.count()) + " ms (attempt " + std::to_string(e.attempt + 1) +
             ")";
  }
  for (const auto& [k, v] : e.headers) out += "\n  " + k + ": " + v;
  if (!e.body.empty()) out += "\n  body: " + e.body;
  return out;
}

}  // namespace opsreg::clients
