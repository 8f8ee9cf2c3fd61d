// The fake instance metadata service over a real socket: IMDSv2 tokens (required, TTL on the
// world's clock), the metadata paths, the signed identity document and role credentials.
#include "mocks/imds/imds_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/clock/time_format.h"
#include "mocks/ec2/identity.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::imds {
namespace {

using namespace std::chrono_literals;

class ImdsServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = World::from_file(World::default_world_path(), ClockMode::kVirtual);
    ASSERT_TRUE(w.ok()) << w.error().message;
    world_ = std::move(*w);
  }
  // Starts the IMDS of the world host `name`; role credentials count their issues.
  void start(const std::string& name) {
    for (const auto& h : world_->hosts())
      if (h.name == name) host_ = h;
    ImdsOptions o;
    o.account_id = world_->account_id();
    o.launch_time = *parse_iso8601("2026-01-01T00:00:00Z");
    o.now = [this] { return world_->now(); };
    o.role_credentials = [this](TimePoint now) -> Result<RoleCredentials> {
      ++issued_;
      return RoleCredentials{"ASIAIMDSTEST0000000" + std::to_string(issued_), "secret", "token",
                             now + kRoleSessionDuration};
    };
    auto s = ImdsServer::start(host_, o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    server_ = std::move(*s);
    client_ = std::make_unique<httplib::Client>(server_->url());
  }
  std::string token(const std::string& ttl = "21600") {
    auto r = client_->Put("/latest/api/token", {{"X-aws-ec2-metadata-token-ttl-seconds", ttl}}, "",
                          "text/plain");
    return r && r->status == 200 ? r->body : "";
  }
  // GET with a fresh token; returns "STATUS BODY".
  std::pair<int, std::string> get(const std::string& path) {
    auto r = client_->Get(path, {{"X-aws-ec2-metadata-token", token()}});
    return r ? std::pair{r->status, r->body} : std::pair{0, std::string()};
  }
  std::string body(const std::string& path) { return get(path).second; }

  std::unique_ptr<World> world_;
  WorldHost host_;
  int issued_ = 0;
  std::unique_ptr<ImdsServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ImdsServerTest, GetWithoutATokenIs401) {
  start("ec2-web-1");
  auto r = client_->Get("/latest/meta-data/instance-id");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = client_->Get("/latest/meta-data/instance-id", {{"X-aws-ec2-metadata-token", "made-up"}});
  EXPECT_EQ(r->status, 401);
}

TEST_F(ImdsServerTest, TokenTtlMustBeFrom1To21600Seconds) {
  start("ec2-web-1");
  for (const char* bad : {"0", "21601", "abc", ""}) {
    httplib::Headers h;
    if (*bad) h.emplace("X-aws-ec2-metadata-token-ttl-seconds", bad);
    auto r = client_->Put("/latest/api/token", h, "", "text/plain");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad;
  }
  auto r = client_->Put("/latest/api/token", {{"X-aws-ec2-metadata-token-ttl-seconds", "1"}}, "",
                        "text/plain");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("X-aws-ec2-metadata-token-ttl-seconds"), "1");
}

TEST_F(ImdsServerTest, ATokenExpiresWithTheWorldsClock) {
  start("ec2-web-1");
  std::string t = token("60");
  auto ask = [&] {
    return client_->Get("/latest/meta-data/instance-id", {{"X-aws-ec2-metadata-token", t}})->status;
  };
  EXPECT_EQ(ask(), 200);
  world_->advance(59s);
  EXPECT_EQ(ask(), 200);
  world_->advance(1s);
  EXPECT_EQ(ask(), 401);
}

TEST_F(ImdsServerTest, MetaDataNamesTheInstanceAndItsAddresses) {
  start("ec2-web-1");
  EXPECT_EQ(body("/latest/meta-data/instance-id"), "i-0a1b2c3d4e5f60021");
  EXPECT_EQ(body("/latest/meta-data/local-ipv4"), "10.0.1.21");
  EXPECT_EQ(body("/latest/meta-data/public-ipv4"), "54.210.0.21");
  EXPECT_EQ(body("/latest/meta-data/hostname"), "ip-10-0-1-21.ec2.internal");
  EXPECT_EQ(body("/latest/meta-data/placement/availability-zone"), "us-east-1a");
  EXPECT_EQ(body("/latest/meta-data/placement/region"), "us-east-1");
  EXPECT_EQ(body("/latest/meta-data/block-device-mapping/"), "ami\nebs1\nroot");
  EXPECT_EQ(body("/latest/meta-data/block-device-mapping/ebs1"), "xvdf");
  std::string listing = body("/latest/meta-data/");
  EXPECT_NE(listing.find("instance-id\n"), std::string::npos) << listing;
  EXPECT_EQ(listing.find("iam/"), std::string::npos) << "no instance profile";
  EXPECT_EQ(get("/latest/meta-data/iam/info").first, 404);
  EXPECT_EQ(get("/latest/meta-data/no-such-thing").first, 404);
}

TEST_F(ImdsServerTest, AnInstanceWithoutPublicIpHasNoPublicIpv4) {
  start("ec2-vpc-1");
  EXPECT_EQ(get("/latest/meta-data/public-ipv4").first, 404);
  EXPECT_EQ(body("/latest/meta-data/placement/availability-zone"), "us-east-1b");
}

