// The timings file (scenarios/engine/timings.h): absent is no timings, not an error; a bad one
// is refused naming what is wrong; writing merges over what it held, sorted by name, in
// milliseconds, so shards' files merge as plain JSON objects.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "scenarios/engine/timings.h"
#include "tests/support/read_file.h"

namespace opsreg::scenarios {
namespace {

namespace fs = std::filesystem;

struct ScenarioTimings : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("opsreg-timings-test-" + std::to_string(getpid()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  }
};

ScenarioResult result(const std::string& name, double seconds) {
  ScenarioResult r;
  r.name = name;
  r.seconds = seconds;
  return r;
}

TEST_F(ScenarioTimings, AMissingFileIsNoTimings) {
  auto t = read_timings(dir / "none.json");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_FALSE(*t);
}

TEST_F(ScenarioTimings, ABadFileIsRefusedNamingWhatIsWrong) {
  auto error_of = [&](const std::string& text) {
    auto t = read_timings(write("t.json", text));
    EXPECT_FALSE(t.ok()) << text;
    if (t.ok()) return std::string();
    EXPECT_EQ(t.error().code, "BadTimings");
    return t.error().message;
  };
  EXPECT_NE(error_of("{\"a\": 1,}").find("t.json:1:9: invalid JSON"), std::string::npos);
  EXPECT_NE(
      error_of("[1, 2]").find("t.json: timings must be a JSON object of scenario name to seconds"),
      std::string::npos);
  EXPECT_NE(error_of("{\"a\": \"1s\"}").find("t.json: \"a\" is not a number of seconds (\"1s\")"),
            std::string::npos);
  EXPECT_NE(error_of("{\"a\": -1}").find("\"a\" is not a number of seconds (-1)"),
            std::string::npos);
  auto folder = read_timings(dir);
  EXPECT_FALSE(folder.ok());
}

TEST_F(ScenarioTimings, WritingMergesOverWhatTheFileHeldSortedInMilliseconds) {
  Timings old = {{"b", 9}, {"c", 3}};
  Timings merged = merge_timings(old, {result("b", 1.23449), result("a", 0.5)});
  EXPECT_EQ(merged, (Timings{{"a", 0.5}, {"b", 1.23449}, {"c", 3}}));
  fs::path file = dir / "t.json";
  ASSERT_TRUE(write_timings(file, merged).ok());
  EXPECT_EQ(opsreg::testing::read_file(file),
            "{\n  \"a\": 0.5,\n  \"b\": 1.234,\n  \"c\": 3.0\n}\n");
  auto back = read_timings(file);
  ASSERT_TRUE(back.ok() && *back);
  EXPECT_EQ(**back, (Timings{{"a", 0.5}, {"b", 1.234}, {"c", 3}}));
}

}  // namespace
}  // namespace opsreg::scenarios
