// The fake host's login limits, as sshd's LoginGraceTime and MaxStartups: a connection that
// does not log in in time is closed, and idle connections cannot keep a real client out.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <vector>

#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A TCP connection to the host that sends only what it is told to.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& text) {
    return ::write(fd_, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  }
  // Reads (the server's banner, then nothing) until the server closes the connection (true) or
  // `deadline` passes (false).
  bool closed_by(Clock::time_point deadline) {
    char buf[4096];
    while (true) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) return true;  // EOF or reset
      seen_.append(buf, static_cast<size_t>(n));
    }
  }
  // Whether the server's SSH banner line came by `deadline`.
  bool banner_by(Clock::time_point deadline) {
    char buf[256];
    while (seen_.find('\n') == std::string::npos) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) return false;
      seen_.append(buf, static_cast<size_t>(n));
    }
    return seen_.starts_with("SSH-2.0-");
  }
  // Still open: what came is read, and then no EOF, right now.
  bool open_now() {
    char buf[4096];
    while (true) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
      if (n > 0) continue;
      return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }

 private:
  int fd_;
  bool connected_ = false;
  std::string seen_;
};

class SshHostLoginLimits : public SshHostTest {
 protected:
  void start_with(std::chrono::milliseconds grace, std::size_t max_startups) {
    mocks::ssh::HostSettings settings = default_settings();
    settings.login_grace_time = grace;
    settings.max_startups = max_startups;
    start_host(settings);
  }
};

TEST_F(SshHostLoginLimits, DefaultsAreSshds) {
  mocks::ssh::HostSettings settings;
  EXPECT_EQ(settings.login_grace_time, 120s);
  EXPECT_EQ(settings.max_startups, 100u);
}

TEST_F(SshHostLoginLimits, SilentConnectionIsClosedAfterTheGraceTime) {
  start_with(1s, 100);
  const Clock::time_point start = Clock::now();
  RawConnection silent(host_->port());
  ASSERT_TRUE(silent.connected());
  EXPECT_TRUE(silent.closed_by(start + 15s)) << "still open after 15 s";
  EXPECT_GE(Clock::now() - start, 1s) << "closed before its grace time";
}

TEST_F(SshHostLoginLimits, ConnectionStalledInTheKeyExchangeIsClosedToo) {
  start_with(1s, 100);
  RawConnection stalled(host_->port());
  ASSERT_TRUE(stalled.connected());
  ASSERT_TRUE(stalled.banner_by(Clock::now() + 15s));
  ASSERT_TRUE(stalled.send("SSH-2.0-OpenSSH_9.2 stalled\r\n"));  // then no KEXINIT
  EXPECT_TRUE(stalled.closed_by(Clock::now() + 15s));
}

TEST_F(SshHostLoginLimits, LoggedInSessionOutlivesTheGraceTime) {
  start_with(1s, 100);
  // The remote shell waits past the grace time before answering.
  ProcessResult r = ssh_run("sleep 2; echo still here");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "still here\n");
}

TEST_F(SshHostLoginLimits, IdleConnectionsCannotKeepARealClientOut) {
  constexpr std::size_t kMaxStartups = 8;
  constexpr std::size_t kIdle = 60;
  start_with(10min, kMaxStartups);  // the grace time plays no part here
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (std::size_t i = 0; i < kIdle; ++i) {
    idle.push_back(std::make_unique<RawConnection>(host_->port()));
    ASSERT_TRUE(idle.back()->connected()) << i;
  }
  // The newest is served (its banner comes): all have been accepted by then.
  ASSERT_TRUE(idle.back()->banner_by(Clock::now() + 15s));
  // Past MaxStartups, the oldest were closed to make room.
  const Clock::time_point deadline = Clock::now() + 15s;
  for (std::size_t i = 0; i + kMaxStartups < kIdle; ++i)
    EXPECT_TRUE(idle[i]->closed_by(deadline)) << "idle connection " << i << " still open";
  // Stock OpenSSH still logs in, and the newest idle connections are left alone.
  ProcessResult r = ssh_run("echo in");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "in\n");
  for (std::size_t i = kIdle - kMaxStartups + 1; i < kIdle; ++i)
    EXPECT_TRUE(idle[i]->open_now()) << "idle connection " << i << " was closed";
}

}  // namespace
}  // namespace opsreg::testing
