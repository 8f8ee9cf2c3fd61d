// Conformance snapshots and documented outcomes: an answer recorded and replayed compares as the
// live one did, secrets are never written, a changed snapshot or case is named, and a
// "documented" block judges the outcome (and message) only.
#include <gtest/gtest.h>

#include "scenarios/conform/snapshot.h"

namespace opsreg::scenarios::conform {
namespace {

const std::string kRun = "opsreg-conform-12345678";

ConformCall create_user() {
  ConformCall call;
  call.index = 1;
  call.service = "iam";
  call.operation = "CreateUser";
  call.same = {"UserName", "User.Arn"};
  call.present = {"CreateDate"};
  return call;
}

Outcome created(const std::string& name) {
  Outcome o;
  o.ok = true;
  o.result = {{"User",
               {{"UserName", name},
                {"Arn", "arn:aws:iam::123456789012:user/" + name},
                {"CreateDate", "2026-12-03T00:00:00Z"}}}};
  return o;
}

TEST(ConformSnapshot, ARecordedAnswerComparesAsTheLiveOneDid) {
  ConformCall call = create_user();
  nlohmann::json recorded = record_answer(call, created(kRun + "-alice"), kRun);
  EXPECT_EQ(recorded["same"]["UserName"], "${run}-alice");
  EXPECT_EQ(recorded["same"]["User.Arn"], "arn:aws:iam::<account>:user/${run}-alice");
  Outcome replayed = replay_answer(recorded);
  // Another run, another account: the same after normalising.
  const std::string other = "opsreg-conform-abcdef01";
  Outcome fakes = created(other + "-alice");
  fakes.result["User"]["Arn"] = "arn:aws:iam::999999999999:user/" + other + "-alice";
  EXPECT_TRUE(differences(call, fakes, replayed, other, "snapshot").empty());
  // A different value is named with its member and the reference.
  Outcome bob = created(other + "-bob");
  std::vector<std::string> d = differences(call, bob, replayed, other, "snapshot");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0], "UserName: fakes \"${run}-bob\", snapshot \"${run}-alice\"");
}

TEST(ConformSnapshot, ErrorsKeepCodeStatusAndMessage) {
  ConformCall call = create_user();
  Outcome failed;
  failed.error =
      aws::make_error("EntityAlreadyExists", "User " + kRun + "-alice already exists", 409);
  Outcome replayed = replay_answer(record_answer(call, failed, kRun));
  EXPECT_EQ(replayed.summary(), "EntityAlreadyExists (409)");
  EXPECT_EQ(replayed.error.message, "User ${run}-alice already exists");
}

TEST(ConformSnapshot, SecretsAreNeverWritten) {
  ConformCall call;
  call.index = 1;
  call.service = "iam";
  call.operation = "CreateAccessKey";
  call.same = {"SecretAccessKey", "Status"};
  Outcome key;
  key.ok = true;
  key.result = {
      {"AccessKey", {{"SecretAccessKey", "wJalrXUtnFEMI/K7MDENG"}, {"Status", "Active"}}}};
  std::string text = record_answer(call, key, kRun).dump();
  EXPECT_EQ(text.find("wJalrXUtnFEMI"), std::string::npos) << text;
  EXPECT_NE(text.find("Active"), std::string::npos);
}

TEST(ConformSnapshot, AMissingSnapshotOrAChangedCaseIsNamed) {
  SnapshotReference reference("/nonexistent-snapshots");
  ConformCase c;
  c.name = "iam-users";
  Status s = reference.begin_case(c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("no snapshot of case iam-users"), std::string::npos);
}

TEST(ConformDocumented, JudgesTheOutcomeAndADocumentedMessageOnly) {
  DocumentedReference reference;
  ConformCall call = create_user();
  EXPECT_FALSE(reference.check(call, created("x"), kRun).has_value());  // nothing documented
  call.documented = Documented{false, "EntityAlreadyExists", 409, "",
                               "https://docs.aws.amazon.com/IAM/latest/APIReference/"
                               "API_CreateUser.html"};
  std::optional<Verdict> v = reference.check(call, created("x"), kRun);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->summary, "EntityAlreadyExists (409)");
  ASSERT_EQ(v->differences.size(), 1u);
  EXPECT_EQ(v->differences[0], "outcome: fakes ok, documented EntityAlreadyExists (409)");
  Outcome same;
  same.error = aws::make_error("EntityAlreadyExists", "any wording", 409);
  EXPECT_TRUE(reference.check(call, same, kRun)->differences.empty());
  call.documented->message = "documented wording";
  EXPECT_EQ(reference.check(call, same, kRun)->differences.size(), 1u);
}

TEST(ConformDocumented, ABlockNeedsItsReference) {
  nlohmann::json c = {{"name", "x"},
                      {"proves", "y"},
                      {"steps",
                       {{{"call", {{"service", "iam"}, {"operation", "GetUser"}}},
                         {"documented", {{"error", "NoSuchEntity"}, {"status", 404}}}}}}};
  auto parsed = parse_conform_case(c, "x.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("docs.aws.amazon.com"), std::string::npos);
  c["steps"][0]["documented"]["reference"] =
      "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html";
  parsed = parse_conform_case(c, "x.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->steps[0].documented->code, "NoSuchEntity");
  EXPECT_EQ(parsed->steps[0].documented->status, 404);
}

}  // namespace
}  // namespace opsreg::scenarios::conform
