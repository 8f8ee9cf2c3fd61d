// verify_host_key: OpenSSH's decision on a server key (sshconnect.c check_host_key) for the
// StrictHostKeyChecking policies, with ssh's own messages.
#include "core/ssh/known_hosts.h"

namespace opsreg::ssh {
namespace {

aws::Error refused(const std::string& text) {
  return aws::make_error("HostKeyVerificationFailed", text + "Host key verification failed.");
}

std::string changed_banner(const HostKeyPolicy& policy, const std::string& name, const HostKey& key,
                           const HostKeyMatch& m) {
  const std::string label = key_type_label(key.type);
  std::string user_file = policy.user_files.empty() ? m.file : policy.user_files[0];
  return "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
         "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
         "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
         "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n"
         "Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n"
         "It is also possible that a host key has just been changed.\n"
         "The fingerprint for the " +
         label + " key sent by the remote host is\n" + fingerprint_sha256(key) +
         ".\n"
         "Please contact your system administrator.\n"
         "Add correct host key in " +
         user_file + " to get rid of this message.\n" + "Offending " + label + " key in " + m.file +
         ":" + std::to_string(m.line) + "\n" +
         "  remove with:\n"
         "  ssh-keygen -f '" +
         m.file + "' -R '" + name + "'\n";
}

}  // namespace

Result<HostKeyVerdict> verify_host_key(const HostKeyPolicy& policy, std::string_view host, int port,
                                       const HostKey& key) {
  const std::string name =
      policy.alias.empty() ? known_hosts_name(host, port) : known_hosts_name(policy.alias, 22);
  const std::string label = key_type_label(key.type);
  std::vector<std::string> files = policy.user_files;
  files.insert(files.end(), policy.global_files.begin(), policy.global_files.end());
  KnownHosts kh = KnownHosts::load(files);
  HostKeyMatch m = kh.check(name, key);
  HostKeyVerdict v;

  switch (m.status) {
    case HostKeyStatus::kKnown:
      v.accepted = true;
      return v;

    case HostKeyStatus::kRevoked:
      return refused(
          "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
          "@       WARNING: REVOKED HOST KEY DETECTED!               @\n"
          "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
          "The " +
          label + " host key for " + name +
          " is marked as revoked.\n"
          "This could mean that a stolen key is being used to\n"
          "impersonate this host.\n");

    case HostKeyStatus::kChanged: {
      std::string banner = changed_banner(policy, name, key, m);
      // OpenSSH refuses a changed key under every policy but `no` (accept-new only accepts
      // keys for hosts it has never seen). With `no` it goes on, but turns off password and
      // keyboard-interactive authentication so a man in the middle cannot harvest a
      // password; public key authentication still proceeds. We do the same.
      if (policy.strict != StrictHostKeyChecking::kNo) {
        return refused(banner + "Host key for " + name +
                       " has changed and you have requested strict checking.\n");
      }
      v.accepted = true;
      v.password_auth_allowed = false;
      v.notices.push_back(banner +
                          "Password authentication is disabled to avoid man-in-the-middle "
                          "attacks.\n"
                          "Keyboard-interactive authentication is disabled to avoid "
                          "man-in-the-middle attacks.");
      return v;
    }

    case HostKeyStatus::kUnknown:
      break;
  }

  if (policy.strict == StrictHostKeyChecking::kYes) {
    return refused("No " + label + " host key is known for " + name +
                   " and you have requested strict checking.\n");
  }
  if (policy.strict == StrictHostKeyChecking::kAsk) {
    // No one to ask: ssh without a terminal (or in batch mode) fails the same way.
    return refused("The authenticity of host '" + name + "' can't be established.\n" + label +
                   " key fingerprint is " + fingerprint_sha256(key) + ".\n");
  }
  v.accepted = true;
  if (policy.user_files.empty()) {
    v.notices.push_back("Failed to add the host to the list of known hosts.");
    return v;
  }
  Status added = kh.add(policy.user_files[0], name, key, policy.hash_new_entries);
  if (!added.ok()) {
    v.notices.push_back(added.error().message);
  } else {
    v.notices.push_back("Warning: Permanently added '" + name + "' (" + label +
                        ") to the list of known hosts.");
  }
  return v;
}

}  // namespace opsreg::ssh
