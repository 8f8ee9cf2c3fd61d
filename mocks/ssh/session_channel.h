// One "session" channel of a connection to the fake host: its requests (pty-req, env,
// exec, shell, window-change, signal), its child process, and the output streamed back.
#pragma once

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mocks/ssh/child_process.h"
#include "mocks/ssh/host_context.h"

namespace opsreg::mocks::ssh {

// Who the channel runs for and how it reaches its connection.
struct ChannelOwner {
  HostContext* host = nullptr;
  std::string user;                       // the authenticated login
  std::string ssh_connection;             // "client_ip client_port server_ip server_port"
  std::string ssh_client;                 // "client_ip client_port server_port"
  std::function<void()> drop_connection;  // fault: cut the TCP connection now
};

// Lives on the connection's thread. libssh calls the request callbacks during
// ssh_event_dopoll(); the connection calls after_poll() after each dopoll, where fds are
// added to and removed from the event (never inside a callback).
class SessionChannel {
 public:
  SessionChannel(ssh_channel channel, ChannelOwner owner);
  ~SessionChannel();  // kills a running child; removes the callbacks; frees the channel
  SessionChannel(const SessionChannel&) = delete;
  SessionChannel& operator=(const SessionChannel&) = delete;

  ssh_channel channel() const { return channel_; }
  // Registers new child fds, drops finished ones, and sends exit-status/EOF/close once the
  // command has exited and its output is drained.
  void after_poll(ssh_event event);
  // The client closed the channel and no child runs any more: safe to destroy.
  bool done() const;
  // Removes this channel's fds from `event` (before the event or this object goes away).
  void detach(ssh_event event);

 private:
  static int on_data(ssh_session, ssh_channel, void* data, uint32_t len, int is_stderr, void* self);
  static void on_eof(ssh_session, ssh_channel, void* self);
  static void on_close(ssh_session, ssh_channel, void* self);
  static void on_signal(ssh_session, ssh_channel, const char* signal, void* self);
  static int on_pty_request(ssh_session, ssh_channel, const char* term, int cols, int rows,
                            int px_width, int px_height, void* self);
  static int on_window_change(ssh_session, ssh_channel, int cols, int rows, int px_width,
                              int px_height, void* self);
  static int on_env(ssh_session, ssh_channel, const char* name, const char* value, void* self);
  static int on_exec(ssh_session, ssh_channel, const char* command, void* self);
  static int on_shell(ssh_session, ssh_channel, void* self);
  static int on_stdout_ready(int fd, int revents, void* self);
  static int on_stderr_ready(int fd, int revents, void* self);
  static int on_child_exit(int fd, int revents, void* self);

  // Starts /bin/sh (with -c command, or as a login shell); false refuses the request.
  bool start(const std::optional<std::string>& command);
  enum class Read { kData, kWouldBlock, kEnd };
  // Reads once from fd and forwards what came; kEnd at EOF (or EIO on a pty master).
  Read pump(int fd, bool is_stderr);
  void forward(const char* data, size_t len, bool is_stderr);
  void send_exit_and_close();

  ssh_channel channel_;
  ChannelOwner owner_;
  ssh_channel_callbacks_struct callbacks_{};

  // Requests before the command starts.
  bool want_pty_ = false;
  std::string term_;
  unsigned short cols_ = 80, rows_ = 24;
  std::vector<std::pair<std::string, std::string>> env_;  // accepted LANG/LC_*
  std::string early_stdin_;                               // data before the child exists

  std::optional<ChildProcess> child_;
  bool registered_ = false;                       // child fds added to the event
  int out_fd_ = -1, err_fd_ = -1, exit_fd_ = -1;  // as registered; -1 once removed
  bool out_eof_ = false, err_eof_ = false;
  std::size_t bytes_sent_ = 0;  // output forwarded, for the disconnect fault
  bool output_cut_ = false;     // the disconnect fault fired: forward nothing more
  bool client_eof_ = false;
  bool client_closed_ = false;
  bool hup_sent_ = false;
  bool finished_ = false;  // exit status sent and channel closed on our side
};

}  // namespace opsreg::mocks::ssh
