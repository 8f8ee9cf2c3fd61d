// Shared set-up for the fake EC2's tests: the default world (five EC2 hosts: ec2-web-1,
// ec2-vpc-1, ec2-www-1, ec2-twin-1/2), a root client, and a call helper.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/edge_client.h"

namespace opsreg::testing {

class Ec2Test : public ::testing::Test {
 protected:
  Ec2Test() : client(*tw.edge, tw.world->operator_credentials()) {}

  http::Response call(const std::string& action, const aws::Params& params = {}) {
    last = client.query("ec2", action, params, "2016-11-15");
    return last;
  }
  // Every text of the elements at `xpath` in the last response.
  std::vector<std::string> texts(const std::string& xpath) const {
    pugi::xml_document doc;
    doc.load_string(last.body.c_str());
    std::vector<std::string> out;
    for (const auto& n : doc.select_nodes(xpath.c_str())) out.push_back(n.node().child_value());
    return out;
  }
  std::string text(const std::string& xpath) const { return xml_text(last, xpath); }

  TestWorld tw;
  EdgeClient client;
  http::Response last;
};

}  // namespace opsreg::testing
