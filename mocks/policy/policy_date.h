// Date values as IAM policies write them (`2026-01-01T00:15:00Z`, partial ISO 8601 forms,
// offsets, or epoch seconds), read into an instant comparable across the whole range IAM
// accepts (years -292275054 to 292278993, beyond what a TimePoint holds).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/clock/clock.h"

namespace opsreg::mocks::policy {

struct Instant {
  int64_t seconds = 0;  // since 1970-01-01T00:00:00Z
  int32_t nanos = 0;    // 0..999999999
  auto operator<=>(const Instant&) const = default;
};

Instant to_instant(TimePoint t);

// Parses a Date condition value. Epoch seconds (digits only, up to 2^63-1), or ISO 8601 as
// IAM reads it: [-]YYYY[-MM[-DD]][T[hh[:mm[:ss[.fraction]]]][Z|+hh[:mm]|-hh[:mm]]], the `T`
// in either case. nullopt when IAM would reject the value ("The policy failed legacy
// parsing").
std::optional<Instant> parse_policy_date(std::string_view value);

}  // namespace opsreg::mocks::policy
