// OpenSSH client configuration: Host patterns, first obtained value, tokens, Include, the
// lexer's quoting and `=`, and what resolve() gives by default. Rules from ssh_config(5).
#include "core/ssh/ssh_config.h"

#include <gtest/gtest.h>

#include "tests/support/ssh_runner_fixtures.h"

namespace opsreg {
namespace {

using ssh::ResolvedHost;
using ssh::SshConfig;
using ssh::StrictHostKeyChecking;

ssh::LocalContext local() { return {"/home/alice", "alice"}; }

SshConfig parse(const std::string& text, const std::string& include_dir = "/home/alice/.ssh") {
  Result<SshConfig> cfg = SshConfig::parse(text, "config", include_dir, local());
  EXPECT_TRUE(cfg.ok()) << (cfg.ok() ? "" : cfg.error().message);
  return cfg.ok() ? *cfg : *SshConfig::parse("", "config", include_dir, local());
}

TEST(SshConfig, UnknownHostResolvesToItselfWithDefaults) {
  ResolvedHost r = parse("").resolve("db.example.com");
  EXPECT_EQ(r.hostname, "db.example.com");
  EXPECT_EQ(r.port, 22);
  EXPECT_EQ(r.user, "alice");
  EXPECT_TRUE(r.identity_defaulted);
  EXPECT_EQ(r.identity_files.front(), "/home/alice/.ssh/id_rsa");
  EXPECT_EQ(r.known_hosts_files, (std::vector<std::string>{"/home/alice/.ssh/known_hosts",
                                                           "/home/alice/.ssh/known_hosts2"}));
  EXPECT_EQ(r.strict, StrictHostKeyChecking::kAcceptNew);
}

TEST(SshConfig, HostBlockSetsHostNamePortUser) {
  ResolvedHost r = parse(
                       "Host web1\n"
                       "  HostName 127.0.0.1\n"
                       "  Port 2201\n"
                       "  User deploy\n")
                       .resolve("web1");
  EXPECT_EQ(r.target, "web1");
  EXPECT_EQ(r.hostname, "127.0.0.1");
  EXPECT_EQ(r.port, 2201);
  EXPECT_EQ(r.user, "deploy");
}

TEST(SshConfig, FirstObtainedValueWins) {
  SshConfig cfg = parse(
      "Host web1\n  Port 2201\n"
      "Host *\n  Port 2299\n  User everyone\n"
      "Host web1\n  User late\n");
  EXPECT_EQ(cfg.resolve("web1").port, 2201);
  EXPECT_EQ(cfg.resolve("web1").user, "everyone");  // Host * came before the second web1 block
  EXPECT_EQ(cfg.resolve("other").port, 2299);
}

TEST(SshConfig, GlobalLinesBeforeAnyHostApplyToEveryHost) {
  SshConfig cfg = parse("Port 2000\nHost web1\n  Port 2201\n");
  EXPECT_EQ(cfg.resolve("web1").port, 2000);
}

TEST(SshConfig, WildcardsStarAndQuestionMark) {
  SshConfig cfg = parse("Host web-?? db*\n  User ops\n");
  EXPECT_EQ(cfg.resolve("web-01").user, "ops");
  EXPECT_EQ(cfg.resolve("web-1").user, "alice");
  EXPECT_EQ(cfg.resolve("db").user, "ops");
  EXPECT_EQ(cfg.resolve("db.internal").user, "ops");
}

TEST(SshConfig, NegatedPatternExcludesAHost) {
  SshConfig cfg = parse("Host * !bastion\n  User ops\n");
  EXPECT_EQ(cfg.resolve("web").user, "ops");
  EXPECT_EQ(cfg.resolve("bastion").user, "alice");
}

TEST(SshConfig, LineOfOnlyNegationsMatchesNothing) {
  SshConfig cfg = parse("Host !bastion\n  User ops\n");
  EXPECT_EQ(cfg.resolve("web").user, "alice");
}

TEST(SshConfig, HostPatternsAreCaseInsensitive) {
  EXPECT_EQ(parse("Host WEB1\n Port 2201\n").resolve("web1").port, 2201);
  EXPECT_EQ(parse("Host web1\n Port 2201\n").resolve("Web1").port, 2201);
}

TEST(SshConfig, HostNamePercentHIsTheTarget) {
  ResolvedHost r = parse("Host *.lan\n  HostName %h.example.com\n").resolve("box.lan");
  EXPECT_EQ(r.hostname, "box.lan.example.com");
}

TEST(SshConfig, KeywordsAreCaseInsensitiveAndTakeEqualsSigns) {
  ResolvedHost r = parse(
                       "HOST web1\n"
                       "  hostname=10.0.0.5\n"
                       "  PORT = 2202\n"
                       "  User =root\n")
                       .resolve("web1");
  EXPECT_EQ(r.hostname, "10.0.0.5");
  EXPECT_EQ(r.port, 2202);
  EXPECT_EQ(r.user, "root");
}

TEST(SshConfig, QuotedArgumentsKeepSpaces) {
  ResolvedHost r =
      parse("Host web1\n  IdentityFile \"~/.ssh/my key\"\n  UserKnownHostsFile '/tmp/a b' /tmp/c\n")
          .resolve("web1");
  EXPECT_EQ(r.identity_files, (std::vector<std::string>{"/home/alice/.ssh/my key"}));
  EXPECT_EQ(r.known_hosts_files, (std::vector<std::string>{"/tmp/a b", "/tmp/c"}));
}

TEST(SshConfig, CommentsAndBlankLinesAreIgnored) {
  ResolvedHost r = parse(
                       "# a comment\n"
                       "\n"
                       "   # indented comment\n"
                       "Host web1 # trailing comment\n"
                       "  Port 2203 # why\n")
                       .resolve("web1");
  EXPECT_EQ(r.port, 2203);
}

TEST(SshConfig, IdentityFilesAccumulateWithTildeAndTokens) {
  ResolvedHost r = parse(
                       "Host web1\n  HostName 10.1.2.3\n  User deploy\n  Port 2204\n"
                       "  IdentityFile ~/.ssh/web1\n"
                       "Host *\n  IdentityFile %d/keys/%r@%h:%p\n  IdentityFile /k/%u-%n\n")
                       .resolve("web1");
  EXPECT_FALSE(r.identity_defaulted);
  EXPECT_EQ(r.identity_files,
            (std::vector<std::string>{"/home/alice/.ssh/web1",
                                      "/home/alice/keys/deploy@10.1.2.3:2204", "/k/alice-web1"}));
}

TEST(SshConfig, CommandLineIdentityComesFirstAndOverridesWin) {
  ssh::ResolveOverrides o;
  o.identity_files = {"/cli/key"};
  o.user = "cliuser";
  o.port = 2999;
  o.strict = StrictHostKeyChecking::kYes;
  ResolvedHost r = parse(
                       "Host web1\n  User deploy\n  Port 2201\n  IdentityFile /cfg/key\n"
                       "  StrictHostKeyChecking no\n")
                       .resolve("web1", o);
  EXPECT_EQ(r.identity_files, (std::vector<std::string>{"/cli/key", "/cfg/key"}));
  EXPECT_EQ(r.user, "cliuser");
  EXPECT_EQ(r.port, 2999);
  EXPECT_EQ(r.strict, StrictHostKeyChecking::kYes);
}

TEST(SshConfig, UserAtTargetBeatsConfigButNotDashL) {
  SshConfig cfg = parse("Host web1\n  User deploy\n");
  EXPECT_EQ(cfg.resolve("admin@web1").user, "admin");
  EXPECT_EQ(cfg.resolve("admin@web1").target, "web1");
  ssh::ResolveOverrides o;
  o.user = "cli";
  EXPECT_EQ(cfg.resolve("admin@web1", o).user, "cli");
}

TEST(SshConfig, StrictHostKeyCheckingValues) {
  struct Case {
    const char* value;
    StrictHostKeyChecking want;
  } cases[] = {
      {"yes", StrictHostKeyChecking::kYes}, {"no", StrictHostKeyChecking::kNo},
      {"off", StrictHostKeyChecking::kNo},  {"accept-new", StrictHostKeyChecking::kAcceptNew},
      {"ask", StrictHostKeyChecking::kAsk}, {"YES", StrictHostKeyChecking::kYes}};
  for (const Case& c : cases) {
    ResolvedHost r =
        parse(std::string("Host h\n  StrictHostKeyChecking ") + c.value + "\n").resolve("h");
    EXPECT_EQ(r.strict, c.want) << c.value;
  }
}

TEST(SshConfig, BadValuesAreErrorsWithTheLine) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"Host h\n  Port 99999\n", "config line 2: Badly formatted port number."},
      {"Host h\n  Port abc\n", "config line 2: Badly formatted port number."},
      {"StrictHostKeyChecking maybe\n", "config line 1: unsupported option \"maybe\"."},
      {"Host h\n  HashKnownHosts perhaps\n", "config line 2: unsupported option \"perhaps\"."},
      {"Host\n", "config line 1: Missing argument."},
      {"Host h\n  User\n", "config line 2: Missing argument."},
      {"Host h\n  IdentityFile \"unterminated\n", "config line 2: invalid quotes"},
  };
  for (const Case& c : cases) {
    Result<SshConfig> cfg = SshConfig::parse(c.text, "config", "/x", local());
    ASSERT_FALSE(cfg.ok()) << c.text;
    EXPECT_EQ(cfg.error().code, "SshConfigError");
    EXPECT_EQ(cfg.error().message, c.message);
  }
}

