// Policy variables in Resource elements and String/Arn condition values: `${aws:username}`,
// `${aws:userid}`, any request key, `${key, 'default'}`, and the escapes ${*} ${?} ${$}.
#pragma once

#include <optional>
#include <string_view>

#include "mocks/policy/context.h"
#include "mocks/policy/wildcard.h"

namespace opsreg::mocks::policy {

// Expands the variables of `text` from `ctx`; substituted text never acts as a wildcard.
// With `expand` false (policies older than 2012-10-17) `text` is taken as written.
// nullopt when a variable names a key the request lacks and gives no default: such a
// pattern matches nothing.
std::optional<Pattern> expand_variables(std::string_view text, const RequestContext& ctx,
                                        bool expand);

}  // namespace opsreg::mocks::policy
