// The shared accept loop of the fake SSH hosts: every host of the process is accepted on one
// thread, a registration removed is never called again (nor while remove() returns), hosts stop
// cleanly while connections pour in, and an idle host's temporary tree is made only when used.
#include <dirent.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "mocks/ssh/accept_loop.h"
#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::mocks::ssh {
namespace {

int entries_in(const char* dir) {
  DIR* d = opendir(dir);
  if (d == nullptr) return -1;
  int n = 0;
  while (dirent* e = readdir(d))
    if (e->d_name[0] != '.') ++n;
  closedir(d);
  return n;
}

// A loopback listening socket (non-blocking, as the loop wants) and its port.
struct Listening {
  Listening() {
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(fd, 16), 0);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
  }
  ~Listening() { close(fd); }
  int fd = -1;
  int port = 0;
};

// Connects to 127.0.0.1:port; the socket (or -1).
int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Whether nothing listens on 127.0.0.1:port: a connection is refused, or is TCP's
// self-connection (an ephemeral port like a closed listener's may be chosen as the source).
bool refused(int port) {
  int fd = connect_to(port);
  if (fd < 0) return true;
  sockaddr_in local{};
  socklen_t len = sizeof local;
  getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len);
  close(fd);
  return ntohs(local.sin_port) == port;
}

// Accepts each connection and counts its calls; the first call may be held until released.
class CountingListener : public AcceptLoop::Listener {
 public:
  CountingListener(int fd, bool hold_first) : fd_(fd), hold_(hold_first) {}
  std::optional<AcceptLoop::Clock::time_point> on_wake(bool readable) override {
    if (readable) {
      int c = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c >= 0) close(c);
    }
    std::unique_lock lock(mu_);
    ++calls_;
    changed_.notify_all();
    if (hold_) changed_.wait(lock, [&] { return released_; });
    hold_ = false;
    returned_ = calls_;
    return std::nullopt;
  }
  void wait_for_calls(int n) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return calls_ >= n; });
  }
  void release() {
    std::lock_guard lock(mu_);
    released_ = true;
    changed_.notify_all();
  }
  int calls() {
    std::lock_guard lock(mu_);
    return calls_;
  }
  int returned() {
    std::lock_guard lock(mu_);
    return returned_;
  }

 private:
  int fd_;
  bool hold_;
  std::mutex mu_;
  std::condition_variable changed_;
  int calls_ = 0;
  int returned_ = 0;
  bool released_ = false;
};

TEST(AcceptLoop, RemoveWaitsOutACallInProgressAndNoCallFollows) {
  auto loop = AcceptLoop::shared();
  ASSERT_TRUE(loop.ok()) << loop.error().message;
  Listening socket;
  CountingListener listener(socket.fd, /*hold_first=*/true);
  auto id = (*loop)->add(socket.fd, &listener);
  ASSERT_TRUE(id.ok());
  int client = connect_to(socket.port);
  ASSERT_GE(client, 0);
  listener.wait_for_calls(1);  // the loop is inside the listener now
  std::atomic<int> returned_when_removed{-1};
  std::thread remover([&] {
    (*loop)->remove(*id);
    returned_when_removed = listener.returned();
  });
  listener.release();
  remover.join();
  EXPECT_EQ(returned_when_removed.load(), 1);  // remove() returned after the call did
  // A connection to the removed socket is never handed over; one to another registration is.
  int late = connect_to(socket.port);
  Listening other;
  CountingListener witness(other.fd, false);
  auto other_id = (*loop)->add(other.fd, &witness);
  ASSERT_TRUE(other_id.ok());
  int seen = connect_to(other.port);
  witness.wait_for_calls(1);
  (*loop)->remove(*other_id);
  EXPECT_EQ(listener.calls(), 1);
  for (int fd : {client, late, seen})
    if (fd >= 0) close(fd);
}

