// known_hosts: plain, wildcard, hashed and [host]:port entries, adding keys, and the host key
// decision per StrictHostKeyChecking with OpenSSH's wording (sshconnect.c check_host_key).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/ssh/known_hosts.h"
#include "tests/support/ssh_runner_fixtures.h"

namespace opsreg {
namespace {

using runner_testing::fixture_public_key;
using runner_testing::fixture_public_line;
using ssh::HostKeyPolicy;
using ssh::HostKeyStatus;
using ssh::KnownHosts;
using ssh::StrictHostKeyChecking;

// Made by `ssh-keygen -H` from "[127.0.0.1]:2222 <host_a>" and "web.example.com <host_a>".
constexpr const char* kHashedPort2222 =
    "|1|obUUdxXlU9EfKBkcTG89yf+4KMU=|bxKp+RsvUWB0ACYdERYin199yTI=";
constexpr const char* kHashedWeb = "|1|z+4Um0vXkCHN2ndzlm1terSzk9c=|zyYlanwwYsYl0w5P0lvQlBxwHZ8=";

const ssh::HostKey& host_a() {
  static const ssh::HostKey k = fixture_public_key("runner_host_a_ed25519");
  return k;
}
const ssh::HostKey& host_b() {
  static const ssh::HostKey k = fixture_public_key("runner_host_b_ed25519");
  return k;
}

KnownHosts load_text(const runner_testing::TempDir& dir, const std::string& text) {
  runner_testing::write_text(dir / "known_hosts", text);
  return KnownHosts::load({dir / "known_hosts"});
}

TEST(KnownHosts, FingerprintIsSha256Base64WithoutPadding) {
  EXPECT_EQ(ssh::fingerprint_sha256(host_a()),
            "SHA256:CoRB0CbuZSc3kYpZSLoPGw2OfTA+m1z3QSZaPRG6wDM");
  EXPECT_EQ(ssh::key_type_label(host_a().type), "ED25519");
  EXPECT_EQ(ssh::key_type_label("ssh-rsa"), "RSA");
  EXPECT_EQ(ssh::key_type_label("ecdsa-sha2-nistp256"), "ECDSA");
}

TEST(KnownHosts, NonStandardPortsAreFiledInBrackets) {
  EXPECT_EQ(ssh::known_hosts_name("Web.Example.com", 22), "web.example.com");
  EXPECT_EQ(ssh::known_hosts_name("127.0.0.1", 2222), "[127.0.0.1]:2222");
}

TEST(KnownHosts, PlainEntryWithCommaListMatches) {
  runner_testing::TempDir dir;
  KnownHosts kh = load_text(
      dir, "# comment\nweb,10.0.0.5 " + fixture_public_line("runner_host_a_ed25519") + " c\n");
  EXPECT_EQ(kh.check("web", host_a()).status, HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check("10.0.0.5", host_a()).status, HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check("WEB", host_a()).status, HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check("db", host_a()).status, HostKeyStatus::kUnknown);
  EXPECT_EQ(kh.check("web", host_a()).line, 2);
}

TEST(KnownHosts, WildcardAndNegatedPatterns) {
  runner_testing::TempDir dir;
  KnownHosts kh =
      load_text(dir, "*.lan,!evil.lan " + fixture_public_line("runner_host_a_ed25519") + "\n");
  EXPECT_EQ(kh.check("box.lan", host_a()).status, HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check("evil.lan", host_a()).status, HostKeyStatus::kUnknown);
}

TEST(KnownHosts, HashedEntriesFromSshKeygenMatch) {
  runner_testing::TempDir dir;
  std::string b64 = fixture_public_line("runner_host_a_ed25519");
  KnownHosts kh = load_text(
      dir, std::string(kHashedPort2222) + " " + b64 + "\n" + kHashedWeb + " " + b64 + "\n");
  EXPECT_EQ(kh.check("[127.0.0.1]:2222", host_a()).status, HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check("web.example.com", host_a()).status, HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check("127.0.0.1", host_a()).status, HostKeyStatus::kUnknown);
  EXPECT_EQ(kh.check("[127.0.0.1]:2222", host_b()).status, HostKeyStatus::kChanged);
}

TEST(KnownHosts, PortMatters) {
  runner_testing::TempDir dir;
  KnownHosts kh =
      load_text(dir, "[127.0.0.1]:2222 " + fixture_public_line("runner_host_a_ed25519") + "\n");
  EXPECT_EQ(kh.check(ssh::known_hosts_name("127.0.0.1", 2222), host_a()).status,
            HostKeyStatus::kKnown);
  EXPECT_EQ(kh.check(ssh::known_hosts_name("127.0.0.1", 22), host_a()).status,
            HostKeyStatus::kUnknown);
  EXPECT_EQ(kh.check(ssh::known_hosts_name("127.0.0.1", 2223), host_a()).status,
            HostKeyStatus::kUnknown);
}

TEST(KnownHosts, DifferentKeyOfSameTypeIsChangedWithFileAndLine) {
  runner_testing::TempDir dir;
  KnownHosts kh =
      load_text(dir, "other " + fixture_public_line("runner_host_b_ed25519") + "\nweb " +
                         fixture_public_line("runner_host_a_ed25519") + "\n");
  ssh::HostKeyMatch m = kh.check("web", host_b());
  EXPECT_EQ(m.status, HostKeyStatus::kChanged);
  EXPECT_EQ(m.file, dir / "known_hosts");
  EXPECT_EQ(m.line, 2);
}

TEST(KnownHosts, KeyOfAnotherTypeIsUnknownNotChanged) {
  runner_testing::TempDir dir;
  KnownHosts kh = load_text(dir, "web " + fixture_public_line("runner_client_rsa_pem") + "\n");
  EXPECT_EQ(kh.check("web", host_a()).status, HostKeyStatus::kUnknown);
  EXPECT_EQ(kh.known_types("web"), (std::vector<std::string>{"ssh-rsa"}));
}

TEST(KnownHosts, MatchingEntryWinsOverAnOlderMismatch) {
  runner_testing::TempDir dir;
  KnownHosts kh = load_text(dir, "web " + fixture_public_line("runner_host_b_ed25519") + "\nweb " +
                                     fixture_public_line("runner_host_a_ed25519") + "\n");
  EXPECT_EQ(kh.check("web", host_a()).status, HostKeyStatus::kKnown);
}

TEST(KnownHosts, MarkersAndMalformedLinesAreHandled) {
  runner_testing::TempDir dir;
  KnownHosts kh =
      load_text(dir, "@cert-authority * " + fixture_public_line("runner_host_b_ed25519") +
                         "\ngarbage\nweb ssh-ed25519 !!!notbase64\n@revoked * " +
                         fixture_public_line("runner_host_a_ed25519") + "\n");
  EXPECT_EQ(kh.check("web", host_b()).status, HostKeyStatus::kUnknown);  // CA lines ignored
  EXPECT_EQ(kh.check("web", host_a()).status, HostKeyStatus::kRevoked);
}

TEST(KnownHosts, AddWritesAPlainLineMode0600) {
  runner_testing::TempDir dir;
  KnownHosts kh;
  std::string file = dir / "sub/.ssh/known_hosts";
  ASSERT_TRUE(kh.add(file, "[127.0.0.1]:2222", host_a(), false).ok());
  EXPECT_EQ(runner_testing::read_text(file),
            "[127.0.0.1]:2222 " + fixture_public_line("runner_host_a_ed25519") + "\n");
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(KnownHosts::load({file}).check("[127.0.0.1]:2222", host_a()).status,
            HostKeyStatus::kKnown);
}

TEST(KnownHosts, AddHashedIsFoundBySshKeygen) {
  runner_testing::TempDir dir;
  KnownHosts kh;
  std::string file = dir / "known_hosts";
  runner_testing::write_text(file,
                             "no-newline-at-end " + fixture_public_line("runner_host_b_ed25519"));
  ASSERT_TRUE(kh.add(file, "[127.0.0.1]:2222", host_a(), true).ok());
  std::string text = runner_testing::read_text(file);
  EXPECT_NE(text.find("\n|1|"), std::string::npos);
  EXPECT_EQ(text.find("127.0.0.1"), std::string::npos);
  std::string cmd = "ssh-keygen -F '[127.0.0.1]:2222' -f " + file + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << "ssh-keygen does not find our hashed entry";
}

// --- the decision ---

HostKeyPolicy policy(const runner_testing::TempDir& dir, StrictHostKeyChecking strict) {
  HostKeyPolicy p;
  p.strict = strict;
  p.user_files = {dir / "known_hosts"};
  return p;
}

TEST(HostKeyCheck, UnknownWithAcceptNewIsAddedAndAnnounced) {
  runner_testing::TempDir dir;
  auto v = ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kAcceptNew), "127.0.0.1", 2222,
                                host_a());
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v->accepted);
  ASSERT_EQ(v->notices.size(), 1u);
  EXPECT_EQ(v->notices[0],
            "Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.");
  auto again =
      ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kYes), "127.0.0.1", 2222, host_a());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->notices.empty());
}

