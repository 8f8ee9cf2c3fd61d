// Routing, authentication and error rendering for every request the edge receives.
#include "mocks/edge/edge.h"

#include <algorithm>

#include "core/clock/time_format.h"
#include "mocks/edge/authenticator.h"
#include "mocks/services/operation_name.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {

Edge::Edge(std::shared_ptr<World> world) : services_(make_services()), world_(std::move(world)) {}
Edge::~Edge() = default;

std::shared_ptr<World> Edge::world() const {
  std::lock_guard lock(mu_);
  return world_;
}

void Edge::reset(std::shared_ptr<World> world) {
  std::lock_guard lock(mu_);
  world_ = std::move(world);
}

// Signed requests name their service in the credential scope. Unsigned ones are routed by
// X-Amz-Target's prefix, then by a Host such as iam.amazonaws.com, then by the Action a query
// call to "/" names (so an unsigned IAM call gets IAM's MissingAuthenticationToken), and
// otherwise go to S3 (anonymous downloads such as the agent installer).
Service* Edge::route(const http::Request& request, std::string_view signing_name) const {
  auto find = [&](std::string_view name) -> Service* {
    for (const auto& s : services_)
      if (s->signing_name() == name) return s.get();
    return nullptr;
  };
  if (!signing_name.empty()) return find(signing_name);
  std::string_view target = request.header("X-Amz-Target");
  if (target.starts_with("OpsWorks_")) return find("opsworks");
  std::string_view host = request.header("Host");
  for (std::string_view name : {"iam", "sts", "ec2", "opsworks"})
    if (host.starts_with(std::string(name) + ".")) return find(name);
  if (request.path == "/") {
    std::string action = query_action(request);
    for (const auto& s : services_) {
      if (action.empty() || s->protocol() == aws::Protocol::kRestXml ||
          s->protocol() == aws::Protocol::kJson)
        continue;
      std::vector<std::string> names = s->operation_names();
      if (std::find(names.begin(), names.end(), action) != names.end()) return s.get();
    }
  }
  return find("s3");
}

http::Response Edge::render(const Service& service, const aws::Error& error,
                            const http::Request& request, const std::string& request_id) const {
  aws::WireError wire = aws::render_error(service.protocol(), error, request_id, request.path,
                                          service.xml_namespace());
  http::Response r;
  r.status = wire.status;
  r.set_header("Content-Type", wire.content_type);
  r.body = std::move(wire.body);
  r.headers.emplace_back(
      service.protocol() == aws::Protocol::kRestXml ? "x-amz-request-id" : "x-amzn-RequestId",
      request_id);
  if (service.protocol() == aws::Protocol::kJson)
    r.headers.emplace_back("x-amzn-ErrorType", error.code);
  return r;
}

http::Response Edge::too_large(const http::Request& head) const {
  aws::SignatureClaim claim;
  std::string why;
  aws::SignableRequest signable = head.signable();
  bool claimed = aws::parse_claim(signable, &claim, &why) == aws::ClaimProblem::kNone;
  const Service* service = route(head, claimed ? claim.service : "");
  if (!service) service = route(head, "s3");
  bool s3 = service->protocol() == aws::Protocol::kRestXml;
  aws::Error error =
      s3 ? aws::make_error("EntityTooLarge",
                           "Your proposed upload exceeds the maximum allowed size", 413)
         : aws::make_error("RequestEntityTooLarge", "Request body is too large", 413);
  return render(*service, error, head, world()->ids().uuid());
}

void Edge::advance_clock(std::chrono::microseconds by) const {
  world()->advance(by);
  if (clock_listener_) clock_listener_();
}

http::Response Edge::handle(const http::Request& request) {
  LoggedRequest seen;
  http::Response response = respond(request, &seen);
  if (observer_) {
    std::shared_ptr<World> world = this->world();
    seen.time = format_iso8601_millis(world->now());
    seen.identity = identity_of_key(*world, seen.access_key_id);
    seen.status = response.drop_connection ? 0 : response.status;
    observer_(request, seen);
  }
  return response;
}

