// The shared wire half of every query-protocol fake (IAM, STS, and EC2's variant of it): reads
// the form body (or GET query), dispatches on Action, wraps results in the response envelope,
// and answers unknown or missing actions as AWS does. A service only registers its operations.
#pragma once

#include <functional>
#include <string>

#include "core/aws/query_params.h"
#include "mocks/services/operations.h"
#include "mocks/services/service.h"

namespace opsreg::mocks {

// Returns the inner XML of the response: what goes in <ActionResult> (query), or after
// <requestId> in <ActionResponse> (EC2); "" for query actions that return only metadata.
using QueryHandler = std::function<Result<std::string>(const aws::QueryParams&, CallContext&)>;
using QueryOperations = Operations<QueryHandler>;

class QueryService final : public Service {
 public:
  // `xmlns` is the service's response namespace, e.g. https://iam.amazonaws.com/doc/2010-05-08/.
  // `protocol` is kQuery (IAM, STS) or kEc2, which differs in its envelope
  // (<ActionResponse xmlns><requestId/>…, text/xml;charset=UTF-8) and in the wording of
  // MissingAction and InvalidAction.
  QueryService(std::string signing_name, std::string xmlns, QueryOperations operations,
               aws::Protocol protocol = aws::Protocol::kQuery)
      : signing_name_(std::move(signing_name)),
        xmlns_(std::move(xmlns)),
        operations_(std::move(operations)),
        protocol_(protocol) {}

  std::string_view signing_name() const override { return signing_name_; }
  aws::Protocol protocol() const override { return protocol_; }
  Result<http::Response> handle(const http::Request& request, CallContext& ctx) override;
  std::vector<std::string> operation_names() const override { return operations_.names(); }
  // The namespace of <ErrorResponse> (query only: EC2's <Response> has none).
  std::string_view xml_namespace() const override {
    return protocol_ == aws::Protocol::kQuery ? std::string_view(xmlns_) : std::string_view();
  }

 private:
  std::string signing_name_;
  std::string xmlns_;
  QueryOperations operations_;
  aws::Protocol protocol_;
};

// A required parameter, or IAM's MissingParameter / ValidationError wording.
Result<std::string> required_param(const aws::QueryParams& params, std::string_view name);

}  // namespace opsreg::mocks
