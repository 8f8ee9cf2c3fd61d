// The request context a policy is evaluated against: condition keys looked up without regard
// to case, with aws:CurrentTime and aws:EpochTime taken from the request's clock.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "mocks/policy/evaluator.h"
#include "mocks/policy/policy_date.h"

namespace opsreg::mocks::policy {

class RequestContext {
 public:
  // `request` must outlive this context.
  explicit RequestContext(const AuthzRequest& request);
  RequestContext(const RequestContext&) = delete;
  RequestContext& operator=(const RequestContext&) = delete;

  // The value of condition key `name` (any case), or nullopt when the request lacks it.
  std::optional<std::string> get(std::string_view name) const;
  const AuthzRequest& request() const { return request_; }
  Instant now() const { return now_; }

 private:
  const AuthzRequest& request_;
  std::map<std::string, std::string> keys_;  // lowercase names
  Instant now_;
};

std::string lowercase(std::string_view s);

}  // namespace opsreg::mocks::policy
