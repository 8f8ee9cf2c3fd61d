// Test support: a TestWorld's edge served on a real loopback port (HttpServer on port 0), with
// an httplib client connected to it, for tests of the edge over a socket.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>

#include "mocks/edge/http_server.h"
#include "tests/support/edge_client.h"

namespace opsreg::testing {

class ServedEdgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<mocks::HttpServer>(*tw.edge);
    ASSERT_GT(server->start(0), 0);
    tw.world->set_edge_url(server->url());
    http = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  }
  void TearDown() override {
    http.reset();
    server->stop();
  }
  TestWorld tw;
  std::unique_ptr<mocks::HttpServer> server;
  std::unique_ptr<httplib::Client> http;
};

}  // namespace opsreg::testing
