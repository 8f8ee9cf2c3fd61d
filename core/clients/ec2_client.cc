// DescribeInstances over the EC2 query protocol: lists as InstanceId.N / Filter.N.Value.M,
// the XML reservationSet → instancesSet read with direct children only (a network
// interface's own privateIpAddress never shadows the instance's).
#include "core/clients/ec2_client.h"

#include "core/clients/xml_response.h"

namespace opsreg::clients {

std::string Ec2Instance::name() const {
  auto it = tags.find("Name");
  return it == tags.end() ? "" : it->second;
}

aws::Params describe_instances_params(const DescribeEc2InstancesRequest& request,
                                      const std::string& next_token) {
  aws::Params params;
  for (size_t i = 0; i < request.instance_ids.size(); ++i)
    params.emplace_back("InstanceId." + std::to_string(i + 1), request.instance_ids[i]);
  for (size_t f = 0; f < request.filters.size(); ++f) {
    std::string prefix = "Filter." + std::to_string(f + 1) + ".";
    params.emplace_back(prefix + "Name", request.filters[f].name);
    const auto& values = request.filters[f].values;
    for (size_t v = 0; v < values.size(); ++v)
      params.emplace_back(prefix + "Value." + std::to_string(v + 1), values[v]);
  }
  if (request.max_results > 0)
    params.emplace_back("MaxResults", std::to_string(request.max_results));
  if (!next_token.empty()) params.emplace_back("NextToken", next_token);
  return params;
}

namespace {

Ec2Instance read_instance(const pugi::xml_node& n, const std::string& reservation_id) {
  Ec2Instance i;
  i.instance_id = child_text(n, "instanceId");
  i.reservation_id = reservation_id;
  i.image_id = child_text(n, "imageId");
  i.instance_type = child_text(n, "instanceType");
  i.state = child_text(n.child("instanceState"), "name");
  i.availability_zone = child_text(n.child("placement"), "availabilityZone");
  i.vpc_id = child_text(n, "vpcId");
  i.subnet_id = child_text(n, "subnetId");
  i.private_ip = child_text(n, "privateIpAddress");
  i.public_ip = child_text(n, "ipAddress");
  i.private_dns_name = child_text(n, "privateDnsName");
  i.public_dns_name = child_text(n, "dnsName");
  for (pugi::xml_node t : n.child("tagSet").children("item"))
    i.tags[child_text(t, "key")] = child_text(t, "value");
  return i;
}

}  // namespace

Result<std::vector<Ec2Instance>> parse_describe_instances(const std::string& body,
                                                          std::string* next_token) {
  pugi::xml_document doc;
  if (Status s = load_xml(body, &doc); !s.ok()) return s.error();
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "DescribeInstancesResponse")
    return aws::make_error("MalformedResponse",
                           "The response has no <DescribeInstancesResponse> element", 200);
  std::vector<Ec2Instance> out;
  for (pugi::xml_node r : root.child("reservationSet").children("item")) {
    std::string reservation_id = child_text(r, "reservationId");
    for (pugi::xml_node i : r.child("instancesSet").children("item"))
      out.push_back(read_instance(i, reservation_id));
  }
  if (next_token) *next_token = child_text(root, "nextToken");
  return out;
}

Result<std::vector<Ec2Instance>> Ec2Client::describe_instances(
    const DescribeEc2InstancesRequest& request) {
  std::vector<Ec2Instance> all;
  std::string token;
  do {
    Result<http::Response> res =
        client_.call_query("DescribeInstances", kApiVersion,
                           describe_instances_params(request, token), aws::Protocol::kEc2);
    if (!res.ok()) return res.error();
    std::string next;
    auto page = parse_describe_instances(res->body, &next);
    if (!page.ok()) return page.error();
    all.insert(all.end(), page->begin(), page->end());
    if (!next.empty() && next == token)
      return aws::make_error("MalformedResponse", "DescribeInstances repeated its NextToken", 200);
    token = next;
  } while (!token.empty());
  return all;
}

}  // namespace opsreg::clients
