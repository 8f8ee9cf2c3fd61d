// Shell quoting for remote commands: what /bin/sh receives must be exactly the words given.
// Checked against a real /bin/sh, not only against expected strings.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "core/ssh/shell_quote.h"

namespace opsreg {
namespace {

std::string run_sh(const std::string& command_line) {
  std::string out;
  FILE* p = popen(command_line.c_str(), "r");
  if (p == nullptr) return "popen failed";
  std::array<char, 256> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

TEST(ShellQuote, SafeWordsStayBare) {
  EXPECT_EQ(ssh::shell_quote("abc-1.2_x/y:z=w@h%p+q,r"), "abc-1.2_x/y:z=w@h%p+q,r");
}

TEST(ShellQuote, EmptyWordAndSpecialCharacters) {
  EXPECT_EQ(ssh::shell_quote(""), "''");
  EXPECT_EQ(ssh::shell_quote("a b"), "'a b'");
  EXPECT_EQ(ssh::shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(ssh::shell_quote("$HOME"), "'$HOME'");
}

TEST(ShellQuote, ShellSeesTheExactWords) {
  std::vector<std::string> words = {"printf", "[%s]\\n", "a b", "it's", "$(echo no)",  "`x`",
                                    "\\",     "\"q\"",   "",    "*",    "line\nbreak", "!x"};
  EXPECT_EQ(run_sh(ssh::shell_join(words)),
            "[a b]\n[it's]\n[$(echo no)]\n[`x`]\n[\\]\n[\"q\"]\n[]\n[*]\n[line\nbreak]\n[!x]\n");
}

TEST(ShellQuote, ShCCommandRunsTheScriptAsOneArgument) {
  std::string script =
      "set -e\nx='single quoted'; echo \"$x\" | tr a-z A-Z\necho \"it's $((1+2))\"";
  EXPECT_EQ(ssh::sh_c_command("true"), "/bin/sh -c 'true'");
  EXPECT_EQ(run_sh(ssh::sh_c_command(script)), "SINGLE QUOTED\nit's 3\n");
}

}  // namespace
}  // namespace opsreg
