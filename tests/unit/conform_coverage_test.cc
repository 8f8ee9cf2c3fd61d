// Every operation a fake service implements is made by at least one conformance case
// (fixtures/conformance/*.json, a step or a cleanup call), so that `opsreg conform` compares each
// of the fakes' answers with AWS's. Services are built as the edge builds them.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "mocks/edge/edge.h"
#include "scenarios/conform/conform_case.h"

namespace opsreg::scenarios::conform {
namespace {

TEST(ConformCoverage, EveryImplementedOperationHasACase) {
  const std::filesystem::path dir =
      std::filesystem::path(OPSREG_SOURCE_DIR) / "fixtures/conformance";
  std::set<std::string> made;  // "service:Operation"
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    auto c = load_conform_case(entry.path());
    ASSERT_TRUE(c.ok()) << c.error().message;
    ++files;
    for (const auto* calls : {&c->steps, &c->cleanup})
      for (const auto& call : *calls) made.insert(call.service + ":" + call.operation);
  }
  ASSERT_GT(files, 0u) << "no case files in " << dir;

  std::string missing;
  size_t implemented = 0;
  for (const auto& service : mocks::make_services()) {
    for (const auto& op : service->operation_names()) {
      ++implemented;
      const std::string name = std::string(service->signing_name()) + ":" + op;
      if (!made.contains(name)) missing += "\n  " + name;
    }
  }
  EXPECT_GT(implemented, 0u);
  EXPECT_TRUE(missing.empty()) << "implemented operations no conformance case makes (add a step "
                                  "or a cleanup call to a case in fixtures/conformance):"
                               << missing;
}

// A case about opsreg's own model says so, and only such a case: `--target aws` leaves those out.
TEST(ConformCoverage, OnlyTheAgentChannelIsOpsregOnly) {
  const std::filesystem::path dir =
      std::filesystem::path(OPSREG_SOURCE_DIR) / "fixtures/conformance";
  std::set<std::string> opsreg_only;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    auto c = load_conform_case(entry.path());
    ASSERT_TRUE(c.ok()) << c.error().message;
    if (c->opsreg_only) opsreg_only.insert(c->name);
  }
  EXPECT_EQ(opsreg_only, std::set<std::string>{"opsworks-agent-channel"});
  auto bad = parse_conform_case(nlohmann::json::parse(R"({"name": "x", "proves": "p.",
      "opsreg_only": "yes", "steps": [{"call": {"service": "sts",
      "operation": "GetCallerIdentity"}}]})"),
                                "x.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("\"opsreg_only\" must be true or false"), std::string::npos);
}

}  // namespace
}  // namespace opsreg::scenarios::conform
