// SigV4 against botocore itself: a table of requests is signed by aws::sign_request and by
// botocore's SigV4Auth/S3SigV4Auth (tests/tools/botocore_sigv4.py, run with python3 at test
// time); the Authorization headers and presigned queries must be identical.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/aws/crypto.h"
#include "core/aws/sigv4.h"
#include "core/aws/uri.h"
#include "core/clock/time_format.h"

namespace opsreg::aws {
namespace {

const Credentials kCreds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
const char* kToken = "FQoGZXIvYXdzEXAMPLETOKEN//////////wEaDA==";

struct SignCase {
  std::string name;
  std::string service;
  std::string method;
  std::string path;        // as sent
  std::string query = "";  // as sent
  Headers headers = {};    // besides Host
  std::string body = "";
  bool presign = false;
  bool with_token = false;
};

std::string host_for(const std::string& service) {
  return service == "s3" ? "localhost:4566" : service + ".amazonaws.com";
}

std::vector<SignCase> cases() {
  const Headers form = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  const Headers json = {{"Content-Type", "application/x-amz-json-1.1"},
                        {"X-Amz-Target", "OpsWorks_20130218.DescribeStacks"}};
  return {
      {"IamPostForm", "iam", "POST", "/", "", form, "Action=ListUsers&Version=2010-05-08"},
      {"IamGetQuery", "iam", "GET", "/", "Action=GetUser&UserName=al%20ice&Version=2010-05-08"},
      {"StsPostWithSessionToken", "sts", "POST", "/", "", form,
       "Action=GetCallerIdentity&Version=2011-06-15", false, true},
      {"OpsworksJsonUtf8Body", "opsworks", "POST", "/", "", json,
       "{\"Hostname\":\"h\xC3\xB4st-\xE5\x90\x8D\xE5\x89\x8D\"}"},
      {"OpsworksEmptyJsonBody", "opsworks", "POST", "/", "", json, ""},
      {"IamPathWithSpaceAndEncodedSlash", "iam", "GET", "/a%20b/c%2Fd", ""},
      {"S3PathWithSpaceAndEncodedSlash", "s3", "GET", "/bucket/a%20b/c%2Fd", ""},
      {"S3KeyWithPercentInName", "s3", "GET", "/bucket/a%20b/c%252Fd", ""},
      {"IamDotSegmentsAndDoubleSlashNormalised", "iam", "GET", "/./x/../y//z", ""},
      {"S3DotSegmentsKeptAsSent", "s3", "GET", "/bucket/./x/../y//z", ""},
      {"IamTildePath", "iam", "GET", "/~user", ""},
      {"S3TildePath", "s3", "GET", "/bucket/~user", ""},
      {"IamUtf8Path", "iam", "GET", "/%E2%82%AC/caf%C3%A9", ""},
      {"S3Utf8Path", "s3", "GET", "/bucket/%E2%82%AC/caf%C3%A9", ""},
      {"IamTrailingSlashKept", "iam", "GET", "/a/b/", ""},
      {"RepeatedQueryKeysSortByValue", "iam", "GET", "/", "b=2&a=3&a=1&a=2"},
      {"QueryValuesNeedingEncoding", "s3", "GET", "/bucket",
       "prefix=a%2Fb%20c&marker=x%2By%3D%26z&delimiter=%2F&k%C3%A9y=%E2%82%AC"},
      {"QueryKeysWithoutValues", "s3", "GET", "/bucket", "acl="},
      {"S3ListUploads", "s3", "GET", "/bucket", "uploads=&max-uploads=3"},
      {"S3PutWithBody",
       "s3",
       "PUT",
       "/bucket/key.txt",
       "",
       {{"Content-Type", "text/plain"}, {"Content-MD5", "XUFAKrxLKna5cZ2REBfFkg=="}},
       "hello"},
      {"S3PutUtf8Body", "s3", "PUT", "/bucket/k", "", {}, "caf\xC3\xA9 \xE2\x82\xAC"},
      {"S3PutEmptyBody", "s3", "PUT", "/bucket", "", {}, ""},
      {"S3WithSessionToken", "s3", "GET", "/bucket/key", "", {}, "", false, true},
      {"HeaderValueSpaceRunsCollapse",
       "iam",
       "POST",
       "/",
       "",
       {{"Content-Type", "application/x-www-form-urlencoded"},
        {"X-Custom", "  a   b \t c  "},
        {"x-amz-meta-mixed", "One  Two"}},
       "Action=ListUsers&Version=2010-05-08"},
      {"RepeatedHeaderNamesJoinWithComma",
       "s3",
       "GET",
       "/bucket/key",
       "",
       {{"X-Amz-Meta-Tag", "a"}, {"x-amz-meta-tag", "b  c"}}},
      {"UnsignableHeadersLeftOut",
       "opsworks",
       "POST",
       "/",
       "",
       {{"Content-Type", "application/x-amz-json-1.1"},
        {"X-Amz-Target", "OpsWorks_20130218.DescribeStacks"},
        {"User-Agent", "aws-cli/2"},
        {"Connection", "keep-alive"},
        {"Expect", "100-continue"},
        {"X-Amzn-Trace-Id", "Root=1"}},
       "{}"},
      {"PresignS3Get", "s3", "GET", "/bucket/agent%20installer.tgz", "", {}, "", true},
      {"PresignS3WithQueryAndToken", "s3", "GET", "/bucket/key", "versionId=3", {}, "", true, true},
      {"PresignSts",
       "sts",
       "GET",
       "/",
       "Action=GetCallerIdentity&Version=2011-06-15",
       {},
       "",
       true},
  };
}

TimePoint fixed_now() { return *parse_iso8601("2026-01-01T00:00:00Z"); }

SignableRequest to_request(const SignCase& c) {
  SignableRequest req{c.method, c.path, c.query, {{"Host", host_for(c.service)}}, c.body};
  for (const auto& h : c.headers) req.headers.push_back(h);
  return req;
}

Credentials creds_for(const SignCase& c) {
  Credentials creds = kCreds;
  if (c.with_token) creds.session_token = kToken;
  return creds;
}

// Runs the botocore script on the table; returns name -> Authorization or presigned query.
std::map<std::string, std::string> botocore_sign(const std::vector<SignCase>& table) {
  nlohmann::json spec = {{"now", format_amz_date(fixed_now())},
                         {"access_key", kCreds.access_key_id},
                         {"secret_key", kCreds.secret_access_key},
                         {"cases", nlohmann::json::array()}};
  for (const SignCase& c : table) {
    nlohmann::json headers = nlohmann::json::array();
    headers.push_back({"Host", host_for(c.service)});
    for (const auto& [k, v] : c.headers) headers.push_back({k, v});
    spec["cases"].push_back({{"name", c.name},
                             {"kind", c.presign ? "presign" : "header"},
                             {"method", c.method},
                             {"host", host_for(c.service)},
                             {"path", c.path},
                             {"query", c.query},
                             {"headers", headers},
                             {"body_b64", base64_encode(c.body)},
                             {"service", c.service},
                             {"region", "us-east-1"},
                             {"expires", 900},
                             {"token", c.with_token ? kToken : ""}});
  }
  char path[] = "/tmp/opsreg-sigv4-XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << spec.dump();
  std::string cmd = std::string("python3 ") + OPSREG_SOURCE_DIR +
                    "/tests/tools/botocore_sigv4.py " + path + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (pipe && !feof(pipe)) {
    size_t n = fread(buf, 1, sizeof buf, pipe);
    out.append(buf, n);
  }
  int status = pipe ? pclose(pipe) : -1;
  unlink(path);
  EXPECT_EQ(status, 0) << out;
  std::map<std::string, std::string> result;
  nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
  if (parsed.is_discarded()) {
    ADD_FAILURE() << "botocore script output is not JSON: " << out;
    return result;
  }
  for (const auto& r : parsed["results"])
    result[r["name"]] = r.contains("query") ? r["query"] : r["authorization"];
  return result;
}

// Sorted decoded parameters of a query string.
Params sorted_params(std::string_view query) {
  Params p = parse_query(query);
  std::sort(p.begin(), p.end());
  return p;
}

class SigV4Botocore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { botocore_ = new auto(botocore_sign(cases())); }
  static void TearDownTestSuite() { delete botocore_; }
  static std::map<std::string, std::string>* botocore_;
};
std::map<std::string, std::string>* SigV4Botocore::botocore_ = nullptr;

TEST_F(SigV4Botocore, AuthorizationHeaderMatchesBotocoreOnEveryCase) {
  for (const SignCase& c : cases()) {
    if (c.presign) continue;
    SignableRequest req = to_request(c);
    sign_request(req, creds_for(c), "us-east-1", c.service, fixed_now());
    ASSERT_TRUE(botocore_->count(c.name)) << c.name;
    EXPECT_EQ(req.header("Authorization"), botocore_->at(c.name)) << c.name;
  }
}

TEST_F(SigV4Botocore, PresignedQueryMatchesBotocoreOnEveryCase) {
  for (const SignCase& c : cases()) {
    if (!c.presign) continue;
    std::string ours =
        presign_query(to_request(c), creds_for(c), "us-east-1", c.service, fixed_now(), 900);
    ASSERT_TRUE(botocore_->count(c.name)) << c.name;
    EXPECT_EQ(sorted_params(ours), sorted_params(botocore_->at(c.name))) << c.name;
  }
}

TEST_F(SigV4Botocore, BotocoreSignaturesVerify) {
  for (const SignCase& c : cases()) {
    SignableRequest req = to_request(c);
    if (c.presign) {
      req.query = botocore_->at(c.name);
    } else {
      sign_request(req, creds_for(c), "us-east-1", c.service, fixed_now());
      std::erase_if(req.headers, [](const auto& h) { return iequals(h.first, "Authorization"); });
      req.headers.emplace_back("Authorization", botocore_->at(c.name));
    }
    SignatureClaim claim;
    std::string why;
    ASSERT_EQ(parse_claim(req, &claim, &why), ClaimProblem::kNone) << c.name << ": " << why;
    EXPECT_EQ(claim.presigned, c.presign) << c.name;
    EXPECT_EQ(claim.access_key_id, kCreds.access_key_id);
    EXPECT_EQ(claim.service, c.service);
    EXPECT_EQ(expected_signature(req, claim, kCreds.secret_access_key), claim.signature) << c.name;
  }
}

}  // namespace
}  // namespace opsreg::aws
