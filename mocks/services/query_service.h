// The shared wire half of every query-protocol fake (IAM, STS): reads the form body (or GET
// query), dispatches on Action, wraps results in the response envelope, and answers unknown or
// missing actions as AWS does. A service only registers its actions.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "core/aws/query_params.h"
#include "mocks/services/service.h"

namespace opsreg::mocks {

class QueryService : public Service {
 public:
  // Returns the inner XML of <ActionResult>, or "" for actions that return only metadata.
  using Action = std::function<Result<std::string>(const aws::QueryParams&, CallContext&)>;

  // `xmlns` is the service's response namespace, e.g. https://iam.amazonaws.com/doc/2010-05-08/
  QueryService(std::string signing_name, std::string xmlns)
      : signing_name_(std::move(signing_name)), xmlns_(std::move(xmlns)) {}

  std::string_view signing_name() const override { return signing_name_; }
  aws::Protocol protocol() const override { return aws::Protocol::kQuery; }
  Result<http::Response> handle(const http::Request& request, CallContext& ctx) override;
  std::string_view xml_namespace() const override { return xmlns_; }

 protected:
  void add_action(std::string name, Action action) {
    actions_[std::move(name)] = std::move(action);
  }

 private:
  std::string signing_name_;
  std::string xmlns_;
  std::map<std::string, Action, std::less<>> actions_;
};

// A required parameter, or IAM's MissingParameter / ValidationError wording.
Result<std::string> required_param(const aws::QueryParams& params, std::string_view name);

}  // namespace opsreg::mocks
