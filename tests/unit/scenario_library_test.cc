// The scenario library itself: every file loads, and says what it proves and where the seed
// or the spec says so (each file also runs as its own ctest test, scenario.<stem>).
#include <gtest/gtest.h>

#include <filesystem>

#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {
namespace {

TEST(ScenarioLibrary, EveryFileLoadsAndCitesTheSeedOrTheSpec) {
  auto files = scenario_files({std::string(OPSREG_SOURCE_DIR) + "/scenarios/library"});
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_GE(files->size(), 10u);
  for (const auto& f : *files) {
    auto s = load_scenario(f);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->name, f.stem().string()) << "a scenario's name is its file's stem";
    bool cites = s->proves.find("seed") != std::string::npos ||
                 s->proves.find("REGISTER-SPEC") != std::string::npos ||
                 s->proves.find("DESIGN.md") != std::string::npos;
    EXPECT_TRUE(cites) << f << ": \"proves\" should say where the seed or spec says so";
  }
}

}  // namespace
}  // namespace opsreg::scenarios
