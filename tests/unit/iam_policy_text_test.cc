// The text of a policy document as IAM accepts it (policyDocumentType): well-formed UTF-8 of
// tab, LF, CR and U+0020..U+00FF only. Invalid UTF-8 or a character beyond U+00FF is refused
// before the document is parsed, for inline policies and trust policies alike.
#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;

// kReadIam with `text` as the statement's Sid (legal JSON either way).
std::string with_sid(const std::string& text) {
  return R"({"Version":"2012-10-17","Statement":[{"Sid":")" + text +
         R"(","Effect":"Allow","Action":"iam:Get*","Resource":"*"}]})";
}

class IamPolicyText : public IamTest {
 protected:
  void SetUp() override { ASSERT_EQ(iam("CreateUser", {{"UserName", "alice"}}).status, 200); }
  http::Response put(const std::string& document) {
    return iam("PutUserPolicy",
               {{"UserName", "alice"}, {"PolicyName", "p"}, {"PolicyDocument", document}});
  }
};

constexpr char kPatternMessage[] =
    "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: "
    "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";

TEST_F(IamPolicyText, InvalidUtf8IsValidationError) {
  for (const std::string& bad : {std::string("\xff"), std::string("\xc3"), std::string("\xc3\x28"),
                                 std::string("\xe2\x82")}) {
    http::Response r = put(with_sid("a" + bad));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(error_code(r), "ValidationError");
    EXPECT_EQ(message(r), kPatternMessage);
  }
  EXPECT_EQ(iam("ListUserPolicies", {{"UserName", "alice"}}).body.find("<member>p</member>"),
            std::string::npos);
}

TEST_F(IamPolicyText, CharactersBeyondLatin1AndControlsAreValidationError) {
  for (const std::string& bad :
       {std::string("\xe2\x80\x91"), std::string("\xf0\x9f\x98\x80"), std::string("\x01")}) {
    http::Response r = put(with_sid("a" + bad));
    EXPECT_EQ(error_code(r), "ValidationError") << r.body;
  }
}

TEST_F(IamPolicyText, Latin1AndWhitespaceAreAccepted) {
  // U+00E9 passes the text check; the Sid check then refuses it as IAM's own rule says.
  http::Response r = put(with_sid("caf\xc3\xa9"));
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(put(std::string("\t\r\n") + kReadIam).status, 200);
}

TEST_F(IamPolicyText, TrustPolicyTextIsCheckedToo) {
  std::string trust = kEc2Trust;
  trust.insert(trust.size() - 1, " \xff");
  http::Response r = iam("CreateRole", {{"RoleName", "r"}, {"AssumeRolePolicyDocument", trust}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_NE(message(r).find("'assumeRolePolicyDocument'"), std::string::npos) << message(r);
}

}  // namespace
}  // namespace opsreg
