// Conformance comparisons: outcome summaries, the normalising of account ids and run names, the
// member-by-member differences; and the checks a case file must pass to load.
#include <gtest/gtest.h>

#include "scenarios/conform/compare.h"
#include "scenarios/conform/conform_case.h"

namespace opsreg::scenarios::conform {
namespace {

using nlohmann::json;

Outcome ok(const json& result) {
  Outcome o;
  o.ok = true;
  o.result = result;
  return o;
}

Outcome failed(const std::string& code, int status, const std::string& message = "m") {
  Outcome o;
  o.error = aws::make_error(code, message, status);
  return o;
}

ConformCall call(std::vector<std::string> same = {}, std::vector<std::string> present = {}) {
  ConformCall c;
  c.service = "iam";
  c.operation = "GetUser";
  c.same = std::move(same);
  c.present = std::move(present);
  return c;
}

TEST(ConformCompare, SummaryIsOkOrTheCodeWithItsStatus) {
  EXPECT_EQ(ok(json::object()).summary(), "ok");
  EXPECT_EQ(failed("NoSuchEntity", 404).summary(), "NoSuchEntity (404)");
  EXPECT_EQ(failed("404", 404).summary(), "404");  // a bodiless HEAD: the code is the status
  EXPECT_EQ(failed("ConnectionError", 0).summary(), "ConnectionError");
}

TEST(ConformCompare, NormalizeMasksAccountIdsAndTheRunName) {
  EXPECT_EQ(normalize("arn:aws:iam::123456789012:user/opsreg-conform-1a2b3c4d-alice",
                      "opsreg-conform-1a2b3c4d"),
            "arn:aws:iam::<account>:user/${run}-alice");
  EXPECT_EQ(normalize("1234567890123 and 12345678901", ""), "1234567890123 and 12345678901");
}

TEST(ConformCompare, DifferentOutcomesAreOneDifferenceAndMembersAreNotCompared) {
  auto d = differences(call({"UserName"}), failed("ValidationError", 400), ok({}), "r");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], "outcome: fakes ValidationError (400), target ok");
}

TEST(ConformCompare, SameMembersCompareNormalizedAtAnyDepth) {
  json fakes = {{"User", {{"UserName", "r-a"}, {"Arn", "arn:aws:iam::123456789012:user/r-a"}}}};
  json target = {{"User", {{"UserName", "r-a"}, {"Arn", "arn:aws:iam::210987654321:user/r-a"}}}};
  EXPECT_TRUE(differences(call({"UserName", "Arn"}), ok(fakes), ok(target), "r").empty());
  target["User"]["UserName"] = "r-b";
  auto d = differences(call({"UserName", "User.Arn"}), ok(fakes), ok(target), "r");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], "UserName: fakes \"${run}-a\", target \"${run}-b\"");
}

TEST(ConformCompare, PresentMembersMustBeOnBothSidesWhateverTheirValues) {
  json fakes = {{"UserId", "AIDAFAKE"}, {"CreateDate", "2026-01-01T00:00:00Z"}};
  json target = {{"UserId", "AIDAREAL"}};
  auto d = differences(call({}, {"UserId", "CreateDate"}), ok(fakes), ok(target), "r");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], "CreateDate: missing from the target's answer");
}

TEST(ConformCompare, MessagesAreComparedOnlyWhenTheCaseAsks) {
  Outcome a = failed("NoSuchEntity", 404, "The user with name run1-x cannot be found.");
  Outcome b = failed("NoSuchEntity", 404, "User run1-x not found");
  EXPECT_TRUE(differences(call(), a, b, "run1").empty());
  ConformCall strict = call();
  strict.same_message = true;
  auto d = differences(strict, a, b, "run1");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].find("message: fakes \"The user with name ${run}-x cannot be found.\""),
            std::string::npos);
}

std::string load_error(const json& j) {
  auto c = parse_conform_case(j, "case.json");
  EXPECT_FALSE(c.ok());
  return c.ok() ? "" : c.error().message;
}

