// Formatting and parsing of AWS timestamps and human durations.
#include "core/clock/time_format.h"

#include <cstdio>
#include <ctime>

namespace opsreg {

namespace {
std::tm to_tm(TimePoint t) {
  std::time_t secs =
      std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(t));
  if (std::chrono::time_point_cast<std::chrono::seconds>(t) > t) secs -= 1;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm;
}
std::string format(TimePoint t, const char* fmt) {
  std::tm tm = to_tm(t);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, fmt, &tm);
  return std::string(buf, n);
}
// The years a TimePoint holds whole: it counts nanoseconds in 64 bits, 1677-09-21 to 2262-04-11.
constexpr int kFirstYear = 1678, kLastYear = 2261;
// True for a real calendar date and time of day (30 February or 24:00:00 are not) that a
// TimePoint can hold (converting a later one would overflow and wrap).
bool valid_fields(int y, int mo, int d, int h, int mi, int s) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < kFirstYear || y > kLastYear || mo < 1 || mo > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int days = kDays[mo - 1] + (mo == 2 && leap ? 1 : 0);
  return d <= days && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}
TimePoint from_fields(int y, int mo, int d, int h, int mi, int s) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}
}  // namespace

std::string format_iso8601(TimePoint t) { return format(t, "%Y-%m-%dT%H:%M:%SZ"); }

std::string format_iso8601_millis(TimePoint t) {
  // Floored, as the seconds are: before 1970 a truncated count would be a millisecond off.
  auto ms = std::chrono::floor<std::chrono::milliseconds>(t.time_since_epoch()).count();
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(((ms % 1000) + 1000) % 1000));
  return format(t, "%Y-%m-%dT%H:%M:%S") + frac + "Z";
}

std::string format_amz_date(TimePoint t) { return format(t, "%Y%m%dT%H%M%SZ"); }

std::string format_http_date(TimePoint t) { return format(t, "%a, %d %b %Y %H:%M:%S GMT"); }

std::optional<TimePoint> parse_iso8601(std::string_view s) {
  int y, mo, d, h, mi, sec, consumed = 0;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec,
                  &consumed) != 6 ||
      consumed != 19)
    return std::nullopt;
  if (!valid_fields(y, mo, d, h, mi, sec)) return std::nullopt;
  std::string_view rest = s.substr(19);
  std::chrono::microseconds frac{0};
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    int64_t scale = 100000;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
      frac += std::chrono::microseconds((rest[i] - '0') * scale);
      scale /= 10;
      ++i;
    }
    if (i == 1) return std::nullopt;
    rest = rest.substr(i);
  }
  if (rest != "Z" && rest != "+00:00" && !rest.empty()) return std::nullopt;
  return from_fields(y, mo, d, h, mi, sec) + frac;
}

std::optional<TimePoint> parse_amz_date(std::string_view s) {
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return std::nullopt;
  for (size_t i = 0; i < 15; ++i)
    if (i != 8 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int mo = num(4, 2), d = num(6, 2), h = num(9, 2), mi = num(11, 2), sec = num(13, 2);
  if (!valid_fields(num(0, 4), mo, d, h, mi, sec)) return std::nullopt;
  return from_fields(num(0, 4), mo, d, h, mi, sec);
}

std::optional<TimePoint> parse_http_date(std::string_view s) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char wday[4] = {}, mon[4] = {};
  int d, y, h, mi, sec, consumed = 0;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%3s, %2d %3s %4d %2d:%2d:%2d GMT%n", wday, &d, mon, &y, &h, &mi,
                  &sec, &consumed) != 7 ||
      consumed != static_cast<int>(str.size()))
    return std::nullopt;
  for (int m = 0; m < 12; ++m) {
    if (std::string_view(mon) == kMonths[m]) {
      if (!valid_fields(y, m + 1, d, h, mi, sec)) return std::nullopt;
      return from_fields(y, m + 1, d, h, mi, sec);
    }
  }
  return std::nullopt;
}

std::optional<std::chrono::microseconds> parse_duration(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const int64_t limit = kMaxDuration.count();
  int64_t total = 0;  // microseconds, never past `limit`
  size_t i = 0;
  while (i < s.size()) {
    int64_t n = 0;
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      n = n * 10 + (s[i++] - '0');
      if (n > limit) return std::nullopt;  // before it could wrap
    }
    if (i == start || i == s.size()) return std::nullopt;
    std::string_view unit = s.substr(i, s.substr(i, 2) == "ms" ? 2 : 1);
    i += unit.size();
    int64_t micros_per = unit == "ms"  ? 1000
                         : unit == "s" ? 1000000
                         : unit == "m" ? int64_t{60} * 1000000
                         : unit == "h" ? int64_t{3600} * 1000000
                         : unit == "d" ? int64_t{86400} * 1000000
                                       : 0;
    if (micros_per == 0) return std::nullopt;
    if (n > (limit - total) / micros_per) return std::nullopt;
    total += n * micros_per;
  }
  return std::chrono::microseconds(total);
}

}  // namespace opsreg
