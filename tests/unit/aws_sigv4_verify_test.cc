// SigV4 verification as the fakes do it: parse_claim + expected_signature accept what
// sign_request and presign_query produce, and reject any change to what was signed.
#include <gtest/gtest.h>

#include <string>

#include "core/aws/sigv4.h"
#include "core/aws/uri.h"
#include "core/clock/time_format.h"

namespace opsreg::aws {
namespace {

const Credentials kCreds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};

TimePoint fixed_now() { return *parse_iso8601("2026-01-01T00:00:00Z"); }

// True when the request's signature is the one `secret` gives.
bool verifies(const SignableRequest& req, std::string_view secret = kCreds.secret_access_key) {
  SignatureClaim claim;
  std::string why;
  if (parse_claim(req, &claim, &why) != ClaimProblem::kNone) return false;
  return expected_signature(req, claim, secret) == claim.signature;
}

struct Signed {
  std::string body;
  SignableRequest req;
};

Signed signed_iam_post() {
  Signed s{"Action=CreateUser&UserName=alice&Version=2010-05-08", {}};
  s.req = {"POST",
           "/",
           "",
           {{"Host", "iam.amazonaws.com"},
            {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
           s.body};
  sign_request(s.req, kCreds, "us-east-1", "iam", fixed_now());
  return s;
}

TEST(SigV4Verify, SignedRequestVerifies) {
  Signed s = signed_iam_post();
  EXPECT_TRUE(verifies(s.req));
}

TEST(SigV4Verify, ClaimNamesKeyScopeAndHeaders) {
  Signed s = signed_iam_post();
  SignatureClaim claim;
  std::string why;
  ASSERT_EQ(parse_claim(s.req, &claim, &why), ClaimProblem::kNone) << why;
  EXPECT_EQ(claim.access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(claim.date, "20260101");
  EXPECT_EQ(claim.region, "us-east-1");
  EXPECT_EQ(claim.service, "iam");
  EXPECT_EQ(claim.amz_date, "20260101T000000Z");
  EXPECT_EQ(claim.signed_headers, (std::vector<std::string>{"content-type", "host", "x-amz-date"}));
  EXPECT_FALSE(claim.presigned);
}

TEST(SigV4Verify, WrongSecretDoesNotVerify) {
  Signed s = signed_iam_post();
  EXPECT_FALSE(verifies(s.req, "another-secret"));
}

TEST(SigV4Verify, TamperedBodyDoesNotVerify) {
  Signed s = signed_iam_post();
  std::string tampered = "Action=CreateUser&UserName=mallory&Version=2010-05-08";
  s.req.body = tampered;
  EXPECT_FALSE(verifies(s.req));
}

TEST(SigV4Verify, TamperedSignedHeaderDoesNotVerify) {
  Signed s = signed_iam_post();
  for (auto& [k, v] : s.req.headers)
    if (k == "Content-Type") v = "application/json";
  EXPECT_FALSE(verifies(s.req));
}

TEST(SigV4Verify, TamperedDateDoesNotVerify) {
  Signed s = signed_iam_post();
  for (auto& [k, v] : s.req.headers)
    if (k == "X-Amz-Date") v = "20260101T000001Z";
  EXPECT_FALSE(verifies(s.req));
}

TEST(SigV4Verify, UnsignedHeaderMayChange) {
  Signed s = signed_iam_post();
  s.req.headers.emplace_back("User-Agent", "added-after-signing");
  EXPECT_TRUE(verifies(s.req));
}

TEST(SigV4Verify, TamperedPathDoesNotVerify) {
  Signed s = signed_iam_post();
  s.req.path = "/other";
  EXPECT_FALSE(verifies(s.req));
}

TEST(SigV4Verify, TamperedQueryDoesNotVerify) {
  Signed s = signed_iam_post();
  s.req.query = "x=1";
  EXPECT_FALSE(verifies(s.req));
}

TEST(SigV4Verify, EquivalentPathSpellingStillVerifiesOutsideS3) {
  Signed s = signed_iam_post();
  s.req.path = "/./";  // normalises to "/" for every service but S3
  EXPECT_TRUE(verifies(s.req));
}

TEST(SigV4Verify, S3BodyIsBoundThroughContentSha256) {
  std::string body = "hello";
  SignableRequest req{"PUT", "/bucket/key", "", {{"Host", "localhost:4566"}}, body};
  sign_request(req, kCreds, "us-east-1", "s3", fixed_now());
  EXPECT_TRUE(verifies(req));
  EXPECT_EQ(req.header("X-Amz-Content-SHA256"),
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  for (auto& [k, v] : req.headers)
    if (k == "X-Amz-Content-SHA256") v = std::string(64, '0');
  EXPECT_FALSE(verifies(req));
}

TEST(SigV4Verify, SessionTokenIsSignedAndReported) {
  Credentials creds = kCreds;
  creds.session_token = "TOKEN";
  SignableRequest req{"GET", "/", "Action=GetCallerIdentity", {{"Host", "sts.amazonaws.com"}}, ""};
  sign_request(req, creds, "us-east-1", "sts", fixed_now());
  SignatureClaim claim;
  std::string why;
  ASSERT_EQ(parse_claim(req, &claim, &why), ClaimProblem::kNone);
  EXPECT_EQ(claim.security_token, "TOKEN");
  EXPECT_TRUE(verifies(req));
  for (auto& [k, v] : req.headers)
    if (k == "X-Amz-Security-Token") v = "OTHER";
  EXPECT_FALSE(verifies(req));
}

SignableRequest presigned(const std::string& service, const std::string& path,
                          const std::string& query) {
  SignableRequest req{"GET", path, query, {{"Host", "localhost:4566"}}, ""};
  req.query = presign_query(req, kCreds, "us-east-1", service, fixed_now(), 900);
  return req;
}

TEST(SigV4Verify, PresignedUrlVerifies) {
  SignableRequest req = presigned("s3", "/bucket/agent.tgz", "");
  SignatureClaim claim;
  std::string why;
  ASSERT_EQ(parse_claim(req, &claim, &why), ClaimProblem::kNone) << why;
  EXPECT_TRUE(claim.presigned);
  EXPECT_EQ(claim.expires_s, 900);
  EXPECT_EQ(claim.signed_headers, (std::vector<std::string>{"host"}));
  EXPECT_TRUE(verifies(req));
}

TEST(SigV4Verify, PresignedNonS3UrlVerifies) {
  EXPECT_TRUE(verifies(presigned("sts", "/", "Action=GetCallerIdentity&Version=2011-06-15")));
}

TEST(SigV4Verify, PresignedUrlWithOtherPathDoesNotVerify) {
  SignableRequest req = presigned("s3", "/bucket/agent.tgz", "");
  req.path = "/bucket/other.tgz";
  EXPECT_FALSE(verifies(req));
}

TEST(SigV4Verify, PresignedUrlWithChangedExpiryDoesNotVerify) {
  SignableRequest req = presigned("s3", "/bucket/agent.tgz", "versionId=1");
  Params p = parse_query(req.query);
  for (auto& [k, v] : p)
    if (k == "X-Amz-Expires") v = "604800";
  req.query = encode_query(p);
  EXPECT_FALSE(verifies(req));
}

TEST(SigV4Verify, PresignedUrlWithAddedParameterDoesNotVerify) {
  SignableRequest req = presigned("s3", "/bucket/agent.tgz", "");
  req.query += "&response-content-type=text%2Fhtml";
  EXPECT_FALSE(verifies(req));
}

TEST(SigV4Verify, NoAuthenticationIsMissing) {
  SignableRequest req{"GET", "/", "", {{"Host", "h"}}, ""};
  SignatureClaim claim;
  std::string why;
  EXPECT_EQ(parse_claim(req, &claim, &why), ClaimProblem::kMissing);
}

TEST(SigV4Verify, OtherAlgorithmIsMalformed) {
  SignableRequest req{"GET", "/", "", {{"Host", "h"}, {"Authorization", "AWS AKID:sig"}}, ""};
  SignatureClaim claim;
  std::string why;
  EXPECT_EQ(parse_claim(req, &claim, &why), ClaimProblem::kMalformed);
  EXPECT_FALSE(why.empty());
}

TEST(SigV4Verify, CredentialWithoutScopeIsMalformed) {
  SignableRequest req{"GET",
                      "/",
                      "",
                      {{"Host", "h"},
                       {"X-Amz-Date", "20260101T000000Z"},
                       {"Authorization",
                        "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1, "
                        "SignedHeaders=host, Signature=00"}},
                      ""};
  SignatureClaim claim;
  std::string why;
  EXPECT_EQ(parse_claim(req, &claim, &why), ClaimProblem::kMalformed);
}

TEST(SigV4Verify, KnownVectorFromAwsDocumentation) {
  // The "GET /?Action=ListUsers" example of the IAM User Guide's SigV4 walkthrough.
  SignableRequest req{"GET",
                      "/",
                      "Action=ListUsers&Version=2010-05-08",
                      {{"Host", "iam.amazonaws.com"},
                       {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
                      ""};
  sign_request(req, kCreds, "us-east-1", "iam", *parse_amz_date("20150830T123600Z"));
  EXPECT_EQ(req.header("Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-date, "
            "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
}

}  // namespace
}  // namespace opsreg::aws
