// Rendering the target-side registration script and the ssh command line that carries it,
// after the AWS CLI v1 opsworks customization (REMOTE_SCRIPT and OpsWorksRegister.ssh).
#include "core/register/remote_script.h"

#include "core/register/preconfig.h"
#include "core/ssh/shell_quote.h"

namespace opsreg::registration {

std::string render_remote_script(const RemoteScriptInput& in) {
  std::string bucket = ssh::shell_quote(in.assets_download_bucket);
  std::string out;
  out += "set -e\n";
  out += "umask 007\n";
  out +=
      "AGENT_TMP_DIR=$(mktemp -d \"${TMPDIR:-/tmp}/opsworks-agent-installer.XXXXXXXXXXXXXXXX\")\n";
  out += "curl --retry 5 -L " + ssh::shell_quote(in.agent_installer_url) +
         " | tar xz -C $AGENT_TMP_DIR\n";
  out += "cat >$AGENT_TMP_DIR/opsworks-agent-installer/preconfig <<'EOF'\n";
  out += in.preconfig + "\n";
  out += "EOF\n";
  out += "exec sudo /bin/sh -c \"\\\n";
  out += "OPSWORKS_ASSETS_DOWNLOAD_BUCKET=" + bucket + " \\\n";
  out += "$AGENT_TMP_DIR/opsworks-agent-installer/boot-registration; \\\n";
  out += "status=\\$?; rm -rf $AGENT_TMP_DIR; exit \\$status\"\n";
  return out;
}

std::string redacted_script(const RemoteScriptInput& in) {
  RemoteScriptInput copy = in;
  auto values = parse_preconfig(in.preconfig);
  if (values.ok())
    copy.preconfig = render_preconfig(redacted(*values));
  else
    copy.preconfig = "(preconfig not shown)";
  return render_remote_script(copy);
}

Result<std::vector<std::string>> ssh_argv(std::string_view override_ssh, std::string_view user,
                                          std::string_view private_key, std::string_view address,
                                          std::string_view script) {
  std::vector<std::string> argv;
  if (!override_ssh.empty()) {
    auto words = split_words(override_ssh);
    if (!words.ok()) return words.error();
    argv = *words;
  } else {
    argv = {"ssh", "-tt"};
    if (!user.empty()) argv.insert(argv.end(), {"-l", std::string(user)});
    if (!private_key.empty()) argv.insert(argv.end(), {"-i", std::string(private_key)});
    argv.emplace_back(address);
  }
  argv.push_back(ssh::sh_c_command(script));
  return argv;
}

Result<std::vector<std::string>> split_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  auto fail = [](const char* why) { return aws::make_error("UsageError", why, 0); };
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      in_word = true;
      size_t end = line.find('\'', i + 1);
      if (end == std::string_view::npos) return fail("No closing quotation");
      word.append(line.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '"') {
      in_word = true;
      for (++i;; ++i) {
        if (i >= line.size()) return fail("No closing quotation");
        if (line[i] == '"') break;
        if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\'))
          ++i;
        word += line[i];
      }
    } else if (c == '\\') {
      if (i + 1 >= line.size()) return fail("No escaped character");
      in_word = true;
      word += line[++i];
    } else {
      in_word = true;
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace opsreg::registration
