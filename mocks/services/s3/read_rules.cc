// Range parsing and conditional-request checks for S3 reads.
#include "mocks/services/s3/read_rules.h"

#include <charconv>

#include "core/clock/time_format.h"
#include "core/util/split.h"

namespace opsreg::mocks::s3 {

namespace {
std::optional<size_t> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

aws::Error invalid_range() {
  return aws::make_error("InvalidRange", "The requested range is not satisfiable", 416);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Whether `etag` is in the comma-separated list `header` ("*" matches any).
bool etag_matches(std::string_view header, const std::string& etag) {
  for (std::string_view field : split(header, ',')) {
    std::string_view item = trim(field);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == "*") return true;
    std::string_view bare = std::string_view(etag).substr(1, etag.size() - 2);
    if (item == etag || item == bare) return true;
  }
  return false;
}

// Last-Modified as HTTP dates carry it: whole seconds.
TimePoint seconds(TimePoint t) { return std::chrono::floor<std::chrono::seconds>(t); }
}  // namespace

Result<std::optional<ByteRange>> parse_range(std::string_view header, size_t size) {
  header = trim(header);
  if (!header.starts_with("bytes=")) return std::optional<ByteRange>();
  std::string_view spec = trim(header.substr(6));
  if (spec.find(',') != std::string_view::npos) return std::optional<ByteRange>();
  size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return std::optional<ByteRange>();
  std::string_view a = trim(spec.substr(0, dash));
  std::string_view b = trim(spec.substr(dash + 1));
  if (a.empty()) {  // bytes=-n: the last n bytes
    auto n = number(b);
    if (!n) return std::optional<ByteRange>();
    if (*n == 0 || size == 0) return invalid_range();
    size_t count = std::min(*n, size);
    return std::optional<ByteRange>(ByteRange{size - count, size - 1});
  }
  auto first = number(a);
  if (!first) return std::optional<ByteRange>();
  std::optional<size_t> last;
  if (!b.empty()) {
    last = number(b);
    if (!last || *last < *first) return std::optional<ByteRange>();
  }
  if (*first >= size) return invalid_range();
  size_t end = last ? std::min(*last, size - 1) : size - 1;
  return std::optional<ByteRange>(ByteRange{*first, end});
}

int check_preconditions(const http::Request& request, const Object& object) {
  std::string_view if_match = request.header("If-Match");
  std::string_view if_none_match = request.header("If-None-Match");
  TimePoint modified = seconds(object.last_modified);
  if (!if_match.empty()) {
    if (!etag_matches(if_match, object.etag)) return 412;
  } else if (auto since = parse_http_date(request.header("If-Unmodified-Since"))) {
    if (modified > *since) return 412;
  }
  if (!if_none_match.empty()) {
    if (etag_matches(if_none_match, object.etag)) return 304;
  } else if (auto since = parse_http_date(request.header("If-Modified-Since"))) {
    if (modified <= *since) return 304;
  }
  return 0;
}

}  // namespace opsreg::mocks::s3
