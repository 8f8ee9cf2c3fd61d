// The EC2 steps of the procedure (docs/register.md, steps 3, 5 and 6), as awscli's opsworks
// customization takes them: the instance TARGET names, the region check of --local, and the
// address to connect to. Messages are the reference's.
#include <cctype>

#include "core/register/run_context.h"

namespace opsreg::registration {

namespace {

// ^i-[0-9a-f]+$
bool is_instance_id(std::string_view t) {
  if (t.size() < 3 || !t.starts_with("i-")) return false;
  for (char c : t.substr(2))
    if (!std::isdigit(static_cast<unsigned char>(c)) && (c < 'a' || c > 'f')) return false;
  return true;
}

// ^\d+\.\d+\.\d+\.\d+$
bool is_ipv4(std::string_view t) {
  int groups = 0;
  size_t digits = 0;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '.' && digits > 0 && groups < 3) {
      ++groups;
      digits = 0;
    } else {
      return false;
    }
  }
  return groups == 3 && digits > 0;
}

}  // namespace

bool find_ec2_instance(RunContext& run) {
  const std::string target = run.args.target.value_or("");
  run.begin("describe-ec2-instance");
  if (!run.deps.ec2) {
    run.fail(aws::make_error("NoEc2Client", "no EC2 client was configured", 0));
    return false;
  }
  auto ec2 = run.deps.ec2(run.stack.region);
  if (!ec2.ok()) {
    run.fail(ec2.error());
    return false;
  }
  // The stack's platform decides: a VPC stack filters on its VPC; a stack without one keeps
  // only instances without a VPC (there is no filter for "no VPC").
  clients::DescribeEc2InstancesRequest request;
  if (!run.stack.vpc_id.empty()) request.filters.push_back({"vpc-id", {run.stack.vpc_id}});
  bool by_ip = false;
  if (is_instance_id(target)) {
    request.instance_ids.push_back(target);
  } else if (is_ipv4(target)) {
    by_ip = true;  // private or public: filtered below, and the address to connect to
    run.address = target;
  } else {
    request.filters.push_back({"tag:Name", {target}});
  }
  auto found = ec2->describe_instances(request);
  if (!found.ok()) {
    run.fail(found.error());
    return false;
  }
  std::vector<clients::Ec2Instance> matches;
  for (const auto& i : *found) {
    if (run.stack.vpc_id.empty() && !i.vpc_id.empty()) continue;
    if (by_ip && i.private_ip != target && i.public_ip != target) continue;
    matches.push_back(i);
  }
  if (matches.empty()) {
    run.fail(aws::make_error("InstanceNotFound",
                             "Did not find any instance matching " + target + ".", 0),
             "TARGET is an EC2 instance id, an IPv4 address or a Name tag, of an instance in "
             "the stack's region " +
                 run.stack.region +
                 (run.stack.vpc_id.empty() ? " outside any VPC" : " in " + run.stack.vpc_id));
    return false;
  }
  if (matches.size() > 1) {
    std::string ids;
    for (const auto& m : matches) ids += (ids.empty() ? "" : ", ") + m.instance_id;
    run.fail(aws::make_error("MultipleInstancesFound",
                             "Found multiple instances matching " + target + ": " + ids + ".", 0),
             "name the instance by its id");
    return false;
  }
  run.ec2_instance = matches.front();
  run.report.outcome.ec2_instance_id = run.ec2_instance->instance_id;
  run.finish(
      run.ec2_instance->instance_id + " in " + run.stack.region +
      (run.ec2_instance->vpc_id.empty() ? "" : " " + run.ec2_instance->vpc_id) + " (private " +
      (run.ec2_instance->private_ip.empty() ? "none" : run.ec2_instance->private_ip) + ", public " +
      (run.ec2_instance->public_ip.empty() ? "none" : run.ec2_instance->public_ip) + ")");
  return true;
}

bool check_instance_region(RunContext& run) {
  run.begin("check-region");
  Result<config::IdentityDocument> doc = aws::make_error("", "");
  if (run.deps.identity_document) {
    doc = run.deps.identity_document();
  } else {
    config::InstanceMetadataClient imds(config::MetadataOptions::from_env(config::process_env()));
    doc = imds.identity_document();
  }
  if (!doc.ok()) {
    run.fail(doc.error(),
             "--local with --infrastructure-class ec2 must run on the EC2 instance "
             "(its metadata service gives the instance identity document)");
    return false;
  }
  if (doc->region != run.stack.region) {
    run.fail(
        aws::make_error("RegionMismatch", "The stack's and the instance's region must match.", 0),
        "the stack is in " + run.stack.region + ", this instance in " +
            (doc->region.empty() ? "no region" : doc->region));
    return false;
  }
  run.report.outcome.ec2_instance_id = doc->instance_id;
  run.finish(doc->instance_id + " is in " + doc->region);
  return true;
}

bool choose_ec2_address(RunContext& run) {
  if (!run.address.empty()) return true;  // TARGET was an IP address
  const clients::Ec2Instance& i = *run.ec2_instance;
  if (!i.public_ip.empty()) {
    run.address = i.public_ip;
  } else if (!i.private_ip.empty()) {
    run.report.outcome.warnings.push_back(
        "Instance does not have a public IP address. Trying to use the private address to "
        "connect.");
    run.address = i.private_ip;
  } else {
    run.begin("choose-address");
    run.fail(
        aws::make_error("NoIpAddress", "The instance does not seem to have an IP address.", 0));
    return false;
  }
  return true;
}

}  // namespace opsreg::registration
