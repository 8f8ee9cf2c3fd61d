// Test support: a signing client that drives an Edge in-process (no socket), so that service
// tests read as "this request gets this response". Requests are SigV4-signed like botocore's.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>

#include "core/aws/query_params.h"
#include "core/aws/sigv4.h"
#include "mocks/harness/harness.h"

namespace opsreg::testing {

// Whether a TestWorld's edge is also served on a loopback port (no hosts either way).
enum class Serving { kInProcess, kLoopback };

// A world from fixtures/worlds/default.json (or the given JSON) on a virtual clock, started by
// the harness (mocks/harness) without hosts: its edge in-process, or also on 127.0.0.1:0.
struct TestWorld {
  explicit TestWorld(const nlohmann::json& world_json = nlohmann::json(),
                     Serving serving = Serving::kInProcess);
  // The served edge's http://127.0.0.1:PORT. Precondition: Serving::kLoopback.
  std::string url() const { return harness->url(); }

  std::unique_ptr<mocks::Harness> harness;
  std::shared_ptr<mocks::World> world;
  mocks::Edge* edge;  // the harness's
};

class EdgeClient {
 public:
  // Signs with `creds` at the world's current time.
  EdgeClient(mocks::Edge& edge, aws::Credentials creds, std::string region = "us-east-1");

  // Query protocol (IAM "iam", STS "sts", EC2 "ec2"): POSTs Action=... with `params`.
  http::Response query(const std::string& service, const std::string& action,
                       const aws::Params& params = {}, const std::string& version = "2010-05-08");
  // JSON 1.1 (OpsWorks): POST / with X-Amz-Target: OpsWorks_20130218.<op>.
  http::Response json(const std::string& op, const nlohmann::json& body = nlohmann::json::object());
  // REST (S3): any method and path (percent-encoded), query and body, extra headers.
  http::Response rest(const std::string& method, const std::string& path,
                      const std::string& query = "", const std::string& body = "",
                      const aws::Headers& headers = {}, const std::string& service = "s3");
  // Sends `request` after signing it for `service` (headers get Host, X-Amz-Date, ...).
  http::Response send(http::Request request, const std::string& service);

  void set_credentials(aws::Credentials creds) { creds_ = std::move(creds); }

 private:
  mocks::Edge& edge_;
  aws::Credentials creds_;
  std::string region_;
};

// The error code of an XML (query, EC2, S3) or JSON error body; "" when the body has none.
std::string error_code(const http::Response& response);
// Text of the first element at an XPath such as "//User/UserName" ("" when absent).
std::string xml_text(const http::Response& response, const std::string& xpath);

}  // namespace opsreg::testing
