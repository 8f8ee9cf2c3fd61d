// Test support: an AwsClient (ready for a typed client) of one service of a served harness,
// signed with `creds` at the world's time (core's clients against the fakes over HTTP).
#pragma once

#include <gtest/gtest.h>

#include "core/clients/aws_client.h"
#include "mocks/harness/harness.h"

namespace opsreg::testing {

inline clients::AwsClient world_client(const mocks::Harness& harness, config::Service service,
                                       const aws::Credentials& creds) {
  auto client = harness.client(service, creds);
  EXPECT_TRUE(client.ok()) << client.error().message;
  return std::move(*client);
}

}  // namespace opsreg::testing
