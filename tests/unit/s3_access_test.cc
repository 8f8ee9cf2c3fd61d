// Who may read S3: anonymous callers only in public-read buckets (GetObject, HeadObject,
// ListObjectsV2), presigned GET URLs, and the agent installer every world starts with.
#include <gtest/gtest.h>
#include <zlib.h>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

struct S3AccessTest : ::testing::Test {
  S3AccessTest() {
    EXPECT_EQ(s3.rest("PUT", "/private-bkt").status, 200);
    EXPECT_EQ(s3.rest("PUT", "/private-bkt/secret.txt", "", "secret").status, 200);
    EXPECT_EQ(s3.rest("PUT", "/opsworks-instance-assets-us-east-1/asset.txt", "", "asset").status,
              200);
  }
  // An unsigned request, as curl sends it.
  http::Response anonymous(const std::string& method, const std::string& path,
                           const std::string& query = "") {
    http::Request r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.headers = {{"Host", "127.0.0.1:1"}, {"User-Agent", "curl/8.0"}};
    return tw.edge->handle(r);
  }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3AccessTest, AnonymousGetInAPublicReadBucketSucceeds) {
  http::Response r = anonymous("GET", "/opsworks-instance-assets-us-east-1/asset.txt");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "asset");
  EXPECT_EQ(anonymous("HEAD", "/opsworks-instance-assets-us-east-1/asset.txt").status, 200);
  r = anonymous("GET", "/opsworks-instance-assets-us-east-1", "list-type=2");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(testing::xml_text(r, "//Contents/Key"), "asset.txt");
}

