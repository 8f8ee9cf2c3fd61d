// IAM condition operators: String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, Arn*,
// Null, with the IfExists suffix and the ForAnyValue:/ForAllValues: set prefixes.
// Several conditions all must hold; several values for one key are alternatives.
#pragma once

#include <string_view>
#include <vector>

#include "mocks/policy/context.h"
#include "mocks/policy/policy.h"

namespace opsreg::mocks::policy {

// Whether `op` names an operator IAM knows (after stripping a set prefix and IfExists).
bool known_operator(std::string_view op);

// Whether `op`'s values are dates (Date* operators): IAM checks those when parsing.
bool is_date_operator(std::string_view op);

// True when `condition` holds for the request. A key the request lacks makes a positive
// operator false and a negated one (StringNotEquals, ArnNotLike, ...) true; with IfExists
// it makes any operator true. An unknown operator never holds. Policy variables in String
// and Arn values are expanded when `expand_variables` (version 2012-10-17 policies).
bool condition_holds(const Condition& condition, const RequestContext& ctx, bool expand_variables);

// True when every condition holds (an empty list holds).
bool conditions_hold(const std::vector<Condition>& conditions, const RequestContext& ctx,
                     bool expand_variables);

}  // namespace opsreg::mocks::policy