http::Response Edge::respond(const http::Request& request, LoggedRequest* seen) {
  std::shared_ptr<World> world = this->world();
  std::string request_id = world->ids().uuid();
  aws::SignatureClaim claim;
  std::string why;
  aws::SignableRequest signable = request.signable();
  aws::ClaimProblem problem = aws::parse_claim(signable, &claim, &why);

  Service* service = route(request, problem == aws::ClaimProblem::kNone ? claim.service : "");
  if (problem == aws::ClaimProblem::kNone || problem == aws::ClaimProblem::kMissing)
    seen->access_key_id = claim.access_key_id;
  if (!service) {
    seen->service = claim.service;
    seen->error_code = "InvalidAction";
    http::Response r;
    r.status = 400;
    r.set_header("Content-Type", "text/xml");
    r.body = aws::render_error(aws::Protocol::kQuery,
                               aws::make_error("InvalidAction",
                                               "opsreg serves iam, sts, s3, opsworks and ec2; "
                                               "the credential scope names '" +
                                                   claim.service + "'"),
                               request_id)
                 .body;
    return r;
  }
  seen->service = std::string(service->signing_name());
  seen->operation = operation_name(service->protocol(), request);
  // An AWS error in the service's protocol, noted in the log.
  auto refuse = [&](const aws::Error& error) {
    seen->error_code = error.code;
    return render(*service, error, request, request_id);
  };
  Caller caller;
  if (problem == aws::ClaimProblem::kMalformed)
    return refuse(auth_error(service->protocol(), AuthFailure::kMalformed, why));
  if (problem == aws::ClaimProblem::kMalformedQuery)
    return refuse(auth_error(service->protocol(), AuthFailure::kMalformedQuery, why));
  if (problem == aws::ClaimProblem::kMissing) {
    if (!service->accepts_anonymous())
      return refuse(auth_error(service->protocol(), AuthFailure::kMissing));
  } else {
    Result<Caller> authenticated = authenticate(request, claim, *world, service->protocol());
    if (!authenticated.ok()) return refuse(authenticated.error());
    caller = std::move(authenticated.value());
  }
  // Injected faults, once the request is known to be authentic (mocks/faults/fault_plan.h).
  faults::FaultDecision fault = world->faults().decide(service->signing_name(), seen->operation);
  if (fault.latency.count() > 0) advance_clock(fault.latency);
  if (fault.drop_connection) {
    http::Response dropped;
    dropped.drop_connection = true;
    return dropped;
  }
  if (fault.error) return refuse(*fault.error);
  if (fault.bare_status) {
    http::Response bare;
    bare.status = fault.bare_status;
    return bare;
  }
  CallContext ctx(*world, std::move(caller), service->protocol(), request_id,
                  claim.region.empty() ? world->region() : claim.region);
  // A fault in a fake must come back as AWS's InternalFailure, never take the server down.
  Result<http::Response> result = [&]() -> Result<http::Response> {
    try {
      return service->handle(request, ctx);
    } catch (const std::exception& e) {
      return aws::make_error(
          service->protocol() == aws::Protocol::kRestXml ? "InternalError" : "InternalFailure",
          std::string("opsreg internal error: ") + e.what(), 500);
    }
  }();
  if (!result.ok()) return refuse(result.error());
  http::Response& r = result.value();
  // A service answering an error itself (S3's HEAD 404 has no body: its code is the status).
  if (r.status >= 300 && !r.body.empty())
    seen->error_code = aws::parse_error(service->protocol(), r.status, r.body).code;
  r.headers.emplace_back(
      service->protocol() == aws::Protocol::kRestXml ? "x-amz-request-id" : "x-amzn-RequestId",
      request_id);
  return std::move(r);
}

}  // namespace opsreg::mocks
