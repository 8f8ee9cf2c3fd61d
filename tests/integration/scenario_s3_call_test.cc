// S3 calls in a running scenario: signed through the world's edge, results saved with botocore's
// member names, S3's errors (NoSuchKey, AccessDenied, a bodiless HEAD's 404) as failed outcomes.
#include <gtest/gtest.h>

#include "scenarios/engine/runner.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;

ScenarioResult run(const json& steps) {
  json j = {{"name", "t"}, {"proves", "test"}, {"steps", steps}};
  auto s = parse_scenario(j, "test.json");
  EXPECT_TRUE(s.ok()) << s.error().message;
  if (!s.ok()) return {};
  return run_scenario(*s, {OPSREG_BINARY, 1});
}

json s3(const std::string& op, const json& params) {
  return {{"service", "s3"}, {"operation", op}, {"params", params}};
}

TEST(ScenarioS3CallRun, PutListGetHeadAndDeleteRoundTripWithBotocoresMembers) {
  const json object = {{"Bucket", "scratch-1"}, {"Key", "dir/a b.txt"}};
  json put = object;
  put["Body"] = "hello";
  put["ContentType"] = "text/plain";
  auto r =
      run({{{"call", s3("CreateBucket", {{"Bucket", "scratch-1"}})}, {"save_as", "made"}},
           {{"expect", {{"exit", 0}, {"result", {{"made.Location", "/scratch-1"}}}}}},
           {{"call", s3("PutObject", put)}, {"save_as", "put"}},
           {{"expect",
             {{"exit", 0}, {"result", {{"put.ETag", "\"5d41402abc4b2a76b9719d911017c592\""}}}}}},
           {{"call",
             s3("ListObjectsV2", {{"Bucket", "scratch-1"}, {"Prefix", "dir/"}, {"MaxKeys", 5}})},
            {"save_as", "list"}},
           {{"expect",
             {{"exit", 0},
              {"result",
               {{"list.Key", "dir/a b.txt"}, {"list.KeyCount", "1"}, {"list.MaxKeys", "5"}}}}}},
           {{"call", s3("GetObject", object)}, {"save_as", "got"}},
           {{"expect",
             {{"exit", 0},
              {"result",
               {{"got.Body", "hello"},
                {"got.ContentLength", 5},
                {"got.ContentType", "text/plain"},
                {"got.ETag", "\"5d41402abc4b2a76b9719d911017c592\""}}}}}},
           {{"call", s3("HeadObject", object)}, {"save_as", "head"}},
           {{"expect", {{"exit", 0}, {"result", {{"head.ContentLength", 5}}}}}},
           {{"call", s3("DeleteObject", object)}},
           {{"expect", {{"exit", 0}}}},
           {{"call", s3("HeadObject", object)}},
           {{"expect", {{"exit", 1}, {"error_code", "404"}, {"message", "Not Found"}}}},
           {{"call", s3("GetObject", object)}},
           {{"expect", {{"exit", 1}, {"error_code", "NoSuchKey"}}}},
           {{"call", s3("DeleteBucket", {{"Bucket", "scratch-1"}})}},
           {{"expect", {{"exit", 0}}}},
           {{"expect",
             {{"requests", {{"service", "s3"}, {"operation", "PutObject"}, {"count", 1}}}}}}});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioS3CallRun, AUserWithoutS3PermissionsIsAccessDenied) {
  auto r = run(
      {{{"call",
         {{"service", "iam"}, {"operation", "CreateUser"}, {"params", {{"UserName", "u"}}}}}},
       {{"call",
         {{"service", "iam"}, {"operation", "CreateAccessKey"}, {"params", {{"UserName", "u"}}}}},
        {"save_as", "key"}},
       {{"call", s3("ListBuckets", json::object())}, {"as", "$key"}},
       {{"expect", {{"exit", 1}, {"error_code", "AccessDenied"}}}}});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioS3CallRun, ParamsThatResolveToTheWrongTypeStopTheScenarioNamingTheStep) {
  auto r = run({{{"call", s3("ListBuckets", json::object())}, {"save_as", "all"}},
                {{"call", s3("GetObject", {{"Bucket", "$all.Name"}, {"Key", ""}})}}});
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.reason, "step 2 (call): S3 GetObject Key must not be empty");
}

}  // namespace
}  // namespace opsreg::scenarios
