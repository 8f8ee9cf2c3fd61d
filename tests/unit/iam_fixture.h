// Shared fixture for the IAM tests: a default world, a client signing as its root operator,
// and shorthands for an IAM call and an error's message.
#pragma once

#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {

class IamTest : public ::testing::Test {
 protected:
  mocks::Response iam(const std::string& action, const aws::Params& params = {}) {
    return client.query("iam", action, params);
  }
  std::string message(const mocks::Response& r) { return testing::xml_text(r, "//Error/Message"); }

  testing::TestWorld tw;
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
};

}  // namespace opsreg