TEST_F(ImdsServerTest, IdentityDocumentIsSignedByTheWorldsKey) {
  start("ec2-vpc-1");
  std::string doc = body("/latest/dynamic/instance-identity/document");
  std::string sig = body("/latest/dynamic/instance-identity/signature");
  auto j = nlohmann::json::parse(doc);
  EXPECT_EQ(j["instanceId"], "i-0a1b2c3d4e5f60022");
  EXPECT_EQ(j["accountId"], "123456789012");
  EXPECT_EQ(j["availabilityZone"], "us-east-1b");
  EXPECT_EQ(j["instanceType"], "m5.large");
  EXPECT_EQ(j["architecture"], "x86_64");
  EXPECT_EQ(j["privateIp"], "10.0.2.22");
  EXPECT_EQ(j["region"], "us-east-1");
  EXPECT_EQ(j["version"], "2017-09-30");
  EXPECT_EQ(j["pendingTime"], "2026-01-01T00:00:00Z");
  EXPECT_TRUE(ec2::verify_identity_document(doc, sig).ok());
  EXPECT_FALSE(ec2::verify_identity_document(doc + " ", sig).ok());
}

TEST_F(ImdsServerTest, RoleCredentialsAreServedUnderTheRoleName) {
  start("ec2-vpc-1");
  EXPECT_EQ(body("/latest/meta-data/iam/security-credentials/"), "opsworks-instance-role");
  auto info = nlohmann::json::parse(body("/latest/meta-data/iam/info"));
  EXPECT_EQ(info["InstanceProfileArn"],
            "arn:aws:iam::123456789012:instance-profile/opsworks-instance-role");
  auto c = nlohmann::json::parse(
      body("/latest/meta-data/iam/security-credentials/opsworks-instance-role"));
  EXPECT_EQ(c["Code"], "Success");
  EXPECT_EQ(c["Type"], "AWS-HMAC");
  EXPECT_EQ(c["AccessKeyId"], "ASIAIMDSTEST00000001");
  EXPECT_EQ(c["LastUpdated"], format_iso8601(world_->now()));
  EXPECT_EQ(c["Expiration"], format_iso8601(world_->now() + 6h));
  EXPECT_EQ(get("/latest/meta-data/iam/security-credentials/other-role").first, 404);
}

TEST_F(ImdsServerTest, RoleCredentialsRotateWhenLessThanFifteenMinutesAreLeft) {
  start("ec2-vpc-1");
  const std::string path = "/latest/meta-data/iam/security-credentials/opsworks-instance-role";
  auto key = [&] { return nlohmann::json::parse(body(path))["AccessKeyId"].get<std::string>(); };
  EXPECT_EQ(key(), "ASIAIMDSTEST00000001");
  world_->advance(5h + 45min);  // exactly 15 minutes left: still the same set
  EXPECT_EQ(key(), "ASIAIMDSTEST00000001");
  world_->advance(1s);
  EXPECT_EQ(key(), "ASIAIMDSTEST00000002");
  EXPECT_EQ(key(), "ASIAIMDSTEST00000002");
  EXPECT_EQ(issued_, 2);
}

TEST_F(ImdsServerTest, WithoutARoleSessionSourceCredentialsAreNotSuccess) {
  for (const auto& h : world_->hosts())
    if (h.name == "ec2-vpc-1") host_ = h;
  auto s = ImdsServer::start(host_, ImdsOptions{});
  ASSERT_TRUE(s.ok()) << s.error().message;
  httplib::Client c((*s)->url());
  auto t = c.Put("/latest/api/token", {{"X-aws-ec2-metadata-token-ttl-seconds", "60"}}, "",
                 "text/plain");
  auto r = c.Get("/latest/meta-data/iam/security-credentials/opsworks-instance-role",
                 {{"X-aws-ec2-metadata-token", t->body}});
  ASSERT_TRUE(r);
  auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["Code"], "AssumeRoleUnauthorizedAccess");
  EXPECT_EQ(j["Message"], "no role session source");
  EXPECT_FALSE(j.contains("AccessKeyId"));
}

// What `curl -X PUT URL -H "X-aws-ec2-metadata-token-ttl-seconds: 60"` sends: no body and no
// Content-Length. Returns the whole response.
std::string raw_put_token(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "";
  }
  std::string req =
      "PUT /latest/api/token HTTP/1.1\r\nHost: 169.254.169.254\r\n"
      "X-aws-ec2-metadata-token-ttl-seconds: 60\r\nConnection: close\r\n\r\n";
  ssize_t sent = ::send(fd, req.data(), req.size(), 0);
  std::string out;
  char buf[4096];
  for (ssize_t n; sent > 0 && (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
    out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return out;
}

TEST_F(ImdsServerTest, TokenRequestWithoutContentLengthIsAnswered) {
  start("ec2-web-1");
  std::string response = raw_put_token(server_->port());
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200 OK")) << response;
}

TEST_F(ImdsServerTest, TokenRequestsThroughAProxyAreForbidden) {
  start("ec2-web-1");
  auto r = client_->Put(
      "/latest/api/token",
      {{"X-aws-ec2-metadata-token-ttl-seconds", "60"}, {"X-Forwarded-For", "10.0.0.1"}}, "",
      "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
}

}  // namespace
}  // namespace opsreg::mocks::imds
