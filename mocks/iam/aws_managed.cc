// AWS managed policy documents, copied from the AWS Managed Policy Reference (default versions).
#include "mocks/iam/aws_managed.h"

namespace opsreg::mocks::iam {

namespace {

constexpr char kAdministratorAccess[] = R"({
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
})";

constexpr char kIamFullAccess[] = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [
      "iam:*",
      "organizations:DescribeAccount",
      "organizations:DescribeOrganization",
      "organizations:DescribeOrganizationalUnit",
      "organizations:DescribePolicy",
      "organizations:ListChildren",
      "organizations:ListParents",
      "organizations:ListPoliciesForTarget",
      "organizations:ListRoots",
      "organizations:ListPolicies",
      "organizations:ListTargetsForPolicy"
    ],
    "Resource": "*"
  }]
})";

constexpr char kIamReadOnlyAccess[] = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [
      "iam:GenerateCredentialReport",
      "iam:GenerateServiceLastAccessedDetails",
      "iam:Get*",
      "iam:List*",
      "iam:SimulateCustomPolicy",
      "iam:SimulatePrincipalPolicy"
    ],
    "Resource": "*"
  }]
})";

constexpr char kAmazonS3ReadOnlyAccess[] = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [
      "s3:Get*",
      "s3:List*",
      "s3:Describe*",
      "s3-object-lambda:Get*",
      "s3-object-lambda:List*"
    ],
    "Resource": "*"
  }]
})";

constexpr char kOpsWorksFullAccess[] = R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "cloudwatch:GetMetricStatistics",
        "ec2:DescribeAccountAttributes",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInstances",
        "ec2:DescribeKeyPairs",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "elasticloadbalancing:DescribeInstanceHealth",
        "elasticloadbalancing:DescribeLoadBalancers",
        "iam:GetRolePolicy",
        "iam:ListInstanceProfiles",
        "iam:ListRoles",
        "iam:ListUsers",
        "opsworks:*"
      ],
      "Resource": ["*"]
    },
    {
      "Effect": "Allow",
      "Action": ["iam:PassRole"],
      "Resource": "*",
      "Condition": {"StringEquals": {"iam:PassedToService": "opsworks.amazonaws.com"}}
    }
  ]
})";

constexpr char kOpsWorksInstanceRegistration[] = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [
      "opsworks:DescribeStackProvisioningParameters",
      "opsworks:DescribeStacks",
      "opsworks:RegisterInstance"
    ],
    "Resource": ["*"]
  }]
})";

}  // namespace

const std::vector<AwsManagedPolicyDef>& aws_managed_policies() {
  static const std::vector<AwsManagedPolicyDef> kCatalogue = {
      {"AdministratorAccess", "/", kAdministratorAccess},
      {"IAMFullAccess", "/", kIamFullAccess},
      {"IAMReadOnlyAccess", "/", kIamReadOnlyAccess},
      {"AmazonS3ReadOnlyAccess", "/", kAmazonS3ReadOnlyAccess},
      {"AWSOpsWorks_FullAccess", "/", kOpsWorksFullAccess},
      {"AWSOpsWorksInstanceRegistration", "/", kOpsWorksInstanceRegistration},
  };
  return kCatalogue;
}

std::string aws_managed_policy_arn(const AwsManagedPolicyDef& def) {
  return "arn:aws:iam::aws:policy" + def.path + def.name;
}

}  // namespace opsreg::mocks::iam
