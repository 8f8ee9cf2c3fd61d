// Test support: EC2 DescribeInstances responses as the service sends them (the shape of the
// EC2 API reference's example: reservationSet/instancesSet items with instanceState,
// placement, vpcId, privateIpAddress, ipAddress, tagSet and a networkInterfaceSet).
#pragma once

#include <string>
#include <vector>

namespace opsreg::testing {

struct WireInstance {
  std::string instance_id{};
  std::string private_ip{};  // "" leaves the element out
  std::string public_ip{};   // "" leaves ipAddress out (no public address)
  std::string vpc_id{};      // "" leaves vpcId out (EC2-Classic)
  std::string name{};        // the Name tag; "" leaves the tagSet empty
  std::string state = "running";
};

// One reservation per instance.
inline std::string describe_instances_xml(const std::vector<WireInstance>& instances,
                                          const std::string& next_token = "") {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n"
      "    <requestId>8f7724cf-496f-496e-8fe3-example</requestId>\n"
      "    <reservationSet>\n";
  int n = 0;
  for (const auto& i : instances) {
    std::string opt_vpc = i.vpc_id.empty() ? "" : "<vpcId>" + i.vpc_id + "</vpcId>";
    std::string opt_private =
        i.private_ip.empty() ? "" : "<privateIpAddress>" + i.private_ip + "</privateIpAddress>";
    x += "        <item>\n"
         "            <reservationId>r-0" +
         std::to_string(1000 + n++) +
         "abcdef0</reservationId>\n"
         "            <ownerId>123456789012</ownerId>\n"
         "            <groupSet/>\n"
         "            <instancesSet>\n"
         "                <item>\n"
         "                    <instanceId>" +
         i.instance_id +
         "</instanceId>\n"
         "                    <imageId>ami-bff32ccc</imageId>\n"
         "                    <instanceState><code>16</code><name>" +
         i.state +
         "</name></instanceState>\n"
         "                    <privateDnsName>ip-192-168-1-88.eu-west-1.compute.internal"
         "</privateDnsName>\n"
         "                    <dnsName/>\n"
         "                    <reason/>\n"
         "                    <keyName>my_keypair</keyName>\n"
         "                    <amiLaunchIndex>0</amiLaunchIndex>\n"
         "                    <productCodes/>\n"
         "                    <instanceType>t2.micro</instanceType>\n"
         "                    <launchTime>2018-05-08T16:46:19.000Z</launchTime>\n"
         "                    <placement><availabilityZone>us-east-1a</availabilityZone>"
         "<groupName/><tenancy>default</tenancy></placement>\n"
         "                    <monitoring><state>disabled</state></monitoring>\n"
         "                    <subnetId>subnet-56f5f633</subnetId>\n"
         "                    " +
         opt_vpc + "\n                    " + opt_private + "\n";
    if (!i.public_ip.empty())
      x += "                    <ipAddress>" + i.public_ip + "</ipAddress>\n";
    x += "                    <sourceDestCheck>true</sourceDestCheck>\n"
         "                    <architecture>x86_64</architecture>\n"
         "                    <rootDeviceType>ebs</rootDeviceType>\n"
         "                    <tagSet>";
    if (!i.name.empty()) x += "<item><key>Name</key><value>" + i.name + "</value></item>";
    x += "<item><key>team</key><value>ops</value></item></tagSet>\n"
         "                    <hypervisor>xen</hypervisor>\n"
         "                    <networkInterfaceSet>\n"
         "                        <item>\n"
         "                            <networkInterfaceId>eni-551ba033</networkInterfaceId>\n"
         "                            <privateIpAddress>172.31.99.99</privateIpAddress>\n"
         "                            <association><publicIp>198.51.100.99</publicIp>"
         "<ipOwnerId>amazon</ipOwnerId></association>\n"
         "                        </item>\n"
         "                    </networkInterfaceSet>\n"
         "                </item>\n"
         "            </instancesSet>\n"
         "        </item>\n";
  }
  x += "    </reservationSet>\n";
  if (!next_token.empty()) x += "    <nextToken>" + next_token + "</nextToken>\n";
  x += "</DescribeInstancesResponse>\n";
  return x;
}

}  // namespace opsreg::testing
