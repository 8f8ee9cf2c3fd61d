// IAM naming of a registration: clean_for_iam, shorten_name's exact split, the user name and
// its +N alternatives (docs/register.md, step 7).
#include <gtest/gtest.h>

#include "core/register/naming.h"

namespace opsreg::registration {
namespace {

TEST(RegisterNaming, CleanReplacesEveryRunOutsideIamAlphabetWithOneDash) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"MyStack", "MyStack"},
      {"My Stack", "My-Stack"},
      {"My   Stack!!", "My-Stack-"},
      {"a+b=c,d.e@f_g-h", "a+b=c,d.e@f_g-h"},
      {"web/app:01", "web-app-01"},
      {"caf\xc3\xa9 bar", "caf-bar"},  // é and the space form one run
      {"2f18b4cb-4de5-4429-a149-ff7da9f0d8ee", "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(clean_for_iam(c.in), c.out) << c.in;
}

TEST(RegisterNaming, ShortenKeepsHeadDotsTail) {
  struct Case {
    const char* in;
    size_t n;
    const char* out;
  } cases[] = {
      {"abcdefghij", 10, "abcdefghij"},     // not longer than n: unchanged
      {"abcdefghijk", 10, "abcd...ijk"},    // n-3 = 7: head 3+1, tail 3
      {"abcdefghijkl", 11, "abcd...ijkl"},  // n-3 = 8: head 4, tail 4
      {"abcdefghijklmnopqrstuvwxyz", 25, "abcdefghijk...pqrstuvwxyz"},
      {"abcdefghijklmnopqrstuvwxy", 25, "abcdefghijklmnopqrstuvwxy"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(shorten_name(c.in, c.n), c.out) << c.in;
    EXPECT_LE(shorten_name(c.in, c.n).size(), c.n);
  }
}

TEST(RegisterNaming, GroupIsOpsWorksDashCleanStackId) {
  EXPECT_EQ(group_name("2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"),
            "OpsWorks-2f18b4cb-4de5-4429-a149-ff7da9f0d8ee");
}

TEST(RegisterNaming, UserNameShortensStackAndHostTo25Each) {
  EXPECT_EQ(base_user_name("MyStack", "onprem-host"), "OpsWorks-MyStack-onprem-host");
  EXPECT_EQ(base_user_name("My Production Stack In Frankfurt", "web.example.com"),
            "OpsWorks-My-Producti...n-Frankfurt-web.example.com");
  std::string longest = base_user_name(std::string(80, 's'), std::string(80, 'h'));
  EXPECT_EQ(longest.size(), 9u + 25 + 1 + 25);
  EXPECT_LE(longest.size() + 3, 64u);  // "+19" still fits IAM's 64 characters
}

TEST(RegisterNaming, AttemptsAreBaseThenPlusOneToPlusNineteen) {
  EXPECT_EQ(user_name_attempt("OpsWorks-S-h", 0), "OpsWorks-S-h");
  EXPECT_EQ(user_name_attempt("OpsWorks-S-h", 1), "OpsWorks-S-h+1");
  EXPECT_EQ(user_name_attempt("OpsWorks-S-h", kUserNameTries - 1), "OpsWorks-S-h+19");
  EXPECT_EQ(kUserNameTries, 20);
  EXPECT_EQ(kNoUnusedUserName, "Couldn't find an unused IAM user name.");
}

}  // namespace
}  // namespace opsreg::registration
