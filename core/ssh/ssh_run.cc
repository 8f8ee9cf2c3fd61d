// SshRunner::run: one command on a session channel (optional pty), output streamed through
// libssh channel callbacks as packets arrive, exit status or signal collected at close.
#include <libssh/callbacks.h>

#include "core/ssh/ssh_runner_impl.h"

namespace opsreg::ssh {
namespace {

struct ChannelState {
  const RunOptions* options = nullptr;
  RunResult result;
  bool eof = false;
  bool closed = false;
};

int on_data(ssh_session, ssh_channel, void* data, uint32_t len, int is_stderr, void* user) {
  auto* st = static_cast<ChannelState*>(user);
  if (st->options->on_output) {
    st->options->on_output(std::string_view(static_cast<const char*>(data), len), is_stderr != 0);
  }
  return static_cast<int>(len);  // all consumed
}

void on_eof(ssh_session, ssh_channel, void* user) { static_cast<ChannelState*>(user)->eof = true; }

void on_close(ssh_session, ssh_channel, void* user) {
  static_cast<ChannelState*>(user)->closed = true;
}

void on_exit_status(ssh_session, ssh_channel, int status, void* user) {
  static_cast<ChannelState*>(user)->result.exit_status = status;
}

void on_exit_signal(ssh_session, ssh_channel, const char* signal, int core, const char*,
                    const char*, void* user) {
  auto* st = static_cast<ChannelState*>(user);
  st->result.exit_signal = signal != nullptr ? signal : "";
  st->result.core_dumped = core != 0;
}

// Owns the channel and its event loop for one run.
class ChannelGuard {
 public:
  explicit ChannelGuard(ssh_session s) : channel_(ssh_channel_new(s)), event_(ssh_event_new()) {}
  ~ChannelGuard() {
    if (event_ != nullptr) ssh_event_free(event_);
    if (channel_ != nullptr) {
      if (ssh_channel_is_open(channel_)) ssh_channel_close(channel_);
      ssh_channel_free(channel_);
    }
  }
  ssh_channel channel() const { return channel_; }
  ssh_event event() const { return event_; }

 private:
  ssh_channel channel_;
  ssh_event event_;
};

}  // namespace

Result<RunResult> SshRunner::run(const std::string& command, const RunOptions& options) {
  ssh_session s = impl_->session;
  if (s == nullptr || !impl_->connected) {
    return aws::make_error("SshProtocolError", "run() before a successful connect()");
  }
  auto failed = [&](const std::string& what) {
    return aws::make_error("SshProtocolError", what + ": " + ssh_get_error(s));
  };
  using Clock = std::chrono::steady_clock;
  // Clock::time_point::max() when the run has no deadline.
  const Clock::time_point deadline =
      options.deadline ? Clock::now() + *options.deadline : Clock::time_point::max();

  ChannelState state;
  state.options = &options;
  struct ssh_channel_callbacks_struct cb {};
  cb.userdata = &state;
  cb.channel_data_function = on_data;
  cb.channel_eof_function = on_eof;
  cb.channel_close_function = on_close;
  cb.channel_exit_status_function = on_exit_status;
  cb.channel_exit_signal_function = on_exit_signal;
  ssh_callbacks_init(&cb);

  ChannelGuard guard(s);  // declared after cb and state: freed before them
  ssh_channel ch = guard.channel();
  if (ch == nullptr || guard.event() == nullptr) return failed("channel");
  if (ssh_channel_open_session(ch) != SSH_OK) return failed("channel open");
  if (ssh_set_channel_callbacks(ch, &cb) != SSH_OK) return failed("channel callbacks");
  if (options.pty && ssh_channel_request_pty_size(ch, options.term.c_str(), options.cols,
                                                  options.rows) != SSH_OK) {
    return failed("PTY allocation request failed");
  }
  if (ssh_channel_request_exec(ch, command.c_str()) != SSH_OK) return failed("exec request");

  if (options.stdin_data) {
    const std::string& in = *options.stdin_data;
    size_t sent = 0;
    while (sent < in.size()) {
      int n = ssh_channel_write(ch, in.data() + sent, static_cast<uint32_t>(in.size() - sent));
      if (n < 0) return failed("writing stdin");
      sent += static_cast<size_t>(n);
    }
  }
  if (!state.closed && !state.eof && ssh_channel_send_eof(ch) != SSH_OK && !state.closed) {
    return failed("sending EOF");
  }

  if (ssh_event_add_session(guard.event(), s) != SSH_OK) return failed("event loop");
  while (!state.closed) {
    int wait_ms = -1;
    if (options.deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) {
        return aws::make_error("CommandTimeout", "the remote command did not finish within " +
                                                     std::to_string(options.deadline->count()) +
                                                     " ms");
      }
      wait_ms = static_cast<int>(left.count());
    }
    if (ssh_event_dopoll(guard.event(), wait_ms) == SSH_ERROR || !ssh_is_connected(s)) {
      if (state.closed) break;
      impl_->connected = false;
      return aws::make_error("ConnectionLost",
                             "Connection to " + options_.host + " closed by remote host.");
    }
  }
  ssh_event_remove_session(guard.event(), s);
  return state.result;
}

}  // namespace opsreg::ssh
