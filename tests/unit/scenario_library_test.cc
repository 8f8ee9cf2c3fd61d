// The scenario library itself: every file loads, and says what it proves and which of the
// repo's docs states the rule (each file also runs as its own ctest test, scenario.<stem>).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {
namespace {

TEST(ScenarioLibrary, EveryFileLoadsAndCitesADocOfTheRepo) {
  const std::filesystem::path source(OPSREG_SOURCE_DIR);
  auto files = scenario_files({(source / "scenarios/library").string()});
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_GE(files->size(), 10u);
  const std::regex doc(R"(docs/[A-Za-z0-9_.-]+\.md)");
  for (const auto& f : *files) {
    auto s = load_scenario(f);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->name, f.stem().string()) << "a scenario's name is its file's stem";
    int cited = 0;
    for (std::sregex_iterator it(s->proves.begin(), s->proves.end(), doc), end; it != end;
         ++it, ++cited)
      EXPECT_TRUE(std::filesystem::is_regular_file(source / it->str()))
          << f << ": \"proves\" cites " << it->str() << ", which is not in the source tree";
    EXPECT_GT(cited, 0) << f << ": \"proves\" should cite the doc that says so (docs/NAME.md)";
  }
}

}  // namespace
}  // namespace opsreg::scenarios
