// The services the register procedure talks to, and their default AWS endpoints: what the
// AWS CLI uses when nothing is configured (iam is global, signed in us-east-1; the others
// are regional; S3 path-style).
#pragma once

#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg::config {

enum class Service { kIam, kOpsWorks, kS3, kSts, kEc2 };

struct ServiceInfo {
  std::string_view id;            // client name / config key: "iam", "opsworks", ...
  std::string_view env_suffix;    // AWS_ENDPOINT_URL_<suffix>: "IAM", "OPSWORKS", ...
  std::string_view signing_name;  // SigV4 service: "iam", "opsworks", "s3", "sts", "ec2"
  bool global;                    // needs no region (iam)
};

const ServiceInfo& service_info(Service service);
// "iam" → kIam; false when unknown.
bool service_from_id(std::string_view id, Service* out);

struct Endpoint {
  std::string url;             // "https://iam.amazonaws.com", "http://127.0.0.1:4566"
  std::string signing_region;  // region in the SigV4 credential scope
  // Where the URL came from: "flag", "env-service", "env-global", "config-service",
  // "config-global", "default".
  std::string source;
};

// The real AWS endpoint for `service` in `region` ("" allowed only for global services and
// sts, which then uses its global endpoint). Regions under cn-* use amazonaws.com.cn.
Endpoint default_endpoint(Service service, std::string_view region);

}  // namespace opsreg::config
