// Test support: an instance metadata service scripted on a ScriptedAws transport, answering
// as IMDSv2 does (AWS's "Use IMDSv2" page): PUT /latest/api/token needs
// X-aws-ec2-metadata-token-ttl-seconds (else 400); GETs need X-aws-ec2-metadata-token
// (else 401); unknown paths are 404.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "tests/support/scripted_aws.h"

namespace opsreg::testing {

// A document in the shape AWS serves (keys sorted as IMDS prints them, pretty-printed).
inline std::string identity_document_json(const std::string& instance_id, const std::string& region,
                                          const std::string& private_ip) {
  return "{\n"
         "  \"accountId\" : \"123456789012\",\n"
         "  \"architecture\" : \"x86_64\",\n"
         "  \"availabilityZone\" : \"" +
         region +
         "a\",\n"
         "  \"billingProducts\" : null,\n"
         "  \"devpayProductCodes\" : null,\n"
         "  \"marketplaceProductCodes\" : null,\n"
         "  \"imageId\" : \"ami-5fb8c835\",\n"
         "  \"instanceId\" : \"" +
         instance_id +
         "\",\n"
         "  \"instanceType\" : \"t2.micro\",\n"
         "  \"kernelId\" : null,\n"
         "  \"pendingTime\" : \"2016-11-19T16:32:11Z\",\n"
         "  \"privateIp\" : \"" +
         private_ip +
         "\",\n"
         "  \"ramdiskId\" : null,\n"
         "  \"region\" : \"" +
         region +
         "\",\n"
         "  \"version\" : \"2017-09-30\"\n"
         "}";
}

// Serves `paths` ("meta-data/local-ipv4" → body) under /latest/ with IMDSv2 token rules.
// `token` is what PUT /latest/api/token hands out.
inline void script_imds(
    ScriptedAws& t, std::map<std::string, std::string> paths,
    std::string token = "AQAEAFTNrA4eEGx0AQgJ1arIq_Cc-t4tWt3fB0Hd8RKhXlKc5ccvhg==") {
  t.unscripted_status = 404;
  t.on("PUT /latest/api/token", [token](const http::Request& r) {
    if (r.header("X-aws-ec2-metadata-token-ttl-seconds").empty())
      return Result<http::Response>(http::Response{400, {}, ""});
    return Result<http::Response>(
        http::Response{200,
                       {{"X-aws-ec2-metadata-token-ttl-seconds",
                         std::string(r.header("X-aws-ec2-metadata-token-ttl-seconds"))}},
                       token});
  });
  for (const auto& [path, body] : paths) {
    t.on("GET /latest/" + path, [token, body](const http::Request& r) {
      if (r.header("X-aws-ec2-metadata-token") != token)
        return Result<http::Response>(http::Response{401, {}, ""});
      return Result<http::Response>(http::Response{200, {}, body});
    });
  }
}

// The role credentials JSON IMDS serves for an instance profile role.
inline std::string role_credentials_json(const std::string& access_key_id,
                                         const std::string& secret, const std::string& token,
                                         const std::string& expiration) {
  return "{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"2026-11-26T17:00:00Z\",\n"
         "  \"Type\" : \"AWS-HMAC\",\n  \"AccessKeyId\" : \"" +
         access_key_id + "\",\n  \"SecretAccessKey\" : \"" + secret + "\",\n  \"Token\" : \"" +
         token + "\",\n  \"Expiration\" : \"" + expiration + "\"\n}";
}

}  // namespace opsreg::testing
