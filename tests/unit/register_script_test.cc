// The preconfig file and the remote script `register` sends (docs/register.md, step 8),
// rendered for a fixed input; the script is checked with `sh -n`, and the ssh command line's
// words.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "core/register/preconfig.h"
#include "core/register/remote_script.h"

namespace opsreg::registration {
namespace {

PreconfigInput sample_input() {
  PreconfigInput in;
  in.stack_id = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";
  in.parameters = {{"assets_download_bucket", "opsworks-instance-assets-us-east-1"},
                   {"agent_installer_base_url", "http://127.0.0.1:8080/agent"},
                   {"verbose", "false"}};
  in.access_key_id = "AKIAEXAMPLE000000001";
  in.secret_access_key = "secret/Key+0000";
  in.hostname = "web1";
  in.private_ip = "10.0.0.5";
  in.import = false;
  return in;
}

TEST(RegisterPreconfig, OneLinePerParameterSortedByKeyWithJsonValues) {
  EXPECT_EQ(render_preconfig(preconfig_values(sample_input())),
            ":access_key_id: \"AKIAEXAMPLE000000001\"\n"
            ":agent_installer_base_url: \"http://127.0.0.1:8080/agent\"\n"
            ":assets_download_bucket: \"opsworks-instance-assets-us-east-1\"\n"
            ":hostname: \"web1\"\n"
            ":import: false\n"
            ":private_ip: \"10.0.0.5\"\n"
            ":secret_access_key: \"secret/Key+0000\"\n"
            ":stack_id: \"2f18b4cb-4de5-4429-a149-ff7da9f0d8ee\"\n"
            ":verbose: \"false\"");
}

TEST(RegisterPreconfig, NoKeyNoOverridesAndImportForEc2) {
  PreconfigInput in;
  in.stack_id = "S";
  in.import = true;
  EXPECT_EQ(render_preconfig(preconfig_values(in)), ":import: true\n:stack_id: \"S\"");
}

TEST(RegisterPreconfig, ValuesAreAsciiJsonLikePythonJsonDumps) {
  PreconfigValues v = {{"a", "caf\xc3\xa9 \"q\" \\ \n"}};
  EXPECT_EQ(render_preconfig(v), ":a: \"caf\\u00e9 \\\"q\\\" \\\\ \\n\"");
}

TEST(RegisterPreconfig, ParsesBackWhatItRenders) {
  PreconfigValues values = preconfig_values(sample_input());
  auto parsed = parse_preconfig(render_preconfig(values) + "\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, values);
  EXPECT_EQ(parse_preconfig("nonsense").error().code, "InvalidPreconfig");
  EXPECT_EQ(parse_preconfig(":a: {unclosed").error().code, "InvalidPreconfig");
}

TEST(RegisterPreconfig, RedactedHidesOnlyTheSecret) {
  PreconfigValues r = redacted(preconfig_values(sample_input()));
  EXPECT_EQ(r["secret_access_key"], "REDACTED");
  EXPECT_EQ(r["access_key_id"], "AKIAEXAMPLE000000001");
}

RemoteScriptInput script_input() {
  return {"http://127.0.0.1:8080/opsworks-instance-agent-us-east-1/installer/a.tgz",
          render_preconfig(preconfig_values(sample_input())), "opsworks-instance-assets-us-east-1"};
}

TEST(RegisterRemoteScript, RendersTheInstallerSteps) {
  EXPECT_EQ(render_remote_script(script_input()),
            "set -e\n"
            "umask 007\n"
            "AGENT_TMP_DIR=$(mktemp -d \"${TMPDIR:-/tmp}/opsworks-agent-installer."
            "XXXXXXXXXXXXXXXX\")\n"
            "curl --retry 5 -L "
            "http://127.0.0.1:8080/opsworks-instance-agent-us-east-1/installer/a.tgz"
            " | tar xz -C $AGENT_TMP_DIR\n"
            "cat >$AGENT_TMP_DIR/opsworks-agent-installer/preconfig <<'EOF'\n" +
                script_input().preconfig +
                "\n"
                "EOF\n"
                "exec sudo /bin/sh -c \"\\\n"
                "OPSWORKS_ASSETS_DOWNLOAD_BUCKET=opsworks-instance-assets-us-east-1 \\\n"
                "$AGENT_TMP_DIR/opsworks-agent-installer/boot-registration; \\\n"
                "status=\\$?; rm -rf $AGENT_TMP_DIR; exit \\$status\"\n");
}

TEST(RegisterRemoteScript, IsValidShSyntax) {
  std::string path = ::testing::TempDir() + "/register_script_test.sh";
  std::ofstream(path) << render_remote_script(script_input());
  EXPECT_EQ(std::system(("sh -n " + path).c_str()), 0);
  std::remove(path.c_str());
}

TEST(RegisterRemoteScript, RedactedScriptHasNoSecret) {
  std::string s = redacted_script(script_input());
  EXPECT_EQ(s.find("secret/Key+0000"), std::string::npos);
  EXPECT_NE(s.find(":secret_access_key: \"REDACTED\""), std::string::npos);
}

TEST(RegisterRemoteScript, SshArgvAsTheReference) {
  auto argv = ssh_argv("", "ubuntu", "k.pem", "10.0.0.5", "echo 'hi'");
  ASSERT_TRUE(argv.ok());
  EXPECT_EQ(*argv, (std::vector<std::string>{"ssh", "-tt", "-l", "ubuntu", "-i", "k.pem",
                                             "10.0.0.5", "/bin/sh -c 'echo '\\''hi'\\'''"}));
  auto plain = ssh_argv("", "", "", "h", "true");
  EXPECT_EQ(*plain, (std::vector<std::string>{"ssh", "-tt", "h", "/bin/sh -c 'true'"}));
  auto over = ssh_argv("ssh -p 2222 -o 'User=a b' host", "", "", "ignored", "true");
  EXPECT_EQ(*over, (std::vector<std::string>{"ssh", "-p", "2222", "-o", "User=a b", "host",
                                             "/bin/sh -c 'true'"}));
}

TEST(RegisterRemoteScript, SplitWordsLikeShlex) {
  EXPECT_EQ(*split_words(R"(a "b c" 'd e' f\ g "h\"i" "j\$k")"),
            (std::vector<std::string>{"a", "b c", "d e", "f g", "h\"i", "j\\$k"}));
  EXPECT_EQ(*split_words("  "), std::vector<std::string>{});
  EXPECT_EQ(*split_words("a''b \"\""), (std::vector<std::string>{"ab", ""}));
  EXPECT_EQ(split_words("ssh 'oops").error().message, "No closing quotation");
  EXPECT_EQ(split_words("ssh \\").error().message, "No escaped character");
}

}  // namespace
}  // namespace opsreg::registration
