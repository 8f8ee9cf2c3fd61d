// Shared fixture for the IAM tests: a default world, a client signing as its root operator,
// shorthands for an IAM call and an error's message, and the policy documents they share.
#pragma once

#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {

// A trust policy letting EC2 assume a role (an instance profile's role).
inline constexpr char kEc2Trust[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
    R"("Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
// The AWS managed policy register attaches.
inline constexpr char kRegistration[] = "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration";
// A small inline policy document.
inline constexpr char kReadIam[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}]})";

class IamTest : public ::testing::Test {
 protected:
  http::Response iam(const std::string& action, const aws::Params& params = {}) {
    return client.query("iam", action, params);
  }
  std::string message(const http::Response& r) { return testing::xml_text(r, "//Error/Message"); }

  testing::TestWorld tw;
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
};

}  // namespace opsreg