TEST(HostKeyCheck, UnknownWithNoIsAddedToo) {
  runner_testing::TempDir dir;
  auto v = ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kNo), "web", 22, host_a());
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(runner_testing::read_text(dir / "known_hosts"),
            "web " + fixture_public_line("runner_host_a_ed25519") + "\n");
}

TEST(HostKeyCheck, UnknownWithYesIsRefused) {
  runner_testing::TempDir dir;
  auto v =
      ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kYes), "127.0.0.1", 2222, host_a());
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, "HostKeyVerificationFailed");
  EXPECT_EQ(v.error().message,
            "No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict "
            "checking.\nHost key verification failed.");
  EXPECT_EQ(runner_testing::read_text(dir / "known_hosts"), "");
}

TEST(HostKeyCheck, UnknownWithAskAndNoTerminalIsRefused) {
  runner_testing::TempDir dir;
  auto v = ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kAsk), "web", 22, host_a());
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("The authenticity of host 'web' can't be established."),
            std::string::npos);
  EXPECT_NE(v.error().message.find(ssh::fingerprint_sha256(host_a())), std::string::npos);
}

TEST(HostKeyCheck, ChangedKeyIsRefusedLoudlyUnderYesAskAndAcceptNew) {
  for (StrictHostKeyChecking s : {StrictHostKeyChecking::kYes, StrictHostKeyChecking::kAsk,
                                  StrictHostKeyChecking::kAcceptNew}) {
    runner_testing::TempDir dir;
    runner_testing::write_text(
        dir / "known_hosts",
        "[127.0.0.1]:2222 " + fixture_public_line("runner_host_a_ed25519") + "\n");
    auto v = ssh::verify_host_key(policy(dir, s), "127.0.0.1", 2222, host_b());
    ASSERT_FALSE(v.ok()) << ssh::to_string(s);
    const std::string& m = v.error().message;
    EXPECT_EQ(v.error().code, "HostKeyVerificationFailed");
    EXPECT_NE(m.find("@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @"),
              std::string::npos);
    EXPECT_NE(m.find("The fingerprint for the ED25519 key sent by the remote host is\n" +
                     ssh::fingerprint_sha256(host_b()) + "."),
              std::string::npos);
    EXPECT_NE(m.find("Offending ED25519 key in " + (dir / "known_hosts") + ":1\n"),
              std::string::npos);
    EXPECT_NE(m.find("Host key for [127.0.0.1]:2222 has changed and you have requested strict "
                     "checking.\nHost key verification failed."),
              std::string::npos);
  }
}

