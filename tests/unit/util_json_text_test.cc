// JSON values read as text: string members or "" whatever the answer holds instead.
#include <gtest/gtest.h>

#include "core/util/json_text.h"

namespace opsreg {
namespace {

TEST(JsonText, StringMemberIsEmptyForMissingOrOtherTypes) {
  nlohmann::json j = {{"Name", "web-1"}, {"Size", 8}, {"Tags", nullptr}};
  EXPECT_EQ(string_member(j, "Name"), "web-1");
  EXPECT_EQ(string_member(j, "Size"), "");
  EXPECT_EQ(string_member(j, "Tags"), "");
  EXPECT_EQ(string_member(j, "Missing"), "");
  EXPECT_EQ(string_member(nlohmann::json::array({"Name"}), "Name"), "");
}

TEST(JsonText, AsTextIsAStringBareAndAnythingElseAsJson) {
  EXPECT_EQ(as_text("a b"), "a b");
  EXPECT_EQ(as_text(3), "3");
  EXPECT_EQ(as_text(true), "true");
  EXPECT_EQ(as_text(nlohmann::json::array({1, 2})), "[1,2]");
}

}  // namespace
}  // namespace opsreg