TEST(SshConfig, KnownHostsFilesAndNoneAndPolicySettings) {
  ResolvedHost r = parse(
                       "Host h\n  UserKnownHostsFile ~/.ssh/kh_%h\n  GlobalKnownHostsFile none\n"
                       "  HashKnownHosts yes\n  HostKeyAlias alias1\n  ConnectTimeout 7\n"
                       "  PasswordAuthentication no\n  BatchMode yes\n  IdentityFile none\n")
                       .resolve("h");
  EXPECT_EQ(r.known_hosts_files, (std::vector<std::string>{"/home/alice/.ssh/kh_h"}));
  EXPECT_TRUE(r.global_known_hosts_files.empty());
  EXPECT_TRUE(r.hash_known_hosts);
  EXPECT_EQ(r.host_key_alias, "alias1");
  EXPECT_EQ(r.connect_timeout, 7);
  EXPECT_FALSE(r.password_authentication);
  EXPECT_TRUE(r.batch_mode);
  EXPECT_TRUE(r.identity_defaulted);  // "none" names no file
}

TEST(SshConfig, MatchBlocksAreSkippedWithANoteButMatchAllApplies) {
  SshConfig cfg = parse(
      "Match host web1 exec \"true\"\n  Port 2001\n"
      "Match all\n  User everyone\n");
  ResolvedHost r = cfg.resolve("web1");
  EXPECT_EQ(r.port, 22);
  EXPECT_EQ(r.user, "everyone");
  ASSERT_EQ(cfg.notes().size(), 1u);
  EXPECT_NE(cfg.notes()[0].find("config line 1: Match block not evaluated"), std::string::npos);
}