TEST(HostKeyCheck, ChangedKeyWithNoGoesOnWithoutPasswords) {
  runner_testing::TempDir dir;
  runner_testing::write_text(dir / "known_hosts",
                             "web " + fixture_public_line("runner_host_a_ed25519") + "\n");
  auto v = ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kNo), "web", 22, host_b());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->accepted);
  EXPECT_FALSE(v->password_auth_allowed);
  ASSERT_EQ(v->notices.size(), 1u);
  EXPECT_NE(v->notices[0].find("REMOTE HOST IDENTIFICATION HAS CHANGED"), std::string::npos);
  EXPECT_NE(v->notices[0].find("Password authentication is disabled to avoid man-in-the-middle "
                               "attacks."),
            std::string::npos);
  // The changed key is not written over the old one.
  EXPECT_EQ(runner_testing::read_text(dir / "known_hosts"),
            "web " + fixture_public_line("runner_host_a_ed25519") + "\n");
}

TEST(HostKeyCheck, RevokedKeyIsRefusedEvenWithNo) {
  runner_testing::TempDir dir;
  runner_testing::write_text(dir / "known_hosts",
                             "@revoked * " + fixture_public_line("runner_host_a_ed25519") + "\n");
  auto v = ssh::verify_host_key(policy(dir, StrictHostKeyChecking::kNo), "web", 22, host_a());
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("WARNING: REVOKED HOST KEY DETECTED!"), std::string::npos);
}

TEST(HostKeyCheck, GlobalFileCountsButIsNeverWritten) {
  runner_testing::TempDir dir;
  runner_testing::write_text(dir / "global",
                             "web " + fixture_public_line("runner_host_a_ed25519") + "\n");
  HostKeyPolicy p = policy(dir, StrictHostKeyChecking::kYes);
  p.global_files = {dir / "global"};
  EXPECT_TRUE(ssh::verify_host_key(p, "web", 22, host_a()).ok());
  EXPECT_FALSE(ssh::verify_host_key(p, "web", 22, host_b()).ok());
}

TEST(HostKeyCheck, AliasIsTheNameLookedUp) {
  runner_testing::TempDir dir;
  runner_testing::write_text(dir / "known_hosts",
                             "myalias " + fixture_public_line("runner_host_a_ed25519") + "\n");
  HostKeyPolicy p = policy(dir, StrictHostKeyChecking::kYes);
  p.alias = "myalias";
  EXPECT_TRUE(ssh::verify_host_key(p, "127.0.0.1", 2222, host_a()).ok());
}

TEST(HostKeyCheck, HashKnownHostsWritesHashedEntries) {
  runner_testing::TempDir dir;
  HostKeyPolicy p = policy(dir, StrictHostKeyChecking::kAcceptNew);
  p.hash_new_entries = true;
  ASSERT_TRUE(ssh::verify_host_key(p, "web", 22, host_a()).ok());
  EXPECT_EQ(runner_testing::read_text(dir / "known_hosts").rfind("|1|", 0), 0u);
  p.strict = StrictHostKeyChecking::kYes;
  EXPECT_TRUE(ssh::verify_host_key(p, "web", 22, host_a()).ok());
}

}  // namespace
}  // namespace opsreg
