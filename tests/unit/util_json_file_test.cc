// JSON that users write, read with errors located as FILE:LINE:COLUMN (from 1), as compilers
// locate theirs; the line and column are counted here from the parser's byte offset.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/util/json_file.h"

namespace opsreg {
namespace {

std::string error_of(const std::string& text) {
  auto j = parse_json_text(text, "s.json");
  EXPECT_FALSE(j.ok()) << text;
  if (j.ok()) return "";
  EXPECT_EQ(j.error().code, "InvalidJson");
  return j.error().message;
}

TEST(JsonFile, ASyntaxErrorNamesItsLineAndColumn) {
  // A trailing comma: the '}' on line 3, column 1.
  EXPECT_EQ(error_of("{\n  \"a\": 1,\n}\n"),
            "s.json:3:1: invalid JSON: syntax error while parsing object key - unexpected '}'; "
            "expected string literal");
  // A missing comma between two members: the end of the second key, line 3 column 10 (the
  // parser has read the whole token when it finds it out of place).
  EXPECT_TRUE(error_of("{\n  \"name\": \"x\"\n  \"proves\": \"y\"\n}")
                  .starts_with("s.json:3:10: invalid JSON: syntax error while parsing object - "
                               "unexpected string literal"));
  // The third member on line 1: counted in bytes from the line's start.
  EXPECT_TRUE(error_of("[1, 2 3]").starts_with("s.json:1:7: invalid JSON: "));
}

TEST(JsonFile, TheEndOfTheTextIsJustPastTheLastCharacter) {
  EXPECT_TRUE(error_of("{\"name\": ")
                  .starts_with("s.json:1:10: invalid JSON: syntax error while parsing value - "
                               "unexpected end of input"));
  EXPECT_TRUE(error_of("").starts_with("s.json:1:1: invalid JSON: "));
  EXPECT_TRUE(error_of("{\n\"a\": [\n").starts_with("s.json:3:1: invalid JSON: "));
}

TEST(JsonFile, GoodTextParses) {
  auto j = parse_json_text("{\"a\": [1, 2]}", "s.json");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["a"][1], 2);
}

TEST(JsonFile, AFileIsNamedByItsPath) {
  std::filesystem::path p = std::filesystem::path(::testing::TempDir()) /
                            ("json_file_" + std::to_string(::getpid()) + ".json");
  std::ofstream(p) << "{\n  \"steps\": [\n    {\"advance\": 16m}\n  ]\n}\n";
  auto j = read_json_file(p);
  std::filesystem::remove(p);
  ASSERT_FALSE(j.ok());
  EXPECT_TRUE(j.error().message.starts_with(p.string() + ":3:19: invalid JSON: "))
      << j.error().message;
  auto missing = read_json_file("/nonexistent/x.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "UnreadableFile");
}

}  // namespace
}  // namespace opsreg
