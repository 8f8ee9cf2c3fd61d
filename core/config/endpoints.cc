// The service table and AWS's default endpoints, as botocore resolves them.
#include "core/config/endpoints.h"

namespace opsreg::config {

namespace {
constexpr ServiceInfo kServices[] = {
    {"iam", "IAM", "iam", true},  {"opsworks", "OPSWORKS", "opsworks", false},
    {"s3", "S3", "s3", false},    {"sts", "STS", "sts", false},
    {"ec2", "EC2", "ec2", false},
};

std::string dns_suffix(std::string_view region) {
  return region.starts_with("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}
}  // namespace

const ServiceInfo& service_info(Service service) { return kServices[static_cast<int>(service)]; }

bool service_from_id(std::string_view id, Service* out) {
  for (int i = 0; i < static_cast<int>(std::size(kServices)); ++i) {
    if (kServices[i].id == id) {
      *out = static_cast<Service>(i);
      return true;
    }
  }
  return false;
}

Endpoint default_endpoint(Service service, std::string_view region) {
  const std::string r(region);
  const std::string suffix = dns_suffix(region);
  Endpoint e;
  e.source = "default";
  switch (service) {
    case Service::kIam:
      // IAM is global: one endpoint per partition, signed in its home region.
      if (region.starts_with("cn-")) {
        e.url = "https://iam.cn-north-1.amazonaws.com.cn";
        e.signing_region = "cn-north-1";
      } else if (region.starts_with("us-gov-")) {
        e.url = "https://iam.us-gov.amazonaws.com";
        e.signing_region = "us-gov-west-1";
      } else {
        e.url = "https://iam.amazonaws.com";
        e.signing_region = "us-east-1";
      }
      return e;
    case Service::kSts:
      // Regional endpoints by default; without a region, the global endpoint.
      if (region.empty()) {
        e.url = "https://sts.amazonaws.com";
        e.signing_region = "us-east-1";
      } else {
        e.url = "https://sts." + r + "." + suffix;
        e.signing_region = r;
      }
      return e;
    case Service::kS3:
      // us-east-1 (and no region) use the legacy global host, as botocore does.
      if (region.empty() || region == "us-east-1") {
        e.url = "https://s3.amazonaws.com";
        e.signing_region = "us-east-1";
      } else {
        e.url = "https://s3." + r + "." + suffix;
        e.signing_region = r;
      }
      return e;
    case Service::kOpsWorks:
    case Service::kEc2:
      e.url = "https://" + std::string(service_info(service).id) + "." + r + "." + suffix;
      e.signing_region = r;
      return e;
  }
  return e;
}

}  // namespace opsreg::config
