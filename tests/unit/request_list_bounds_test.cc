// Bounds on the lists one request may carry: OpsWorks' id lists (at most 1000 members, a
// ValidationException beyond), EC2's id lists (1000, InvalidParameterValue) and filters
// (50 filters of 200 values each, FilterLimitExceeded), so no request builds a huge answer.
#include "tests/unit/ec2_fixture.h"
#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksListBounds = OpsWorksTest;
using Ec2ListBounds = Ec2Test;

TEST_F(OpsWorksListBounds, DescribeStacksTakesAThousandIds) {
  auto j = call("DescribeStacks", {{"StackIds", std::vector<std::string>(1000, kStackId)}});
  ASSERT_EQ(last.status, 200) << last.body.substr(0, 300);
  EXPECT_EQ(j["Stacks"][0]["StackId"], kStackId);
}

TEST_F(OpsWorksListBounds, DescribeStacksWithMoreIdsIsValidationException) {
  for (size_t n : {1001u, 100000u}) {
    call("DescribeStacks", {{"StackIds", std::vector<std::string>(n, kStackId)}});
    EXPECT_EQ(last.status, 400) << n;
    EXPECT_EQ(error_code(last), "ValidationException") << n;
    EXPECT_EQ(message(),
              "1 validation error detected: Value at 'stackIds' failed to satisfy constraint: "
              "Member must have length less than or equal to 1000");
    EXPECT_LT(last.body.size(), 1000u);
  }
}

TEST_F(OpsWorksListBounds, EveryIdListIsBounded) {
  std::vector<std::string> many(1001, "x");
  call("DescribeInstances", {{"InstanceIds", many}});
  EXPECT_EQ(error_code(last), "ValidationException");
  call("DescribeVolumes", {{"VolumeIds", many}});
  EXPECT_EQ(error_code(last), "ValidationException");
  call("DescribeLayers", {{"LayerIds", many}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

// `count` EC2 list members prefix.1 … prefix.count, all `value`.
aws::Params repeated(const std::string& prefix, size_t count, const std::string& value) {
  aws::Params p;
  for (size_t i = 1; i <= count; ++i) p.emplace_back(prefix + "." + std::to_string(i), value);
  return p;
}

TEST_F(Ec2ListBounds, DescribeInstancesWithMoreThanAThousandIdsIsInvalidParameterValue) {
  call("DescribeInstances", repeated("InstanceId", 1001, "i-0a1b2c3d4e5f60023"));
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  call("DescribeVolumes", repeated("VolumeId", 1001, "vol-0123456789abcdef0"));
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  call("DescribeAddresses", repeated("PublicIp", 1001, "203.0.113.5"));
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  call("DescribeInstances", repeated("InstanceId", 1000, "i-0a1b2c3d4e5f60023"));
  EXPECT_EQ(last.status, 200) << last.body.substr(0, 300);
}

TEST_F(Ec2ListBounds, TooManyFilterValuesIsFilterLimitExceeded) {
  aws::Params p = repeated("Filter.1.Value", 201, "running");
  p.emplace_back("Filter.1.Name", "instance-state-name");
  call("DescribeInstances", p);
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "FilterLimitExceeded");
  p.pop_back();
  p.pop_back();
  p.emplace_back("Filter.1.Name", "instance-state-name");
  call("DescribeInstances", p);
  EXPECT_EQ(last.status, 200) << last.body.substr(0, 300);
}

TEST_F(Ec2ListBounds, TooManyFiltersIsFilterLimitExceeded) {
  aws::Params p;
  for (int n = 1; n <= 51; ++n) {
    p.emplace_back("Filter." + std::to_string(n) + ".Name", "instance-state-name");
    p.emplace_back("Filter." + std::to_string(n) + ".Value.1", "running");
  }
  call("DescribeVolumes", p);
  EXPECT_EQ(error_code(last), "FilterLimitExceeded");
}

}  // namespace
}  // namespace opsreg::testing