TEST(AcceptLoop, OneLoopServesEveryHostOfTheProcess) {
  const int threads_before = entries_in("/proc/self/task");
  const int fds_before = entries_in("/proc/self/fd");
  std::vector<std::unique_ptr<FakeSshHost>> hosts;
  for (int i = 0; i < 40; ++i) {
    HostSettings s;
    s.hostname = "idle-" + std::to_string(i);
    s.users.push_back({"ubuntu", {}, std::string("pw")});
    auto started = FakeSshHost::start(std::move(s));
    ASSERT_TRUE(started.ok()) << started.error().message;
    hosts.push_back(std::move(*started));
  }
  // The loop's thread, its epoll set and wake-up fd, and each host's socket: nothing per host
  // but the socket.
  const int threads_during = entries_in("/proc/self/task");
  EXPECT_LE(threads_during - threads_before, 1);
  const int fds_during = entries_in("/proc/self/fd");
  EXPECT_LE(fds_during - fds_before, 40 + 2);
  auto loop = AcceptLoop::shared();
  ASSERT_TRUE(loop.ok());
  EXPECT_NE((*loop)->thread_id(), std::thread::id());
  hosts.clear();
  EXPECT_EQ(entries_in("/proc/self/task"), threads_during);  // `loop` still holds its thread
  EXPECT_EQ(entries_in("/proc/self/fd"), fds_during - 40);   // each host's socket closed
}

TEST(AcceptLoop, HostsStopCleanlyWhileConnectionsPourIn) {
  std::vector<std::unique_ptr<FakeSshHost>> hosts;
  std::vector<int> ports;
  for (int i = 0; i < 16; ++i) {
    HostSettings s;
    s.hostname = "busy-" + std::to_string(i);
    s.users.push_back({"ubuntu", {}, std::string("pw")});
    auto started = FakeSshHost::start(std::move(s));
    ASSERT_TRUE(started.ok()) << started.error().message;
    ports.push_back((*started)->port());
    hosts.push_back(std::move(*started));
  }
  std::mutex mu;
  std::condition_variable round_done;
  int rounds = 0;  // passes of the client over every port; guarded by mu
  bool done = false;
  std::atomic<int> connected{0};
  std::thread client([&] {
    while (true) {
      for (int port : ports)
        if (int fd = connect_to(port); fd >= 0) {
          ++connected;
          close(fd);
        }
      std::lock_guard lock(mu);
      ++rounds;
      round_done.notify_all();
      if (done) return;
    }
  });
  // Each host stops (and is freed) while connections to it and the others keep coming: the
  // client makes a whole pass between two stops, and goes on during each.
  for (auto& host : hosts) {
    {
      std::unique_lock lock(mu);
      const int seen = rounds;
      round_done.wait(lock, [&] { return rounds > seen; });
    }
    host.reset();
  }
  {
    std::lock_guard lock(mu);
    done = true;
  }
  client.join();
  EXPECT_GT(connected.load(), 16);
  for (int port : ports) EXPECT_TRUE(refused(port)) << port;  // every socket closed
}

TEST(AcceptLoop, AnIdleHostsTemporaryTreeIsMadeOnFirstUse) {
  HostSettings s;
  s.hostname = "lazy";
  s.users.push_back({"ubuntu", {}, std::string("pw")});
  auto host = FakeSshHost::start(std::move(s));
  ASSERT_TRUE(host.ok()) << host.error().message;
  const std::filesystem::path root = (*host)->root_path();
  EXPECT_FALSE(std::filesystem::exists(root));
  EXPECT_EQ((*host)->root(), root);  // root() makes it
  EXPECT_TRUE(std::filesystem::exists(root / "etc/ssh/ssh_host_ed25519_key.pub"));
  EXPECT_EQ(opsreg::testing::read_text(root / "etc/ssh/ssh_host_ed25519_key.pub"),
            (*host)->host_public_key() + " opsreg-fake-host\n");
  host->reset();
  EXPECT_FALSE(std::filesystem::exists(root));
}

}  // namespace
}  // namespace opsreg::mocks::ssh
