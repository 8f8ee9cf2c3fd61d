// The shape of one fake AWS service on the edge: it names its SigV4 signing name and wire
// protocol, and handles authenticated requests, asking the context to authorize each action.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/aws/error_wire.h"
#include "core/http/http_types.h"
#include "core/util/result.h"
#include "mocks/base/principal.h"
#include "mocks/policy/evaluator.h"

namespace opsreg::mocks {

class World;

// Who is calling: the principal behind the request's access key, or nobody (anonymous S3).
struct Caller {
  bool anonymous = true;
  Principal principal;
  std::string access_key_id;
  std::vector<policy::PolicyPtr> policies;  // evaluated for non-root callers
};

// Per-request context handed to a service: the world, the caller, and authorization.
class CallContext {
 public:
  CallContext(World& world, Caller caller, aws::Protocol protocol, std::string request_id,
              std::string region)
      : world_(world),
        caller_(std::move(caller)),
        protocol_(protocol),
        request_id_(std::move(request_id)),
        region_(std::move(region)) {}

  World& world() { return world_; }
  const Caller& caller() const { return caller_; }
  const std::string& request_id() const { return request_id_; }
  // The region of the request's credential scope (the world's region when unsigned).
  const std::string& region() const { return region_; }

  // Evaluates the caller's policies for `action` on `resource` at the world's time.
  // Root is always allowed; an anonymous caller never is (services decide public access).
  // On denial returns the protocol's access-denied error, worded as AWS words it.
  Status authorize(std::string_view action, std::string_view resource,
                   const std::map<std::string, std::string>& extra_keys = {}) const;

 private:
  World& world_;
  Caller caller_;
  aws::Protocol protocol_;
  std::string request_id_;
  std::string region_;
};

class Service {
 public:
  virtual ~Service() = default;
  // The SigV4 credential scope's service name: "iam", "sts", "s3", "opsworks", "ec2".
  virtual std::string_view signing_name() const = 0;
  virtual aws::Protocol protocol() const = 0;
  // Handles an authenticated request (anonymous only for services that accept it; see
  // accepts_anonymous). An error is rendered by the edge in protocol().
  virtual Result<http::Response> handle(const http::Request& request, CallContext& ctx) = 0;
  // Whether unsigned requests reach handle() (S3's public objects) rather than being refused.
  virtual bool accepts_anonymous() const { return false; }
  // The XML namespace of a query-protocol service's <ErrorResponse> ("" for other protocols).
  virtual std::string_view xml_namespace() const { return {}; }
  // The AWS names of the operations it implements, sorted (scenario files are checked
  // against them when they load).
  virtual std::vector<std::string> operation_names() const = 0;
};

}  // namespace opsreg::mocks
