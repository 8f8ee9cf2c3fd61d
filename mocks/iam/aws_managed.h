// The catalogue of AWS managed policies the fake IAM knows (arn:aws:iam::aws:policy/NAME), with
// their real policy documents, so that worlds and callers can attach them as in AWS.
#pragma once

#include <string>
#include <vector>

namespace opsreg::mocks::iam {

struct AwsManagedPolicyDef {
  std::string name;      // "AWSOpsWorksInstanceRegistration"
  std::string path;      // "/" for all policies here
  std::string document;  // the default version's JSON document, as AWS publishes it
};

// Every AWS managed policy in the catalogue (AdministratorAccess, IAMFullAccess,
// IAMReadOnlyAccess, AmazonS3ReadOnlyAccess, AWSOpsWorks_FullAccess,
// AWSOpsWorksInstanceRegistration).
const std::vector<AwsManagedPolicyDef>& aws_managed_policies();

// "arn:aws:iam::aws:policy" + path + name.
std::string aws_managed_policy_arn(const AwsManagedPolicyDef& def);

}  // namespace opsreg::mocks::iam
