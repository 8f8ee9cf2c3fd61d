// `opsreg register` arguments: parsing like the AWS CLI and the usage checks of
// `aws opsworks register` with its messages (docs/register.md §1).
#include <gtest/gtest.h>

#include "core/register/arguments.h"

namespace opsreg::registration {
namespace {

using Words = std::vector<std::string>;

Words with_required(Words extra) {
  Words w = {"--stack-id", "S", "--infrastructure-class", "on-premises"};
  w.insert(w.end(), extra.begin(), extra.end());
  return w;
}

// The usage error of parsing then validating on Linux; "" when the arguments are fine.
std::string problem(const Words& words, std::string_view system = "Linux") {
  auto args = parse_arguments(words);
  if (!args.ok()) {
    EXPECT_EQ(args.error().code, kUsageError);
    return args.error().message;
  }
  Status s = validate(*args, system);
  if (!s.ok()) {
    EXPECT_EQ(s.error().code, kUsageError);
    return s.error().message;
  }
  return "";
}

TEST(RegisterArguments, ParsesFlagsValuesAndTarget) {
  auto a = parse_arguments({"--stack-id=S1",
                            "--infrastructure-class",
                            "on-premises",
                            "host1",
                            "--override-hostname",
                            "web1",
                            "--ssh-username",
                            "ubuntu",
                            "--ssh-private-key",
                            "k.pem",
                            "--debug",
                            "--output",
                            "json",
                            "--mock=w.json",
                            "--ssh-config",
                            "cfg",
                            "--region",
                            "us-east-1",
                            "--endpoint-url",
                            "http://127.0.0.1:1",
                            "--profile",
                            "p"});
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->stack_id, "S1");
  EXPECT_EQ(a->infrastructure_class, "on-premises");
  EXPECT_EQ(a->target, "host1");
  EXPECT_EQ(a->override_hostname, "web1");
  EXPECT_EQ(a->ssh_username, "ubuntu");
  EXPECT_EQ(a->ssh_private_key, "k.pem");
  EXPECT_TRUE(a->debug);
  EXPECT_EQ(a->output, "json");
  EXPECT_TRUE(a->mock);
  EXPECT_EQ(a->mock_world, "w.json");
  EXPECT_EQ(a->ssh_config, "cfg");
  EXPECT_EQ(a->region, "us-east-1");
  EXPECT_EQ(a->endpoint_url, "http://127.0.0.1:1");
  EXPECT_EQ(a->profile, "p");
  EXPECT_FALSE(a->local);
}

TEST(RegisterArguments, MockWithoutWorldUsesDefault) {
  auto a = parse_arguments(with_required({"--mock", "h"}));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->mock);
  EXPECT_FALSE(a->mock_world);
  EXPECT_EQ(a->target, "h");
}

TEST(RegisterArguments, ParseErrorsUseAwsCliWording) {
  EXPECT_EQ(problem({"host"}),
            "the following arguments are required: --stack-id, --infrastructure-class");
  EXPECT_EQ(problem({"--stack-id", "S", "host"}),
            "the following arguments are required: --infrastructure-class");
  EXPECT_EQ(problem({"--stack-id", "S", "--infrastructure-class", "vm", "h"}),
            "argument --infrastructure-class: Invalid choice, valid choices are: ec2 | "
            "on-premises");
  EXPECT_EQ(problem(with_required({"h", "--ssh-username"})),
            "argument --ssh-username: expected one argument");
  EXPECT_EQ(problem(with_required({"h", "--bogus"})), "Unknown options: --bogus");
  EXPECT_EQ(problem(with_required({"h", "extra"})), "Unknown options: extra");
  EXPECT_EQ(problem(with_required({"h", "--output", "yaml"})),
            "argument --output: Invalid choice, valid choices are: json | text");
}

// A mistyped required flag is named as unknown, not reported as missing (the AWS CLI would say
// "--stack-id is required"), with the flag it is close to; the list is joined by ',' as the
// AWS CLI joins it.
TEST(RegisterArguments, UnknownOptionsComeFirstWithTheNearestFlag) {
  EXPECT_EQ(problem({"--stack-idd", "X", "--infrastructure-class", "ec2"}),
            "Unknown options: --stack-idd (did you mean '--stack-id'?)");
  EXPECT_EQ(problem({"--stack-idd=X", "--infrastructure-class", "ec2", "h"}),
            "Unknown options: --stack-idd=X (did you mean '--stack-id'?)");
  EXPECT_EQ(problem({"--stack-idd", "X", "--ovveride-hostname", "n"}),
            "Unknown options: --stack-idd,--ovveride-hostname,n (did you mean '--stack-id' for "
            "'--stack-idd', '--override-hostname' for '--ovveride-hostname'?)");
  EXPECT_EQ(problem(with_required({"h", "--frobnicate"})), "Unknown options: --frobnicate");
  // A switch given a value is not a known flag either: --no-verify-ssl takes none.
  EXPECT_EQ(problem(with_required({"h", "--no-verify-ssl=1"})),
            "Unknown options: --no-verify-ssl=1 (did you mean '--no-verify-ssl'?)");
}

