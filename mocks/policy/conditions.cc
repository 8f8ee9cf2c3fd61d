// Evaluation of IAM condition operators against the request context.
#include "mocks/policy/conditions.h"

#include <arpa/inet.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "mocks/policy/variables.h"
#include "mocks/policy/wildcard.h"

namespace opsreg::mocks::policy {

namespace {

enum class Family {
  kString,
  kStringIgnoreCase,
  kStringLike,
  kNumeric,
  kDate,
  kBool,
  kBinary,
  kIp,
  kArn,
  kNull
};
enum class Cmp { kEq, kLt, kLe, kGt, kGe };
enum class SetMode { kSingle, kAnyValue, kAllValues };

struct Operator {
  Family family;
  Cmp cmp = Cmp::kEq;
  bool negated = false;
  bool if_exists = false;
  SetMode set = SetMode::kSingle;
};

struct Known {
  std::string_view name;
  Family family;
  Cmp cmp;
  bool negated;
};

constexpr Known kOperators[] = {
    {"StringEquals", Family::kString, Cmp::kEq, false},
    {"StringNotEquals", Family::kString, Cmp::kEq, true},
    {"StringEqualsIgnoreCase", Family::kStringIgnoreCase, Cmp::kEq, false},
    {"StringNotEqualsIgnoreCase", Family::kStringIgnoreCase, Cmp::kEq, true},
    {"StringLike", Family::kStringLike, Cmp::kEq, false},
    {"StringNotLike", Family::kStringLike, Cmp::kEq, true},
    {"NumericEquals", Family::kNumeric, Cmp::kEq, false},
    {"NumericNotEquals", Family::kNumeric, Cmp::kEq, true},
    {"NumericLessThan", Family::kNumeric, Cmp::kLt, false},
    {"NumericLessThanEquals", Family::kNumeric, Cmp::kLe, false},
    {"NumericGreaterThan", Family::kNumeric, Cmp::kGt, false},
    {"NumericGreaterThanEquals", Family::kNumeric, Cmp::kGe, false},
    {"DateEquals", Family::kDate, Cmp::kEq, false},
    {"DateNotEquals", Family::kDate, Cmp::kEq, true},
    {"DateLessThan", Family::kDate, Cmp::kLt, false},
    {"DateLessThanEquals", Family::kDate, Cmp::kLe, false},
    {"DateGreaterThan", Family::kDate, Cmp::kGt, false},
    {"DateGreaterThanEquals", Family::kDate, Cmp::kGe, false},
    {"Bool", Family::kBool, Cmp::kEq, false},
    {"BinaryEquals", Family::kBinary, Cmp::kEq, false},
    {"IpAddress", Family::kIp, Cmp::kEq, false},
    {"NotIpAddress", Family::kIp, Cmp::kEq, true},
    {"ArnEquals", Family::kArn, Cmp::kEq, false},
    {"ArnLike", Family::kArn, Cmp::kEq, false},
    {"ArnNotEquals", Family::kArn, Cmp::kEq, true},
    {"ArnNotLike", Family::kArn, Cmp::kEq, true},
    {"Null", Family::kNull, Cmp::kEq, false},
};

std::optional<Operator> parse_operator(std::string_view op) {
  Operator out{Family::kNull};
  if (op.starts_with("ForAnyValue:")) {
    out.set = SetMode::kAnyValue;
    op.remove_prefix(12);
  } else if (op.starts_with("ForAllValues:")) {
    out.set = SetMode::kAllValues;
    op.remove_prefix(13);
  }
  if (op.ends_with("IfExists")) {
    out.if_exists = true;
    op.remove_suffix(8);
  }
  for (const Known& k : kOperators) {
    if (k.name != op) continue;
    out.family = k.family;
    out.cmp = k.cmp;
    out.negated = k.negated;
    return out;
  }
  return std::nullopt;
}

bool iequal(std::string_view a, std::string_view b) { return lowercase(a) == lowercase(b); }

template <class T>
bool compare(const T& have, Cmp cmp, const T& want) {
  switch (cmp) {
    case Cmp::kEq:
      return have == want;
    case Cmp::kLt:
      return have < want;
    case Cmp::kLe:
      return have <= want;
    case Cmp::kGt:
      return have > want;
    case Cmp::kGe:
      return have >= want;
  }
  return false;
}

std::optional<double> parse_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

// `ip` inside `cidr` ("10.0.0.0/8", "2001:db8::/32", or a bare address).
bool ip_in(const std::string& cidr, const std::string& ip) {
  size_t slash = cidr.find('/');
  std::string net = cidr.substr(0, slash);
  unsigned char want[16], have[16];
  int family = net.find(':') == std::string::npos ? AF_INET : AF_INET6;
  int bytes = family == AF_INET ? 4 : 16;
  if (inet_pton(family, net.c_str(), want) != 1 || inet_pton(family, ip.c_str(), have) != 1)
    return false;
  int bits = bytes * 8;
  if (slash != std::string::npos) {
    auto n = parse_number(cidr.substr(slash + 1));
    if (!n || *n < 0 || *n > bits) return false;
    bits = static_cast<int>(*n);
  }
  for (int i = 0; i < bits; ++i) {
    int mask = 0x80 >> (i % 8);
    if ((want[i / 8] & mask) != (have[i / 8] & mask)) return false;
  }
  return true;
}

// Whether the request's `have` matches one policy value `want`, before negation.
bool value_matches(const Operator& op, const std::string& key, const std::string& want,
                   const std::string& have, const RequestContext& ctx, bool expand) {
  switch (op.family) {
    case Family::kString:
    case Family::kStringIgnoreCase:
    case Family::kStringLike:
    case Family::kArn: {
      std::optional<Pattern> p = expand_variables(want, ctx, expand);
      if (!p) return false;
      if (op.family == Family::kString) return p->chars() == have;
      if (op.family == Family::kStringIgnoreCase) return iequal(p->chars(), have);
      if (op.family == Family::kStringLike) return p->matches(have);
      return arn_match(*p, have);
    }
    case Family::kNumeric: {
      auto w = parse_number(want), h = parse_number(have);
      return w && h && compare(*h, op.cmp, *w);
    }
    case Family::kDate: {
      auto w = parse_policy_date(want);
      auto h =
          key == "aws:currenttime" ? std::optional<Instant>(ctx.now()) : parse_policy_date(have);
      return w && h && compare(*h, op.cmp, *w);
    }
    case Family::kBool:
      return (iequal(want, "true") || iequal(want, "false")) && iequal(want, have);
    case Family::kBinary:
      return want == have;
    case Family::kIp:
      return ip_in(want, have);
    case Family::kNull:
      return false;
  }
  return false;
}

}  // namespace

bool known_operator(std::string_view op) { return parse_operator(op).has_value(); }

bool is_date_operator(std::string_view op) {
  std::optional<Operator> o = parse_operator(op);
  return o && o->family == Family::kDate;
}

bool condition_holds(const Condition& condition, const RequestContext& ctx, bool expand_variables) {
  std::optional<Operator> op = parse_operator(condition.op);
  if (!op) return false;
  std::optional<std::string> have = ctx.get(condition.key);
  if (op->family == Family::kNull) {
    for (const std::string& v : condition.values) {
      if ((iequal(v, "true") && !have) || (iequal(v, "false") && have)) return true;
    }
    return false;
  }
  if (!have) {
    if (op->if_exists) return true;
    if (op->set == SetMode::kAllValues) return true;  // every one of no values matches
    if (op->set == SetMode::kAnyValue) return false;
    return op->negated;
  }
  bool any = false;
  for (const std::string& want : condition.values) {
    if (value_matches(*op, condition.key, want, *have, ctx, expand_variables)) {
      any = true;
      break;
    }
  }
  return op->negated ? !any : any;
}

bool conditions_hold(const std::vector<Condition>& conditions, const RequestContext& ctx,
                     bool expand_variables) {
  for (const Condition& c : conditions)
    if (!condition_holds(c, ctx, expand_variables)) return false;
  return true;
}

}  // namespace opsreg::mocks::policy
