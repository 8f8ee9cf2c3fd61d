// A request head for the fuzz targets that take one (fuzz_sigv4): "METHOD TARGET" on the first
// line, then "Name: value" header lines, read leniently into the SignableRequest the SigV4 code
// takes. Header names that are not HTTP tokens are dropped, as an HTTP front refuses them.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "core/aws/sigv4.h"

namespace opsreg::fuzz {

struct RequestHead {
  std::string method;
  std::string path;
  std::string query;
  aws::Headers headers;
};

inline bool http_token(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name)
    if (!(std::isalnum(c) ||
          std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos))
      return false;
  return true;
}

inline RequestHead read_request_head(std::string_view text) {
  RequestHead head;
  bool first = true;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      first = false;
      size_t sp = line.find(' ');
      head.method = std::string(line.substr(0, sp));
      std::string_view target = sp == std::string_view::npos ? "/" : line.substr(sp + 1);
      size_t q = target.find('?');
      head.path = std::string(target.substr(0, q));
      if (q != std::string_view::npos) head.query = std::string(target.substr(q + 1));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || !http_token(line.substr(0, colon))) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    head.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return head;
}

}  // namespace opsreg::fuzz
