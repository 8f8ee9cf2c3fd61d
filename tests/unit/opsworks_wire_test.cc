// The JSON 1.1 wire of the OpsWorks fake: target dispatch, body parsing, member types and the
// error envelope.
#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksWire = OpsWorksTest;

TEST_F(OpsWorksWire, ResponsesAreAmzJson11) {
  call("DescribeStacks");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(last.header("Content-Type"), "application/x-amz-json-1.1");
}

TEST_F(OpsWorksWire, UnknownTargetIsUnknownOperationException) {
  call("DescribeUnicorns");
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "UnknownOperationException");
  EXPECT_EQ(last.header("Content-Type"), "application/x-amz-json-1.1");
}

TEST_F(OpsWorksWire, WrongTargetPrefixIsUnknownOperationException) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers = {{"Content-Type", "application/x-amz-json-1.1"},
               {"X-Amz-Target", "OpsWorks_20990101.DescribeStacks"}};
  r.body = "{}";
  http::Response resp = client.send(r, "opsworks");
  EXPECT_EQ(resp.status, 400);
  EXPECT_EQ(error_code(resp), "UnknownOperationException");
}

TEST_F(OpsWorksWire, MalformedJsonIsSerializationException) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers = {{"Content-Type", "application/x-amz-json-1.1"},
               {"X-Amz-Target", "OpsWorks_20130218.DescribeStacks"}};
  r.body = "{\"StackIds\": [";
  http::Response resp = client.send(r, "opsworks");
  EXPECT_EQ(resp.status, 400);
  EXPECT_EQ(error_code(resp), "SerializationException");
}

TEST_F(OpsWorksWire, NonObjectBodyIsSerializationException) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers = {{"X-Amz-Target", "OpsWorks_20130218.DescribeStacks"}};
  r.body = "[]";
  http::Response resp = client.send(r, "opsworks");
  EXPECT_EQ(resp.status, 400);
  EXPECT_EQ(error_code(resp), "SerializationException");
}

TEST_F(OpsWorksWire, MemberOfTheWrongTypeIsSerializationException) {
  call("DescribeStacks", {{"StackIds", kStackId}});  // a string, not a list
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "SerializationException");
}

TEST_F(OpsWorksWire, MissingRequiredMemberIsValidationException) {
  call("DescribeStackProvisioningParameters");
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(),
            "1 validation error detected: Value null at 'stackId' failed to satisfy "
            "constraint: Member must not be null");
}

TEST_F(OpsWorksWire, ErrorsCarryTheErrorTypeHeader) {
  call("DescribeStacks", {{"StackIds", {"nope"}}});
  bool found = false;
  for (const auto& [k, v] : last.headers)
    if (k == "x-amzn-ErrorType" && v == "ResourceNotFoundException") found = true;
  EXPECT_TRUE(found) << last.body;
}

}  // namespace
}  // namespace opsreg::testing