TEST(SshConfig, IncludeIsRelativeToDotSshAndGlobbed) {
  runner_testing::TempDir home;
  runner_testing::write_text(home / ".ssh/conf.d/a.conf", "Host web1\n  Port 2301\n");
  runner_testing::write_text(home / ".ssh/conf.d/b.conf", "Host web2\n  Port 2302\n");
  runner_testing::write_text(home / ".ssh/config",
                             "Include conf.d/*.conf\nHost *\n  User fallback\n");
  Result<SshConfig> cfg = SshConfig::load_default({home.path(), "alice"}, "");
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  EXPECT_EQ(cfg->resolve("web1").port, 2301);
  EXPECT_EQ(cfg->resolve("web2").port, 2302);
  // Blocks opened inside an included file end with it: "Host *" still applies to web1.
  EXPECT_EQ(cfg->resolve("web1").user, "fallback");
}

TEST(SshConfig, IncludeInsideHostBlockIsConditional) {
  runner_testing::TempDir home;
  runner_testing::write_text(home / ".ssh/web.conf", "User webuser\n");
  runner_testing::write_text(home / ".ssh/config", "Host web*\n  Include web.conf\n  Port 2400\n");
  Result<SshConfig> cfg = SshConfig::load_default({home.path(), "alice"}, "");
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  EXPECT_EQ(cfg->resolve("web1").user, "webuser");
  EXPECT_EQ(cfg->resolve("web1").port, 2400);  // back in the includer's block after Include
  EXPECT_EQ(cfg->resolve("db1").user, "alice");
}

TEST(SshConfig, UserFileWinsOverSystemFile) {
  runner_testing::TempDir home;
  runner_testing::write_text(home / ".ssh/config", "Host web1\n  Port 2501\n");
  runner_testing::write_text(home / "system_config", "Host *\n  Port 2599\n  User sys\n");
  Result<SshConfig> cfg = SshConfig::load_default({home.path(), "alice"}, home / "system_config");
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  EXPECT_EQ(cfg->resolve("web1").port, 2501);
  EXPECT_EQ(cfg->resolve("web1").user, "sys");
}

TEST(SshConfig, LoadFileThatDoesNotExistIsAnError) {
  Result<SshConfig> cfg = SshConfig::load_file("/nonexistent/cfg", local());
  ASSERT_FALSE(cfg.ok());
  EXPECT_EQ(cfg.error().message,
            "Can't open user config file /nonexistent/cfg: No such file or directory");
}

TEST(SshConfig, RecursiveIncludeStopsAtDepthLimit) {
  runner_testing::TempDir home;
  runner_testing::write_text(home / ".ssh/config", "Include config\n");
  Result<SshConfig> cfg = SshConfig::load_default({home.path(), "alice"}, "");
  ASSERT_FALSE(cfg.ok());
  EXPECT_NE(cfg.error().message.find("Too many recursive configuration includes"),
            std::string::npos);
}

}  // namespace
}  // namespace opsreg

namespace opsreg::ssh {
namespace {

// A ConnectTimeout too large for an int is refused when read, as OpenSSH refuses it, instead
// of throwing from resolve() (found by the ssh_config fuzzer).
TEST(SshConfigBounds, AConnectTimeoutPastAnIntIsAnInvalidTimeValue) {
  for (const char* value : {"1033333333333333333333333333333333", "2147483648", "99999999999"}) {
    auto cfg = SshConfig::parse(std::string("Host h\n  ConnectTimeout ") + value + "\n", "config",
                                "/home/alice/.ssh", LocalContext{"/home/alice", "alice"});
    ASSERT_FALSE(cfg.ok()) << value;
    EXPECT_NE(cfg.error().message.find("invalid time value"), std::string::npos) << value;
  }
  auto ok = SshConfig::parse("Host h\n  ConnectTimeout 2147483647\n", "config", "/home/alice/.ssh",
                             LocalContext{"/home/alice", "alice"});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->resolve("h").connect_timeout, 2147483647);
}

}  // namespace
}  // namespace opsreg::ssh
