// Region and endpoint resolution as the AWS CLI does it: --region, AWS_REGION,
// AWS_DEFAULT_REGION, the profile; --endpoint-url, AWS_ENDPOINT_URL_<SERVICE>,
// AWS_ENDPOINT_URL, services sections, the profile's endpoint_url, AWS's defaults.
#include <gtest/gtest.h>

#include "core/http/http_types.h"
#include "tests/unit/config_fixture.h"

namespace opsreg {
namespace {

using config::Service;
using testing::AwsHome;

std::string region_of(AwsHome& home, std::optional<std::string> flag = std::nullopt) {
  config::GlobalFlags flags;
  flags.region = flag;
  auto env = home.load(flags);
  return env.ok() ? (*env)->region() : "error " + env.error().code;
}

// "URL signed-in REGION (source)" or "error CODE".
std::string endpoint_of(AwsHome& home, Service service, const config::GlobalFlags& flags = {},
                        const config::ServiceOptions& options = {}) {
  auto env = home.load(flags);
  if (!env.ok()) return "error " + env.error().code;
  auto ep = (*env)->endpoint(service, options);
  if (!ep.ok()) return "error " + ep.error().code;
  return ep->url + " " + ep->signing_region + " (" + ep->source + ")";
}

TEST(ClientsRegion, PrecedenceFlagThenAwsRegionThenDefaultRegionThenProfile) {
  AwsHome home;
  EXPECT_EQ(region_of(home), "");
  home.config("[default]\nregion = eu-west-3\n");
  EXPECT_EQ(region_of(home), "eu-west-3");
  home.vars["AWS_DEFAULT_REGION"] = "eu-west-2";
  EXPECT_EQ(region_of(home), "eu-west-2");
  home.vars["AWS_REGION"] = "eu-west-1";
  EXPECT_EQ(region_of(home), "eu-west-1");
  EXPECT_EQ(region_of(home, "ap-northeast-1"), "ap-northeast-1");
}

TEST(ClientsRegion, NamedProfileRegion) {
  AwsHome home;
  home.config("[default]\nregion = us-east-1\n[profile dev]\nregion = sa-east-1\n");
  home.vars["AWS_PROFILE"] = "dev";
  EXPECT_EQ(region_of(home), "sa-east-1");
}

TEST(ClientsEndpoint, DefaultsAreTheRealAwsEndpoints) {
  AwsHome home;
  home.vars["AWS_DEFAULT_REGION"] = "eu-west-1";
  EXPECT_EQ(endpoint_of(home, Service::kIam), "https://iam.amazonaws.com us-east-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kSts),
            "https://sts.eu-west-1.amazonaws.com eu-west-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kOpsWorks),
            "https://opsworks.eu-west-1.amazonaws.com eu-west-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kS3),
            "https://s3.eu-west-1.amazonaws.com eu-west-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kEc2),
            "https://ec2.eu-west-1.amazonaws.com eu-west-1 (default)");
}

TEST(ClientsEndpoint, WithoutRegionGlobalServicesWorkAndRegionalOnesFail) {
  AwsHome home;
  EXPECT_EQ(endpoint_of(home, Service::kIam), "https://iam.amazonaws.com us-east-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kSts), "https://sts.amazonaws.com us-east-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kS3), "https://s3.amazonaws.com us-east-1 (default)");
  EXPECT_EQ(endpoint_of(home, Service::kOpsWorks), "error NoRegion");
  EXPECT_EQ(endpoint_of(home, Service::kEc2), "error NoRegion");
}

TEST(ClientsEndpoint, NoRegionMessageIsTheCli) {
  AwsHome home;
  auto env = home.load();
  auto ep = (*env)->endpoint(Service::kOpsWorks);
  ASSERT_FALSE(ep.ok());
  EXPECT_EQ(ep.error().message,
            "You must specify a region. You can also configure your region by running \"aws "
            "configure\".");
}

TEST(ClientsEndpoint, PrecedenceFlagServiceEnvGlobalEnvServicesSectionProfile) {
  AwsHome home;
  home.vars["AWS_REGION"] = "us-west-2";
  home.config(
      "[default]\nendpoint_url = http://profile:1\nservices = local\n"
      "[services local]\niam =\n  endpoint_url = http://services-iam:2\n");
  EXPECT_EQ(endpoint_of(home, Service::kIam), "http://services-iam:2 us-west-2 (config-service)");
  EXPECT_EQ(endpoint_of(home, Service::kSts), "http://profile:1 us-west-2 (config-global)");
  home.vars["AWS_ENDPOINT_URL"] = "http://global-env:3";
  EXPECT_EQ(endpoint_of(home, Service::kIam), "http://global-env:3 us-west-2 (env-global)");
  home.vars["AWS_ENDPOINT_URL_IAM"] = "http://iam-env:4";
  EXPECT_EQ(endpoint_of(home, Service::kIam), "http://iam-env:4 us-west-2 (env-service)");
  EXPECT_EQ(endpoint_of(home, Service::kSts), "http://global-env:3 us-west-2 (env-global)");
  config::GlobalFlags flags;
  flags.endpoint_url = "http://flag:5";
  EXPECT_EQ(endpoint_of(home, Service::kIam, flags), "http://flag:5 us-west-2 (flag)");
}

TEST(ClientsEndpoint, ServiceVariablesNameEachService) {
  AwsHome home;
  home.vars["AWS_REGION"] = "us-east-1";
  home.vars["AWS_ENDPOINT_URL_OPSWORKS"] = "http://ow:1";
  home.vars["AWS_ENDPOINT_URL_S3"] = "http://s3:1";
  home.vars["AWS_ENDPOINT_URL_STS"] = "http://sts:1";
  home.vars["AWS_ENDPOINT_URL_EC2"] = "http://ec2:1";
  home.vars["AWS_ENDPOINT_URL_IAM"] = "http://iam:1";
  EXPECT_EQ(endpoint_of(home, Service::kOpsWorks), "http://ow:1 us-east-1 (env-service)");
  EXPECT_EQ(endpoint_of(home, Service::kS3), "http://s3:1 us-east-1 (env-service)");
  EXPECT_EQ(endpoint_of(home, Service::kSts), "http://sts:1 us-east-1 (env-service)");
  EXPECT_EQ(endpoint_of(home, Service::kEc2), "http://ec2:1 us-east-1 (env-service)");
  EXPECT_EQ(endpoint_of(home, Service::kIam), "http://iam:1 us-east-1 (env-service)");
}

TEST(ClientsEndpoint, IgnoreConfiguredEndpointUrlsKeepsOnlyTheFlag) {
  AwsHome home;
  home.vars["AWS_REGION"] = "us-east-1";
  home.vars["AWS_ENDPOINT_URL"] = "http://global-env:3";
  home.vars["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
  EXPECT_EQ(endpoint_of(home, Service::kOpsWorks),
            "https://opsworks.us-east-1.amazonaws.com us-east-1 (default)");
  config::GlobalFlags flags;
  flags.endpoint_url = "http://flag:5";
  EXPECT_EQ(endpoint_of(home, Service::kOpsWorks, flags), "http://flag:5 us-east-1 (flag)");
}

TEST(ClientsEndpoint, IgnoreSettingInProfileAndVariableOverride) {
  AwsHome home;
  home.vars["AWS_REGION"] = "us-east-1";
  home.config(
      "[default]\nendpoint_url = http://profile:1\nignore_configured_endpoint_urls = true\n");
  EXPECT_EQ(endpoint_of(home, Service::kSts),
            "https://sts.us-east-1.amazonaws.com us-east-1 (default)");
  home.vars["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "false";
  EXPECT_EQ(endpoint_of(home, Service::kSts), "http://profile:1 us-east-1 (config-global)");
}

TEST(ClientsEndpoint, ClientCanDeclineTheFlagAndChooseItsRegion) {
  AwsHome home;
  home.vars["AWS_REGION"] = "us-east-1";
  home.vars["AWS_ENDPOINT_URL_EC2"] = "http://ec2:1";
  config::GlobalFlags flags;
  flags.endpoint_url = "http://flag:5";
  config::ServiceOptions options;
  options.use_endpoint_flag = false;
  options.region = "eu-north-1";
  EXPECT_EQ(endpoint_of(home, Service::kEc2, flags, options),
            "http://ec2:1 eu-north-1 (env-service)");
  EXPECT_EQ(endpoint_of(home, Service::kIam, flags, options),
            "https://iam.amazonaws.com us-east-1 (default)");
}

TEST(ClientsEndpoint, CustomEndpointWithoutRegionNeedsOneExceptS3) {
  AwsHome home;
  home.vars["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";
  EXPECT_EQ(endpoint_of(home, Service::kIam), "error NoRegion");
  EXPECT_EQ(endpoint_of(home, Service::kS3), "http://127.0.0.1:9 us-east-1 (env-global)");
}

TEST(ClientsEndpoint, MissingServicesSectionIsInvalidConfig) {
  AwsHome home;
  home.vars["AWS_REGION"] = "us-east-1";
  home.config("[default]\nservices = absent\n");
  EXPECT_EQ(endpoint_of(home, Service::kIam), "error InvalidConfigError");
}

TEST(ClientsEndpoint, BadEndpointFlagIsRejectedAtLoad) {
  AwsHome home;
  config::GlobalFlags flags;
  flags.endpoint_url = "localhost:4566";
  auto env = home.load(flags);
  ASSERT_FALSE(env.ok());
  EXPECT_NE(env.error().message.find("Bad value for --endpoint-url"), std::string::npos);
}

TEST(ClientsEndpoint, CaBundleFromEnvironmentOrProfile) {
  AwsHome home;
  home.config("[default]\nca_bundle = ~/corp.pem\n");
  EXPECT_EQ((*home.load())->ca_bundle(), home.dir() + "/corp.pem");
  home.vars["AWS_CA_BUNDLE"] = "/etc/custom.pem";
  EXPECT_EQ((*home.load())->ca_bundle(), "/etc/custom.pem");
}

TEST(ClientsUrl, ParsesSchemeHostPortAndBasePath) {
  auto u = http::parse_url("http://127.0.0.1:4566/base/");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->scheme, "http");
  EXPECT_EQ(u->host, "127.0.0.1");
  EXPECT_EQ(u->port, 4566);
  EXPECT_EQ(u->base_path, "/base");
  EXPECT_EQ(u->host_header(), "127.0.0.1:4566");
  auto s = http::parse_url("https://iam.amazonaws.com");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->port, 443);
  EXPECT_EQ(s->host_header(), "iam.amazonaws.com");
  EXPECT_EQ(s->origin(), "https://iam.amazonaws.com");
  auto v6 = http::parse_url("http://[::1]:9000");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->host_header(), "[::1]:9000");
  EXPECT_FALSE(http::parse_url("ftp://x").ok());
  EXPECT_FALSE(http::parse_url("http://x:notaport").ok());
  EXPECT_FALSE(http::parse_url("http://").ok());
}

}  // namespace
}  // namespace opsreg
