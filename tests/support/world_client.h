// Test support: a typed-client-ready AwsClient for one service of a world served at `url`,
// signed with `creds` at the world's time (core's clients against the fakes over HTTP).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/clients/aws_client.h"
#include "core/config/endpoints.h"
#include "mocks/world/world.h"

namespace opsreg::testing {

inline clients::AwsClient world_client(const std::shared_ptr<mocks::World>& world,
                                       const std::string& url, config::Service service,
                                       const aws::Credentials& creds) {
  config::ServiceConfig c;
  c.service = service;
  c.signing_name = std::string(config::service_info(service).signing_name);
  c.region = "us-east-1";
  c.endpoint = {url, "us-east-1", "test"};
  c.credentials = creds;
  clients::ClientDeps deps;
  deps.clock = std::shared_ptr<const Clock>(world, &world->clock());
  auto client = clients::AwsClient::create(c, deps);
  EXPECT_TRUE(client.ok()) << client.error().message;
  return std::move(*client);
}

}  // namespace opsreg::testing
