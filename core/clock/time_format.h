// Time as AWS writes it: ISO 8601 (`2026-11-26T14:31:28Z`), SigV4's basic form
// (`20261126T143128Z`), and human durations (`90s`, `16m`, `2h`, `90d`).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock/clock.h"

namespace opsreg {

std::string format_iso8601(TimePoint t);         // 2026-11-26T14:31:28Z
std::string format_iso8601_millis(TimePoint t);  // 2026-11-26T14:31:28.000Z
std::string format_amz_date(TimePoint t);        // 20261126T143128Z
std::string format_http_date(TimePoint t);       // Thu, 26 Nov 2026 14:31:28 GMT
// The parsers accept real calendar instants of the years 1678 to 2261 (what a TimePoint holds);
// anything else is nullopt.
// Accepts 2026-11-26T14:31:28Z, with optional fractional seconds or a +00:00 offset.
std::optional<TimePoint> parse_iso8601(std::string_view s);
std::optional<TimePoint> parse_amz_date(std::string_view s);
// "Thu, 26 Nov 2026 14:31:28 GMT" (RFC 7231 IMF-fixdate); nullopt when malformed.
std::optional<TimePoint> parse_http_date(std::string_view s);
// The longest duration parse_duration takes: 100 years (36500d).
inline constexpr std::chrono::microseconds kMaxDuration = std::chrono::hours(24 * 36500);

// "90s", "16m", "2h", "90d", "14m59s", "1500ms"; nullopt when malformed or longer than
// kMaxDuration (so never wrapping).
std::optional<std::chrono::microseconds> parse_duration(std::string_view s);

}  // namespace opsreg