TEST(ConformCase, AGoodCaseLoadsWithItsStepsAndCleanup) {
  json j = {{"name", "n"},
            {"proves", "p"},
            {"steps",
             {{{"call", {{"service", "iam"}, {"operation", "CreateUser"}}},
               {"same", {"UserName"}},
               {"save_as", "u"}}}},
            {"cleanup", {{{"call", {{"service", "iam"}, {"operation", "DeleteUser"}}}}}}};
  auto c = parse_conform_case(j, "case.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_EQ(c->steps.size(), 1u);
  EXPECT_EQ(c->steps[0].same, std::vector<std::string>{"UserName"});
  EXPECT_EQ(c->steps[0].save_as, "u");
  EXPECT_EQ(c->cleanup.size(), 1u);
}

TEST(ConformCase, BadCasesNameTheFileTheEntryAndWhatIsWrong) {
  json step = {{"call", {{"service", "iam"}, {"operation", "CreateUser"}}}};
  EXPECT_EQ(load_error({{"name", "n"}, {"steps", {step}}}),
            "case.json: \"proves\" is required: one sentence, with the AWS reference");
  EXPECT_EQ(load_error({{"name", "n"}, {"proves", "p"}, {"steps", json::array()}}),
            "case.json: \"steps\" must be a non-empty list");
  json bad_service = {{"call", {{"service", "dynamodb"}, {"operation", "X"}}}};
  EXPECT_EQ(load_error({{"name", "n"}, {"proves", "p"}, {"steps", {step, bad_service}}}),
            "case.json: steps[2]: service must be one of iam, sts, ec2, opsworks, s3");
  json compared_cleanup = step;
  compared_cleanup["same"] = {"UserName"};
  EXPECT_EQ(
      load_error(
          {{"name", "n"}, {"proves", "p"}, {"steps", {step}}, {"cleanup", {compared_cleanup}}}),
      "case.json: cleanup[1]: unknown key 'same'");
  json saved_as_run = step;
  saved_as_run["save_as"] = "run";
  EXPECT_NE(load_error({{"name", "n"}, {"proves", "p"}, {"steps", {saved_as_run}}})
                .find("save_as must be a name other than run"),
            std::string::npos);
  json s3 = {{"call", {{"service", "s3"}, {"operation", "GetObjectAcl"}}}};
  EXPECT_NE(load_error({{"name", "n"}, {"proves", "p"}, {"steps", {s3}}})
                .find("S3 operation GetObjectAcl is not supported"),
            std::string::npos);
}

TEST(ConformCase, AStepMaySignAsAnotherKeyOrWithASkewedClock) {
  json step = {
      {"call", {{"service", "sts"}, {"operation", "GetCallerIdentity"}, {"clock_skew", "-16m"}}},
      {"as", "$key"}};
  auto c = parse_conform_case({{"name", "n"}, {"proves", "p"}, {"steps", {step}}}, "case.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->steps[0].as, "$key");
  EXPECT_EQ(c->steps[0].clock_skew, -std::chrono::minutes(16));
  step["as"] = {{"access_key_id", "AKIAIOSFODNN7EXAMPLE"}, {"secret_access_key", "$k.Secret"}};
  c = parse_conform_case({{"name", "n"}, {"proves", "p"}, {"steps", {step}}}, "case.json");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->steps[0].as["access_key_id"], "AKIAIOSFODNN7EXAMPLE");

  for (const json& bad_as : {json("operator"), json("$"), json({{"access_key_id", "A"}})}) {
    step["as"] = bad_as;
    EXPECT_NE(load_error({{"name", "n"}, {"proves", "p"}, {"steps", {step}}})
                  .find("steps[1]: as must be \"$NAME\""),
              std::string::npos)
        << bad_as.dump();
  }
  step.erase("as");
  step["call"]["clock_skew"] = "soon";
  EXPECT_EQ(load_error({{"name", "n"}, {"proves", "p"}, {"steps", {step}}}),
            "case.json: steps[1]: clock_skew needs a duration such as \"16m\" or \"-16m\"");
}

}  // namespace
}  // namespace opsreg::scenarios::conform
