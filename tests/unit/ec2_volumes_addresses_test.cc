// The fake EC2's DescribeVolumes and DescribeAddresses: the world's EBS volumes with their
// attachments, its Elastic IPs, their filters and EC2's errors.
#include "mocks/ec2/filters.h"
#include "tests/unit/ec2_fixture.h"

namespace opsreg::testing {
namespace {

class Ec2Volumes : public Ec2Test {};
class Ec2Addresses : public Ec2Test {};

TEST_F(Ec2Volumes, ListsEveryAttachedVolumeWithItsAttachment) {
  call("DescribeVolumes");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(texts("//volumeSet/item/volumeId"),
            (std::vector<std::string>{"vol-0a1b2c3d4e5f60021", "vol-0a1b2c3d4e5f60023",
                                      "vol-0a1b2c3d4e5f60024"}));
  EXPECT_EQ(texts("//volumeSet/item/status")[0], "in-use");
  EXPECT_EQ(texts("//volumeSet/item/size")[0], "20");
  EXPECT_EQ(texts("//volumeSet/item/attachmentSet/item/instanceId")[0], "i-0a1b2c3d4e5f60021");
  EXPECT_EQ(texts("//volumeSet/item/attachmentSet/item/device")[0], "/dev/xvdf");
  EXPECT_EQ(texts("//volumeSet/item/attachmentSet/item/status")[0], "attached");
}

TEST_F(Ec2Volumes, AttachmentFiltersFindAnInstancesVolumes) {
  call("DescribeVolumes",
       {{"Filter.1.Name", "attachment.instance-id"}, {"Filter.1.Value.1", "i-0a1b2c3d4e5f60023"}});
  EXPECT_EQ(texts("//volumeSet/item/volumeId"),
            (std::vector<std::string>{"vol-0a1b2c3d4e5f60023", "vol-0a1b2c3d4e5f60024"}));
  call("DescribeVolumes", {{"Filter.1.Name", "attachment.instance-id"},
                           {"Filter.1.Value.1", "i-0a1b2c3d4e5f60023"},
                           {"Filter.2.Name", "attachment.device"},
                           {"Filter.2.Value.1", "/dev/xvdh"}});
  EXPECT_EQ(texts("//volumeSet/item/volumeId"), std::vector<std::string>{"vol-0a1b2c3d4e5f60024"});
}

TEST_F(Ec2Volumes, ByIdAndVolumeIdFilter) {
  call("DescribeVolumes", {{"VolumeId.1", "vol-0a1b2c3d4e5f60023"}});
  EXPECT_EQ(texts("//volumeSet/item/volumeId"), std::vector<std::string>{"vol-0a1b2c3d4e5f60023"});
  call("DescribeVolumes", {{"Filter.1.Name", "volume-id"}, {"Filter.1.Value.1", "vol-*21"}});
  EXPECT_EQ(texts("//volumeSet/item/volumeId"), std::vector<std::string>{"vol-0a1b2c3d4e5f60021"});
}

TEST_F(Ec2Volumes, UnknownVolumeIsInvalidVolumeNotFound) {
  call("DescribeVolumes", {{"VolumeId.1", "vol-0123456789abcdef0"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidVolume.NotFound");
  EXPECT_EQ(text("//Error/Message"), "The volume 'vol-0123456789abcdef0' does not exist.");
}

TEST_F(Ec2Volumes, MalformedVolumeIdIsInvalidVolumeIdMalformed) {
  call("DescribeVolumes", {{"VolumeId.1", "vol-xyz"}});
  EXPECT_EQ(error_code(last), "InvalidVolumeID.Malformed");
  EXPECT_EQ(text("//Error/Message"), "Invalid id: \"vol-xyz\" (expecting \"vol-...\")");
}

TEST_F(Ec2Volumes, MaxResultsWithVolumeIdsIsInvalidParameterCombination) {
  call("DescribeVolumes", {{"VolumeId.1", "vol-0a1b2c3d4e5f60023"}, {"MaxResults", "5"}});
  EXPECT_EQ(error_code(last), "InvalidParameterCombination");
  EXPECT_EQ(text("//Error/Message"),
            "The parameter volumeSet cannot be used with the parameter maxResults");
}

TEST_F(Ec2Volumes, UnknownFilterIsInvalidParameterValue) {
  call("DescribeVolumes", {{"Filter.1.Name", "mount-point"}, {"Filter.1.Value.1", "/var/www"}});
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  EXPECT_EQ(text("//Error/Message"), "The filter 'mount-point' is invalid");
}

TEST_F(Ec2Addresses, ListsTheElasticIpsWithTheirInstanceAndDomain) {
  call("DescribeAddresses");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_NE(last.body.find("<DescribeAddressesResponse "), std::string::npos);
  EXPECT_EQ(texts("//addressesSet/item/publicIp"), std::vector<std::string>{"54.210.0.121"});
  EXPECT_EQ(text("//addressesSet/item/allocationId"), "eipalloc-0a1b2c3d4e5f60021");
  EXPECT_EQ(text("//addressesSet/item/domain"), "vpc");
  EXPECT_EQ(text("//addressesSet/item/instanceId"), "i-0a1b2c3d4e5f60021");
  EXPECT_EQ(text("//addressesSet/item/privateIpAddress"), "10.0.1.21");
}

TEST_F(Ec2Addresses, FiltersByInstanceAndPublicIp) {
  call("DescribeAddresses",
       {{"Filter.1.Name", "instance-id"}, {"Filter.1.Value.1", "i-0a1b2c3d4e5f60023"}});
  EXPECT_TRUE(texts("//addressesSet/item/publicIp").empty());
  call("DescribeAddresses", {{"Filter.1.Name", "public-ip"}, {"Filter.1.Value.1", "54.210.0.121"}});
  EXPECT_EQ(texts("//addressesSet/item/publicIp"), std::vector<std::string>{"54.210.0.121"});
  call("DescribeAddresses", {{"PublicIp.1", "54.210.0.121"}});
  EXPECT_EQ(texts("//addressesSet/item/publicIp"), std::vector<std::string>{"54.210.0.121"});
  call("DescribeAddresses", {{"AllocationId.1", "eipalloc-0a1b2c3d4e5f60021"}});
  EXPECT_EQ(texts("//addressesSet/item/publicIp"), std::vector<std::string>{"54.210.0.121"});
}

TEST_F(Ec2Addresses, UnknownAddressIsInvalidAddressNotFound) {
  call("DescribeAddresses", {{"PublicIp.1", "198.51.100.7"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidAddress.NotFound");
  EXPECT_EQ(text("//Error/Message"), "Address '198.51.100.7' not found.");
  call("DescribeAddresses", {{"AllocationId.1", "eipalloc-0123456789abcdef0"}});
  EXPECT_EQ(error_code(last), "InvalidAllocationID.NotFound");
}

TEST_F(Ec2Addresses, PublicIpThatIsNotAnAddressIsInvalidParameterValue) {
  call("DescribeAddresses", {{"PublicIp.1", "eipalloc-0a1b2c3d"}});
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  EXPECT_EQ(text("//Error/Message"),
            "Invalid value 'eipalloc-0a1b2c3d' for PublicIp. Not a valid IPv4 address");
}

TEST(Ec2Filters, WildcardsMatchAsEc2Documents) {
  using mocks::ec2::wildcard_match;
  EXPECT_TRUE(wildcard_match("web", "web"));
  EXPECT_FALSE(wildcard_match("web", "Web"));
  EXPECT_TRUE(wildcard_match("w*", "web"));
  EXPECT_TRUE(wildcard_match("*", ""));
  EXPECT_TRUE(wildcard_match("w?b", "wob"));
  EXPECT_FALSE(wildcard_match("w?b", "wb"));
  EXPECT_TRUE(wildcard_match("*b*", "abc"));
  EXPECT_TRUE(wildcard_match("\\*amazon\\?\\\\", "*amazon?\\"));
  EXPECT_FALSE(wildcard_match("\\*x", "ax"));
}

}  // namespace
}  // namespace opsreg::testing
