// Region names: the hand-written shape check agrees with the regular expression it replaces,
// [a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}, on named cases and on many random strings.
#include <gtest/gtest.h>

#include <random>
#include <regex>

#include "core/aws/region.h"

namespace opsreg::aws {
namespace {

TEST(AwsRegion, NamedShapes) {
  for (const char* ok : {"us-east-1", "eu-central-1", "us-gov-west-1", "us-iso-east-1",
                         "us-isob-east-1", "ap-southeast-12", "us-gov-1"})
    EXPECT_TRUE(valid_region_name(ok)) << ok;
  for (const char* bad : {"", "us-east", "us-east-123", "USA-east-1", "us--1", "us-east-1-",
                          "-us-east-1", "us-east-x", "us-gox-west-1", "us-iso1-east-1", "u-east-1",
                          "us-East-1", "us-gov-west-east-1"})
    EXPECT_FALSE(valid_region_name(bad)) << bad;
  EXPECT_FALSE(valid_region_name(std::string(kMaxRegionName - 4, 'a') + "-b-1"));
}

TEST(AwsRegion, AgreesWithTheRegularExpressionOnRandomStrings) {
  const std::regex shape("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}");
  const std::string alphabet = "usgoviebA-19-";
  const std::vector<std::string> pieces = {"us", "-",  "gov", "iso", "isob", "east",
                                           "1",  "12", "123", "x",   "-"};
  std::mt19937 rng(42);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    int n = int(rng() % 7);
    for (int k = 0; k < n; ++k)
      s += rng() % 2 ? pieces[rng() % pieces.size()]
                     : std::string(1, alphabet[rng() % alphabet.size()]);
    bool expected = s.size() <= kMaxRegionName && std::regex_match(s, shape);
    EXPECT_EQ(valid_region_name(s), expected) << "'" << s << "'";
  }
}

}  // namespace
}  // namespace opsreg::aws