TEST_F(S3AccessTest, AnonymousMissingKeyInAPublicReadBucketIsNoSuchKey) {
  http::Response r = anonymous("GET", "/opsworks-instance-assets-us-east-1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(testing::error_code(r), "NoSuchKey");
}

TEST_F(S3AccessTest, AnonymousReadOfAPrivateBucketIsAccessDenied) {
  for (auto [method, path, query] : {std::tuple{"GET", "/private-bkt/secret.txt", ""},
                                     std::tuple{"GET", "/private-bkt", "list-type=2"},
                                     std::tuple{"GET", "/private-bkt/missing", ""}}) {
    http::Response r = anonymous(method, path, query);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(testing::error_code(r), "AccessDenied") << path;
  }
  http::Response head = anonymous("HEAD", "/private-bkt/secret.txt");
  EXPECT_EQ(head.status, 403);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(S3AccessTest, AnonymousWritesAreAccessDeniedEvenInPublicBuckets) {
  const std::string bucket = "/opsworks-instance-assets-us-east-1";
  EXPECT_EQ(anonymous("PUT", bucket + "/new").status, 403);
  EXPECT_EQ(anonymous("DELETE", bucket + "/asset.txt").status, 403);
  EXPECT_EQ(anonymous("PUT", "/anon-bucket").status, 403);
  EXPECT_EQ(anonymous("GET", "/").status, 403);
  EXPECT_EQ(s3.rest("GET", bucket + "/asset.txt").body, "asset");
}

TEST_F(S3AccessTest, AnonymousCallerOfAMissingBucketIsNoSuchBucket) {
  http::Response r = anonymous("GET", "/no-such-bucket-here/k");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(testing::error_code(r), "NoSuchBucket");
}

TEST_F(S3AccessTest, AnonymousResponseHeaderOverridesAreInvalidRequest) {
  http::Response r = anonymous("GET", "/opsworks-instance-assets-us-east-1/asset.txt",
                               "response-content-type=text%2Fhtml");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidRequest");
}

http::Request presigned(testing::TestWorld& tw, const std::string& path, int expires_s) {
  http::Request r;
  r.method = "GET";
  r.path = path;
  r.headers = {{"Host", "127.0.0.1:1"}};
  r.query = aws::presign_query(r.signable(), tw.world->operator_credentials(), "us-east-1", "s3",
                               tw.world->now(), expires_s);
  return r;
}

TEST_F(S3AccessTest, PresignedGetReadsAPrivateObject) {
  http::Response r = tw.edge->handle(presigned(tw, "/private-bkt/secret.txt", 300));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "secret");
}

TEST_F(S3AccessTest, PresignedGetAfterItsExpiryIsAccessDenied) {
  http::Request req = presigned(tw, "/private-bkt/secret.txt", 60);
  tw.world->advance(std::chrono::minutes(2));
  http::Response r = tw.edge->handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(testing::error_code(r), "AccessDenied");
}

// Un-gzips `tgz` with zlib.
std::string gunzip(const std::string& tgz) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(tgz.data()));
  z.avail_in = static_cast<uInt>(tgz.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

struct TarMember {
  std::string name;
  unsigned mode;
  char type;
  std::string data;
};

// Reads ustar headers, checking magic and header checksums.
std::vector<TarMember> untar(const std::string& tar) {
  std::vector<TarMember> out;
  for (size_t pos = 0; pos + 512 <= tar.size();) {
    const char* h = tar.data() + pos;
    if (h[0] == '\0') break;
    EXPECT_EQ(std::string(h + 257, 6), std::string("ustar\0", 6));
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
      sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
    EXPECT_EQ(std::stoul(std::string(h + 148, 6), nullptr, 8), sum);
    std::string prefix(h + 345, strnlen(h + 345, 155));
    std::string name(h, strnlen(h, 100));
    size_t size = std::stoul(std::string(h + 124, 11), nullptr, 8);
    out.push_back({prefix.empty() ? name : prefix + "/" + name,
                   static_cast<unsigned>(std::stoul(std::string(h + 100, 7), nullptr, 8)), h[156],
                   tar.substr(pos + 512, size)});
    pos += 512 + (size + 511) / 512 * 512;
  }
  return out;
}

TEST_F(S3AccessTest, AgentInstallerIsAPublicGzipUstarWithAnExecutableBootRegistration) {
  const mocks::AgentInstaller& where = tw.world->agent_installer();
  http::Response r = anonymous("GET", "/" + where.bucket + "/" + where.key);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GE(r.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(r.body[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(r.body[1]), 0x8b);
  std::vector<TarMember> members = untar(gunzip(r.body));
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].name, "opsworks-agent-installer/");
  EXPECT_EQ(members[0].type, '5');
  EXPECT_EQ(members[0].mode, 0755u);
  EXPECT_EQ(members[1].name, "opsworks-agent-installer/boot-registration");
  EXPECT_EQ(members[1].type, '0');
  EXPECT_EQ(members[1].mode, 0755u);
  EXPECT_TRUE(members[1].data.starts_with("#!/bin/sh\n"));
  EXPECT_NE(members[1].data.find("agent boot-registration --preconfig"), std::string::npos);
}

TEST_F(S3AccessTest, AgentInstallerBytesAreTheSameInEveryWorld) {
  testing::TestWorld other;
  const mocks::AgentInstaller& where = tw.world->agent_installer();
  std::string path = "/" + where.bucket + "/" + where.key;
  std::string etag(aws::find_header(anonymous("HEAD", path).headers, "ETag"));
  http::Request head;
  head.method = "HEAD";
  head.path = path;
  head.headers = {{"Host", "127.0.0.1:1"}};
  EXPECT_EQ(aws::find_header(other.edge->handle(head).headers, "ETag"), etag);
  EXPECT_FALSE(etag.empty());
}

TEST_F(S3AccessTest, AssetsBucketStartsEmptyAndPublic) {
  testing::TestWorld fresh;
  http::Request r;
  r.method = "GET";
  r.path = "/" + fresh.world->agent_installer().assets_bucket;
  r.query = "list-type=2";
  r.headers = {{"Host", "127.0.0.1:1"}};
  http::Response res = fresh.edge->handle(r);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(testing::xml_text(res, "//KeyCount"), "0");
}

}  // namespace
}  // namespace opsreg
