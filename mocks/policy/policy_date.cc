// Reading IAM policy date values (ISO 8601 forms and epoch seconds) into instants.
#include "mocks/policy/policy_date.h"

#include <charconv>
#include <string>

namespace opsreg::mocks::policy {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A run of 1..max_len digits in [lo, hi].
std::optional<int64_t> number(std::string_view s, size_t max_len, int64_t lo, int64_t hi) {
  if (!all_digits(s) || s.size() > max_len) return std::nullopt;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

// "+hh", "+hh:mm", "-hh", "-hh:mm" -> seconds east of UTC.
std::optional<int64_t> parse_offset(std::string_view s) {
  int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  if (s.size() != 2 && s.size() != 5) return std::nullopt;
  auto h = number(s.substr(0, 2), 2, 0, 23);
  if (!h) return std::nullopt;
  int64_t m = 0;
  if (s.size() == 5) {
    if (s[2] != ':') return std::nullopt;
    auto mm = number(s.substr(3), 2, 0, 59);
    if (!mm) return std::nullopt;
    m = *mm;
  }
  return sign * (*h * 3600 + m * 60);
}

std::optional<Instant> parse_iso(std::string_view s) {
  size_t t = s.find_first_of("Tt");
  std::string_view date = s.substr(0, t);
  std::string_view time = t == std::string_view::npos ? std::string_view() : s.substr(t + 1);

  bool negative = !date.empty() && date[0] == '-';
  if (negative) date.remove_prefix(1);
  int64_t parts[3] = {0, 1, 1};
  for (int i = 0; i < 3; ++i) {
    size_t dash = date.find('-');
    std::string_view piece = date.substr(0, dash);
    static constexpr int64_t kMax[3] = {292278993, 12, 31};
    auto v = number(piece, i == 0 ? 9 : 2, i == 0 ? 0 : 1, kMax[i]);
    if (!v) return std::nullopt;
    parts[i] = *v;
    if (dash == std::string_view::npos) break;
    if (i == 2) return std::nullopt;  // a fourth date part
    date = date.substr(dash + 1);
  }
  int64_t year = negative ? -parts[0] : parts[0];
  if (year < -292275054) return std::nullopt;

  int64_t offset = 0;
  if (!time.empty() && (time.back() == 'Z' || time.back() == 'z')) {
    time.remove_suffix(1);
  } else if (size_t z = time.find_first_of("+-"); z != std::string_view::npos) {
    auto off = parse_offset(time.substr(z));
    if (!off) return std::nullopt;
    offset = *off;
    time = time.substr(0, z);
  }

  int64_t hms[3] = {0, 0, 0};
  int32_t nanos = 0;
  for (int i = 0; i < 3 && !time.empty(); ++i) {
    size_t colon = time.find(':');
    std::string_view piece = time.substr(0, colon);
    if (i == 2) {
      if (colon != std::string_view::npos) return std::nullopt;
      size_t dot = piece.find('.');
      if (dot != std::string_view::npos) {
        std::string_view frac = piece.substr(dot + 1);
        if (!all_digits(frac) || frac.size() > 9) return std::nullopt;
        std::string padded(frac);
        padded.resize(9, '0');
        nanos = static_cast<int32_t>(std::stol(padded));
        piece = piece.substr(0, dot);
      }
    }
    static constexpr int64_t kMax[3] = {23, 59, 59};
    auto v = number(piece, 2, 0, kMax[i]);
    if (!v) return std::nullopt;
    hms[i] = *v;
    if (colon == std::string_view::npos) break;
    if (i == 2) return std::nullopt;
    time = time.substr(colon + 1);
  }

  int64_t secs =
      days_from_civil(year, parts[1], parts[2]) * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2];
  return Instant{secs - offset, nanos};
}

}  // namespace

Instant to_instant(TimePoint t) {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  int64_t secs = ns / 1000000000;
  int64_t rem = ns % 1000000000;
  if (rem < 0) {
    rem += 1000000000;
    secs -= 1;
  }
  return Instant{secs, static_cast<int32_t>(rem)};
}

std::optional<Instant> parse_policy_date(std::string_view value) {
  if (value.find_first_of("Tt-") != std::string_view::npos) return parse_iso(value);
  if (!all_digits(value)) return std::nullopt;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || p != value.data() + value.size()) return std::nullopt;
  return Instant{v, 0};
}

}  // namespace opsreg::mocks::policy