TEST(RegisterArguments, EveryListedFlagIsAccepted) {
  std::vector<std::string> names = flag_names();
  ASSERT_GE(names.size(), 18u);
  for (const std::string& flag : names) {
    Words words = with_required({"h"});
    if (flag != "--stack-id" && flag != "--infrastructure-class") words.push_back(flag);
    if (flag == "--output") words.push_back("json");
    auto args = parse_arguments(words);
    // A flag that needs a value and has none says so; none is unknown.
    if (!args.ok()) {
      EXPECT_EQ(args.error().message, "argument " + flag + ": expected one argument") << flag;
    }
  }
}

TEST(RegisterArguments, ExactlyOneOfTargetAndLocal) {
  EXPECT_EQ(problem(with_required({})), "One of target or --local is required.");
  EXPECT_EQ(problem(with_required({"h", "--local"})),
            "Arguments target and --local are mutually exclusive.");
  EXPECT_EQ(problem(with_required({"--local"})), "");
}

TEST(RegisterArguments, LocalOnlyOnLinux) {
  EXPECT_EQ(problem(with_required({"--local"}), "Darwin"),
            "Non-Linux instances are not supported by AWS OpsWorks.");
  EXPECT_EQ(problem(with_required({"h"}), "Darwin"), "");  // a remote target is fine
}

TEST(RegisterArguments, OverrideSshExcludesUsernameAndKey) {
  const char* msg =
      "Argument --override-ssh cannot be used together with --ssh-username or "
      "--ssh-private-key.";
  EXPECT_EQ(problem(with_required({"h", "--override-ssh", "ssh -p 22", "--ssh-username", "u"})),
            msg);
  EXPECT_EQ(problem(with_required({"h", "--override-ssh", "ssh", "--ssh-private-key", "k"})), msg);
  EXPECT_EQ(problem(with_required({"h", "--override-ssh", "ssh -p 2222 h"})), "");
}

TEST(RegisterArguments, Ec2ExcludesIpOverrides) {
  Words ec2 = {"--stack-id", "S", "--infrastructure-class", "ec2", "i-0123"};
  Words a = ec2, b = ec2, c = ec2;
  a.insert(a.end(), {"--override-private-ip", "10.0.0.1"});
  b.insert(b.end(), {"--override-public-ip", "1.2.3.4"});
  c.insert(c.end(), {"--use-instance-profile"});
  EXPECT_EQ(problem(a), "--override-private-ip is not supported for EC2.");
  EXPECT_EQ(problem(b), "--override-public-ip is not supported for EC2.");
  EXPECT_EQ(problem(c), "");
}

TEST(RegisterArguments, OnPremisesExcludesInstanceProfile) {
  EXPECT_EQ(problem(with_required({"h", "--use-instance-profile"})),
            "--use-instance-profile is only supported for EC2.");
}

TEST(RegisterArguments, OverrideHostnameIsLettersDigitsDashes) {
  for (const char* ok : {"web1", "WEB-1", "a", "0-0",
                         "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"
                         "qrstuvwxyz0123456789a"})
    EXPECT_EQ(problem(with_required({"h", "--override-hostname", ok})), "") << ok;
  for (const char* bad : {"-web", "web-", "web_1", "web.example.com", "w b"})
    EXPECT_EQ(problem(with_required({"h", "--override-hostname", bad})),
              std::string("Invalid hostname: '") + bad +
                  "'. Hostnames must consist of letters, digits and dashes only and must not "
                  "start or end with a dash.")
        << bad;
  EXPECT_FALSE(valid_hostname(std::string(64, 'a')));
  EXPECT_TRUE(valid_hostname(std::string(63, 'a')));
}

TEST(RegisterArguments, ChecksRunInTheReferenceOrder) {
  // Both --local with a target and a bad hostname: the target/--local rule comes first.
  EXPECT_EQ(problem(with_required({"h", "--local", "--override-hostname", "-x"})),
            "Arguments target and --local are mutually exclusive.");
}

}  // namespace
}  // namespace opsreg::registration
