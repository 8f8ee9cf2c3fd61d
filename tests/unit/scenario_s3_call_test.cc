// S3 in the scenario call step: the load checks of operation and params ("$NAME" references
// deferred), and the loader naming a bad S3 step. The requests themselves: clients_s3_wire_test.
#include <gtest/gtest.h>

#include "scenarios/engine/s3_call.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;

std::string refusal(const std::string& op, const json& params) {
  Status s = check_s3_call(op, params);
  EXPECT_FALSE(s.ok());
  return s.ok() ? "" : s.error().message;
}

const json kInstaller = {{"Bucket", "opsworks-instance-agent-us-east-1"},
                         {"Key", "installer/opsworks-agent-installer.tgz"}};

TEST(ScenarioS3Call, AnOperationNotInTheTableIsRefusedListingTheSupportedOnes) {
  EXPECT_EQ(refusal("GetObjectAcl", kInstaller),
            "S3 operation GetObjectAcl is not supported by the scenario call step; supported: "
            "ListBuckets, CreateBucket, DeleteBucket, ListObjectsV2, ListObjects, HeadBucket, "
            "GetBucketLocation, PutObject, GetObject, HeadObject, DeleteObject, CopyObject, "
            "GetBucketPolicy, PutBucketPolicy, DeleteObjects, CreateMultipartUpload, UploadPart, "
            "CompleteMultipartUpload, AbortMultipartUpload");
}

TEST(ScenarioS3Call, UnknownMembersMissingMembersAndWrongTypesAreRefused) {
  EXPECT_EQ(refusal("DeleteBucket", {{"Bucket", "b"}, {"Key", "k"}}),
            "S3 DeleteBucket has no member 'Key' (its members: Bucket, ExpectedBucketOwner)");
  EXPECT_EQ(refusal("GetObject", {{"Bucket", "b"}}),
            "S3 GetObject needs Bucket, Key (missing Key)");
  EXPECT_EQ(refusal("CopyObject", {{"Bucket", "b"}, {"Key", "k"}}),
            "S3 CopyObject needs Bucket, Key, CopySource (missing CopySource)");
  EXPECT_EQ(refusal("PutObject", {{"Bucket", "b"}, {"Key", "k"}, {"Body", 7}}),
            "S3 PutObject Body must be a string, not 7");
  EXPECT_EQ(refusal("CopyObject", {{"Bucket", "b"}, {"Key", "k"}, {"CopySource", {{"Bucket", 1}}}}),
            "S3 CopyObject CopySource must be \"bucket/key\" or {\"Bucket\", \"Key\", "
            "\"VersionId\"}, not {\"Bucket\":1}");
  EXPECT_EQ(refusal("PutObject", {{"Bucket", "b"}, {"Key", "k"}, {"Metadata", {{"n", 1}}}}),
            "S3 PutObject Metadata must be an object of strings, not {\"n\":1}");
}

TEST(ScenarioS3Call, ReferencesPassTheLoadCheckButMustResolveToFittingValues) {
  EXPECT_TRUE(
      check_s3_call("PutObject", {{"Bucket", "$made.Name"}, {"Key", "k"}, {"Metadata", "$meta"}})
          .ok());
  EXPECT_EQ(refusal("PutObject", {{"Bucket", "b"}, {"Key", "k"}, {"Metadata", 3}}),
            "S3 PutObject Metadata must be an object of strings, not 3");
}

TEST(ScenarioS3Call, TheLoaderChecksTheOperationInsteadOfRefusingS3) {
  json j = json::parse(R"({"name": "s", "proves": "p.", "steps": [
      {"call": {"service": "s3", "operation": "HeadObject",
                "params": {"Bucket": "b", "Key": "k"}}},
      {"expect": {"exit": 1, "error_code": "404"}}]})");
  auto ok = parse_scenario(j, "lib/x.json");
  EXPECT_TRUE(ok.ok()) << ok.error().message;
  j["steps"][0]["call"]["operation"] = "SelectObjectContent";
  auto bad = parse_scenario(j, "lib/x.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.error().message.starts_with(
      "lib/x.json: step 1 (call): S3 operation SelectObjectContent is not supported by the "
      "scenario call step; supported: ListBuckets, "))
      << bad.error().message;
  j["steps"][0]["call"] = {
      {"service", "s3"}, {"operation", "GetObject"}, {"params", {{"Bucket", "b"}}}};
  bad = parse_scenario(j, "lib/x.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "lib/x.json: step 1 (call): S3 GetObject needs Bucket, Key (missing Key)");
}

}  // namespace
}  // namespace opsreg::scenarios
