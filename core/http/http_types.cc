// Endpoint URL parsing for the client transport, and Response's header setter.
#include "core/http/http_types.h"

#include <charconv>

namespace opsreg::http {

namespace {
int default_port(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

aws::Error bad_url(std::string_view url, std::string_view why) {
  return aws::make_error("ValidationError", "Bad value for --endpoint-url \"" + std::string(url) +
                                                "\": " + std::string(why));
}
}  // namespace

std::string Url::origin() const {
  std::string host_part = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::string out = scheme + "://" + host_part;
  if (port != default_port(scheme)) out += ":" + std::to_string(port);
  return out;
}

std::string Url::host_header() const {
  std::string host_part = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != default_port(scheme)) host_part += ":" + std::to_string(port);
  return host_part;
}

Result<Url> parse_url(std::string_view url) {
  Url out;
  size_t sep = url.find("://");
  if (sep == std::string_view::npos)
    return bad_url(url, "scheme is missing. Must be of the form http://foo.com or https://foo.com");
  out.scheme = std::string(url.substr(0, sep));
  for (char& c : out.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.scheme != "http" && out.scheme != "https")
    return bad_url(url, "scheme must be http or https");
  std::string_view rest = url.substr(sep + 3);
  size_t path_at = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_at);
  std::string_view path = path_at == std::string_view::npos ? "" : rest.substr(path_at);
  if (size_t q = path.find_first_of("?#"); q != std::string_view::npos) path = path.substr(0, q);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority = authority.substr(at + 1);
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad_url(url, "unterminated IPv6 address");
    out.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad_url(url, "malformed host");
      port_text = after.substr(1);
    }
  } else {
    size_t colon = authority.rfind(':');
    out.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (out.host.empty()) return bad_url(url, "host is missing");
  out.port = default_port(out.scheme);
  if (!port_text.empty()) {
    int p = 0;
    auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), p);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || p <= 0 || p > 65535)
      return bad_url(url, "invalid port");
    out.port = p;
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  out.base_path = std::string(path);
  return out;
}

void Response::set_header(std::string_view name, std::string value) {
  for (auto& [k, v] : headers)
    if (aws::iequals(k, name)) {
      v = std::move(value);
      return;
    }
  headers.emplace_back(std::string(name), std::move(value));
}

}  // namespace opsreg::http
