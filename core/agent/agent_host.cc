// Reading the agent's host facts: the fake SSH host's OPSREG_HOST_* variables win, else what
// the machine itself says (gethostname, getifaddrs).
#include "core/agent/agent_host.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <unistd.h>

namespace opsreg::agent {

namespace {

std::string first_ipv4() {
  struct ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (auto* a = list; a && found.empty(); a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
    auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
    char text[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    std::string s = text;
    if (!s.starts_with("127.")) found = s;
  }
  freeifaddrs(list);
  return found;
}

}  // namespace

AgentHost AgentHost::from_environment(const config::Env& env) {
  AgentHost h;
  h.root = config::non_empty(env, "OPSREG_HOST_ROOT").value_or("");
  while (h.root.size() > 1 && h.root.back() == '/') h.root.pop_back();
  if (h.root == "/") h.root.clear();
  if (auto name = config::non_empty(env, "OPSREG_HOST_NAME")) {
    h.hostname = *name;
  } else {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) == 0) h.hostname = buf;
  }
  if (auto ip = env("OPSREG_HOST_PRIVATE_IP")) {
    h.private_ip = *ip;
  } else {
    h.private_ip = first_ipv4();
  }
  h.public_ip = env("OPSREG_HOST_PUBLIC_IP").value_or("");
  h.mounts_file = config::non_empty(env, "OPSREG_HOST_MOUNTS").value_or(h.root + "/proc/mounts");
  return h;
}

}  // namespace opsreg::agent
