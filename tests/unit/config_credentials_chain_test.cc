// The credential chain as the AWS CLI walks it: explicit, environment (unless --profile),
// shared credentials file, config file; profile selection and its errors.
#include <gtest/gtest.h>

#include "tests/unit/config_fixture.h"

namespace opsreg {
namespace {

using testing::AwsHome;

// The credentials and their source, or the error code.
std::string who(AwsHome& home, const config::GlobalFlags& flags = {}) {
  auto env = home.load(flags);
  if (!env.ok()) return "error " + env.error().code;
  auto creds = (*env)->credentials();
  if (!creds.ok()) return "error " + creds.error().code;
  return creds->access_key_id + " from " + (*env)->credentials_source();
}

TEST(ClientsCredentials, EnvironmentKeysAreUsed) {
  AwsHome home;
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "secret";
  home.vars["AWS_SESSION_TOKEN"] = "token";
  auto env = home.load();
  ASSERT_TRUE(env.ok());
  auto creds = (*env)->credentials();
  ASSERT_TRUE(creds.ok());
  EXPECT_EQ(creds->access_key_id, "AKIDENV");
  EXPECT_EQ(creds->secret_access_key, "secret");
  EXPECT_EQ(creds->session_token, "token");
  EXPECT_EQ((*env)->credentials_source(), "env");
}

TEST(ClientsCredentials, EnvironmentBeatsTheDefaultProfile) {
  AwsHome home;
  home.credentials("[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "s";
  EXPECT_EQ(who(home), "AKIDENV from env");
}

TEST(ClientsCredentials, AwsProfileVariableDoesNotHideEnvironmentKeys) {
  AwsHome home;
  home.credentials("[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n");
  home.vars["AWS_PROFILE"] = "dev";
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "s";
  EXPECT_EQ(who(home), "AKIDENV from env");
}

TEST(ClientsCredentials, ProfileFlagHidesEnvironmentKeys) {
  AwsHome home;
  home.credentials("[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n");
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "s";
  config::GlobalFlags flags;
  flags.profile = "dev";
  EXPECT_EQ(who(home, flags), "AKIDDEV from shared-credentials-file");
}

TEST(ClientsCredentials, ProfileFlagBeatsAwsProfileVariable) {
  AwsHome home;
  home.credentials(
      "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n"
      "[prod]\naws_access_key_id = AKIDPROD\naws_secret_access_key = s\n");
  home.vars["AWS_PROFILE"] = "dev";
  config::GlobalFlags flags;
  flags.profile = "prod";
  EXPECT_EQ(who(home, flags), "AKIDPROD from shared-credentials-file");
  EXPECT_EQ(who(home), "AKIDDEV from shared-credentials-file");
}

TEST(ClientsCredentials, CredentialsFileBeatsConfigFile) {
  AwsHome home;
  home.credentials("[default]\naws_access_key_id = AKIDCRED\naws_secret_access_key = s\n");
  home.config("[default]\naws_access_key_id = AKIDCONF\naws_secret_access_key = s\n");
  EXPECT_EQ(who(home), "AKIDCRED from shared-credentials-file");
}

TEST(ClientsCredentials, ConfigFileProfileSectionIsUsed) {
  AwsHome home;
  home.config(
      "[profile dev]\naws_access_key_id = AKIDCONF\naws_secret_access_key = s\n"
      "aws_session_token = t\n");
  home.vars["AWS_PROFILE"] = "dev";
  EXPECT_EQ(who(home), "AKIDCONF from config-file");
}

TEST(ClientsCredentials, ConfigSectionWithoutProfilePrefixIsNotAProfile) {
  AwsHome home;
  home.config("[dev]\naws_access_key_id = AKIDCONF\naws_secret_access_key = s\n");
  config::GlobalFlags flags;
  flags.profile = "dev";
  EXPECT_EQ(who(home, flags), "error ProfileNotFound");
}

TEST(ClientsCredentials, UnknownProfileIsProfileNotFound) {
  AwsHome home;
  config::GlobalFlags flags;
  flags.profile = "nosuch";
  auto env = home.load(flags);
  ASSERT_FALSE(env.ok());
  EXPECT_EQ(env.error().code, "ProfileNotFound");
  EXPECT_EQ(env.error().message, "The config profile (nosuch) could not be found");
}

TEST(ClientsCredentials, UnknownProfileFromAwsProfileIsProfileNotFound) {
  AwsHome home;
  home.vars["AWS_PROFILE"] = "ghost";
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "s";
  EXPECT_EQ(who(home), "error ProfileNotFound");
}

TEST(ClientsCredentials, MissingDefaultProfileIsNotAnError) {
  AwsHome home;
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "s";
  EXPECT_EQ(who(home), "AKIDENV from env");
}

TEST(ClientsCredentials, NothingAnywhereIsUnableToLocateCredentials) {
  AwsHome home;
  auto env = home.load();
  ASSERT_TRUE(env.ok()) << "the environment loads; the error comes when credentials are used";
  auto creds = (*env)->credentials();
  ASSERT_FALSE(creds.ok());
  EXPECT_EQ(creds.error().code, "NoCredentials");
  EXPECT_EQ(creds.error().message,
            "Unable to locate credentials. You can configure credentials by running \"aws "
            "configure\".");
  EXPECT_FALSE((*env)->service(config::Service::kIam).ok());
}

TEST(ClientsCredentials, KeyWithoutSecretInEnvironmentIsPartialCredentials) {
  AwsHome home;
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.credentials("[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
  auto env = home.load();
  ASSERT_TRUE(env.ok());
  auto creds = (*env)->credentials();
  ASSERT_FALSE(creds.ok());
  EXPECT_EQ(creds.error().message,
            "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
}

TEST(ClientsCredentials, KeyWithoutSecretInFileIsPartialCredentials) {
  AwsHome home;
  home.credentials("[default]\naws_access_key_id = AKIDFILE\n");
  auto creds = (*home.load())->credentials();
  ASSERT_FALSE(creds.ok());
  EXPECT_EQ(creds.error().message,
            "Partial credentials found in shared-credentials-file, missing: "
            "aws_secret_access_key");
}

TEST(ClientsCredentials, EmptyEnvironmentKeyIsIgnored) {
  AwsHome home;
  home.vars["AWS_ACCESS_KEY_ID"] = "";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "";
  home.credentials("[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
  EXPECT_EQ(who(home), "AKIDFILE from shared-credentials-file");
}

TEST(ClientsCredentials, FileLocationsComeFromTheEnvironment) {
  AwsHome home;
  std::string creds = home.write(
      "elsewhere/creds", "[ops]\naws_access_key_id = AKIDELSE\naws_secret_access_key = s\n");
  home.write("elsewhere/conf", "[profile ops]\nregion = eu-central-1\n");
  home.vars["AWS_SHARED_CREDENTIALS_FILE"] = creds;
  home.vars["AWS_CONFIG_FILE"] = "~/elsewhere/conf";
  home.vars["AWS_PROFILE"] = "ops";
  auto env = home.load();
  ASSERT_TRUE(env.ok()) << env.error().message;
  EXPECT_EQ((*env)->credentials()->access_key_id, "AKIDELSE");
  EXPECT_EQ((*env)->region(), "eu-central-1");
}

TEST(ClientsCredentials, SessionTokenFromTheCredentialsFile) {
  AwsHome home;
  home.credentials(
      "[default]\naws_access_key_id = ASIATEMP\naws_secret_access_key = s\n"
      "aws_session_token = FwoGZXIvYXdzEB\n");
  EXPECT_EQ((*home.load())->credentials()->session_token, "FwoGZXIvYXdzEB");
}

TEST(ClientsCredentials, ExplicitCredentialsBeatEverything) {
  AwsHome home;
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "s";
  config::GlobalFlags flags;
  flags.credentials = aws::Credentials{"AKIDEXPLICIT", "s", ""};
  EXPECT_EQ(who(home, flags), "AKIDEXPLICIT from explicit");
}

TEST(ClientsCredentials, MalformedConfigFileIsAnError) {
  AwsHome home;
  home.config("region = us-east-1\n");
  auto env = home.load();
  ASSERT_FALSE(env.ok());
  EXPECT_EQ(env.error().code, "ConfigParseError");
}

}  // namespace
}  // namespace opsreg
