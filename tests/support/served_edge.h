// Test support: a TestWorld's edge served on a real loopback port (the harness's server), with
// an httplib client connected to it, for tests of the edge over a socket.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>

#include "tests/support/edge_client.h"

namespace opsreg::testing {

class ServedEdgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http = std::make_unique<httplib::Client>("127.0.0.1", tw.harness->port());
  }
  void TearDown() override { http.reset(); }
  TestWorld tw{nlohmann::json(), Serving::kLoopback};
  std::unique_ptr<httplib::Client> http;
};

}  // namespace opsreg::testing
