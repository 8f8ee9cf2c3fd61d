// One client connection to a fake host, run on its own thread: key exchange,
// authentication (key signature verified by libssh, or password), then its channels,
// all driven by one libssh event loop waiting on poll.
#pragma once

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mocks/ssh/host_context.h"
#include "mocks/ssh/session_channel.h"

namespace opsreg::mocks::ssh {

class Session {
 public:
  // Takes ownership of `session` (already bound to the accepted socket `fd`).
  Session(std::shared_ptr<HostContext> host, ssh_session session, int fd);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Serves the connection until the client leaves, a fault drops it, or interrupt().
  void run();
  // From any thread: makes run() return soon (shuts the socket down).
  void interrupt();
  bool finished() const { return finished_.load(); }
  // From any thread: whether a user has logged in on this connection.
  bool authenticated() const { return authenticated_.load(); }

 private:
  static int auth_none(ssh_session, const char* user, void* self);
  static int auth_password(ssh_session, const char* user, const char* password, void* self);
  static int auth_pubkey(ssh_session, const char* user, ssh_key_struct* key, char signature_state,
                         void* self);
  static ssh_channel open_session_channel(ssh_session, void* self);

  void serve();
  bool connected() const;
  void granted(const char* user);
  int denied();
  void teardown();

  std::shared_ptr<HostContext> host_;
  ssh_session session_;
  ssh_event event_ = nullptr;
  ssh_server_callbacks_struct callbacks_{};
  std::string ssh_connection_, ssh_client_;

  std::mutex fd_mu_;  // guards fd_ against interrupt() racing the socket's close
  int fd_;
  bool fd_closed_ = false;

  std::atomic<bool> authenticated_{false};
  std::string user_;
  int auth_failures_ = 0;
  bool drop_requested_ = false;
  std::vector<std::unique_ptr<SessionChannel>> channels_;
  std::atomic<bool> finished_{false};
};

}  // namespace opsreg::mocks::ssh
