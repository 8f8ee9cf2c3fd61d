// JSON from outside is parsed with a bound on nesting (everything that walks JSON here recurses)
// and files are read only when they are regular files of a bounded size: a directory, a fifo,
// a symlink loop or a file nested 100000 deep is refused with its name, never a crash or a hang.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/util/json_bounded.h"
#include "core/util/json_file.h"

namespace opsreg {
namespace {

namespace fs = std::filesystem;

std::string nested(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += i % 2 ? "[" : "{\"a\":";
  s += "1";
  for (std::size_t i = depth; i-- > 0;) s += i % 2 ? "]" : "}";
  return s;
}

TEST(JsonBounded, NestingIsCountedOutsideStrings) {
  EXPECT_FALSE(json_nested_deeper_than(nested(64)));
  EXPECT_TRUE(json_nested_deeper_than(nested(65)));
  EXPECT_FALSE(json_nested_deeper_than(nested(3), 3));
  EXPECT_TRUE(json_nested_deeper_than(nested(4), 3));
  // Brackets inside strings, escaped quotes included, are text.
  EXPECT_FALSE(json_nested_deeper_than("{\"a\":\"[[[[\\\"[[[[\"}", 1));
  EXPECT_TRUE(json_nested_deeper_than("{\"a\":\"\\\\\",\"b\":[1]}", 1));
}

TEST(JsonBounded, TooDeepIsDiscardedAsInvalidJsonIs) {
  EXPECT_TRUE(parse_json_bounded(nested(100000)).is_discarded());
  EXPECT_TRUE(parse_json_bounded("{\"a\":").is_discarded());
  auto ok = parse_json_bounded(nested(64));
  ASSERT_FALSE(ok.is_discarded());
  EXPECT_TRUE(ok.is_object());
  EXPECT_EQ(ok.dump().size(), nested(64).size());
}

TEST(JsonBounded, AFileTooDeepIsNamed) {
  auto j = parse_json_text(nested(100000), "deep.json");
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.error().code, "InvalidJson");
  EXPECT_EQ(j.error().message, "deep.json: JSON nested deeper than 64 levels");
}

class BoundedFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::path(::testing::TempDir()) / ("bounded-files-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string refusal(const fs::path& p, std::uintmax_t max = kMaxInputFileBytes) {
    auto r = read_regular_file(p, max);
    EXPECT_FALSE(r.ok()) << p;
    if (r.ok()) return "";
    EXPECT_EQ(r.error().code, "UnreadableFile");
    return r.error().message;
  }
  fs::path dir;
};

TEST_F(BoundedFiles, OnlyRegularFilesOfBoundedSizeAreRead) {
  std::ofstream(dir / "w.json") << "{\"a\": 1}";
  auto ok = read_regular_file(dir / "w.json");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "{\"a\": 1}");
  fs::create_symlink(dir / "w.json", dir / "link.json");
  EXPECT_TRUE(read_regular_file(dir / "link.json").ok());

  EXPECT_EQ(refusal(dir), dir.string() + ": not a regular file (a directory)");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_EQ(refusal(dir / "fifo"), (dir / "fifo").string() + ": not a regular file (a fifo)");
  EXPECT_EQ(refusal("/dev/null"), "/dev/null: not a regular file (a device)");
  fs::create_symlink(dir / "loop", dir / "loop");
  EXPECT_TRUE(refusal(dir / "loop").starts_with("cannot read " + (dir / "loop").string()));
  EXPECT_TRUE(refusal(dir / "none").starts_with("cannot read " + (dir / "none").string()));
  std::ofstream(dir / "big") << std::string((2u << 20) + 1, ' ');
  EXPECT_EQ(refusal(dir / "big", 2u << 20), (dir / "big").string() + ": larger than 2 MiB");
}

TEST_F(BoundedFiles, ReadJsonFileRefusesDirectoriesAndDeepFiles) {
  auto d = read_json_file(dir);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "UnreadableFile");
  std::ofstream(dir / "deep.json") << nested(1000);
  auto deep = read_json_file(dir / "deep.json");
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().message,
            (dir / "deep.json").string() + ": JSON nested deeper than 64 levels");
}

}  // namespace
}  // namespace opsreg
