// A typed EC2 client (the EC2 query protocol, API version 2016-11-15): DescribeInstances, as
// the register procedure uses it to find the instance TARGET names (docs/register.md, step 3).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clients/aws_client.h"
#include "core/util/result.h"

namespace opsreg::clients {

// One instance of a DescribeInstances reservation; absent members are "".
struct Ec2Instance {
  std::string instance_id;
  std::string reservation_id;
  std::string image_id;
  std::string instance_type;
  std::string state;  // instanceState/name: "pending", "running", "stopped", ...
  std::string availability_zone;
  std::string vpc_id;      // "" for an EC2-Classic instance (no VPC)
  std::string subnet_id;   //
  std::string private_ip;  // privateIpAddress
  std::string public_ip;   // ipAddress
  std::string private_dns_name;
  std::string public_dns_name;  // dnsName
  std::map<std::string, std::string> tags;

  // The Name tag, or "".
  std::string name() const;
};

// A DescribeInstances filter: Name ("vpc-id", "tag:Name", ...) and the values any of which
// matches.
struct Ec2Filter {
  std::string name;
  std::vector<std::string> values;
};

struct DescribeEc2InstancesRequest {
  std::vector<std::string> instance_ids;  // InstanceId.N
  std::vector<Ec2Filter> filters;         // Filter.N.Name / Filter.N.Value.M
  int max_results = 0;                    // MaxResults per page; 0: the service's default
};

class Ec2Client {
 public:
  static constexpr const char* kApiVersion = "2016-11-15";
  explicit Ec2Client(AwsClient client) : client_(std::move(client)) {}

  // Every instance of every reservation, following NextToken across pages, in the order the
  // service returned them. Errors are EC2's (<Response><Errors><Error>): e.g.
  // InvalidInstanceID.NotFound / InvalidInstanceID.Malformed, UnauthorizedOperation.
  Result<std::vector<Ec2Instance>> describe_instances(const DescribeEc2InstancesRequest& request);

  AwsClient& raw() { return client_; }

 private:
  AwsClient client_;
};

// The query parameters of one DescribeInstances page (exposed for tests).
aws::Params describe_instances_params(const DescribeEc2InstancesRequest& request,
                                      const std::string& next_token);

// Reads one DescribeInstances response page: its instances, and its nextToken ("" at the end).
Result<std::vector<Ec2Instance>> parse_describe_instances(const std::string& body,
                                                          std::string* next_token);

}  // namespace opsreg::clients
