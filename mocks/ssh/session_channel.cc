// The session channel's life: requests accepted as OpenSSH's sshd would (AcceptEnv LANG
// LC_*), the command on pipes or a pty, output as it comes, exit-status, EOF, close.
#include "mocks/ssh/session_channel.h"

#include <libssh/server.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "mocks/ssh/sandbox.h"

namespace opsreg::mocks::ssh {
namespace {

constexpr std::pair<const char*, int> kSignals[] = {
    {"ABRT", SIGABRT}, {"ALRM", SIGALRM}, {"FPE", SIGFPE},   {"HUP", SIGHUP},   {"ILL", SIGILL},
    {"INT", SIGINT},   {"KILL", SIGKILL}, {"PIPE", SIGPIPE}, {"QUIT", SIGQUIT}, {"SEGV", SIGSEGV},
    {"TERM", SIGTERM}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2}};

int signal_number(const char* name) {
  for (const auto& [n, sig] : kSignals) {
    if (std::strcmp(n, name) == 0) return sig;
  }
  return 0;
}

const char* signal_name(int sig) {
  for (const auto& [n, s] : kSignals) {
    if (s == sig) return n;
  }
  return "KILL";
}

SessionChannel* self_of(void* p) { return static_cast<SessionChannel*>(p); }

}  // namespace

SessionChannel::SessionChannel(ssh_channel channel, ChannelOwner owner)
    : channel_(channel), owner_(std::move(owner)) {
  callbacks_.userdata = this;
  callbacks_.channel_data_function = on_data;
  callbacks_.channel_eof_function = on_eof;
  callbacks_.channel_close_function = on_close;
  callbacks_.channel_signal_function = on_signal;
  callbacks_.channel_pty_request_function = on_pty_request;
  callbacks_.channel_pty_window_change_function = on_window_change;
  callbacks_.channel_env_request_function = on_env;
  callbacks_.channel_exec_request_function = on_exec;
  callbacks_.channel_shell_request_function = on_shell;
  ssh_callbacks_init(&callbacks_);
  ssh_set_channel_callbacks(channel_, &callbacks_);
}

SessionChannel::~SessionChannel() {
  child_.reset();  // kills and reaps a child still running
  ssh_remove_channel_callbacks(channel_, &callbacks_);
  ssh_channel_free(channel_);
}

bool SessionChannel::done() const { return client_closed_ && (!child_ || child_->exited()); }

// ---- requests -------------------------------------------------------------------------

int SessionChannel::on_pty_request(ssh_session, ssh_channel, const char* term, int cols, int rows,
                                   int, int, void* p) {
  SessionChannel* self = self_of(p);
  if (self->child_ || self->want_pty_) return -1;
  self->want_pty_ = true;
  self->term_ = term != nullptr ? term : "";
  if (cols > 0) self->cols_ = static_cast<unsigned short>(cols);
  if (rows > 0) self->rows_ = static_cast<unsigned short>(rows);
  return 0;
}

int SessionChannel::on_window_change(ssh_session, ssh_channel, int cols, int rows, int, int,
                                     void* p) {
  SessionChannel* self = self_of(p);
  if (!self->want_pty_) return -1;
  if (cols > 0) self->cols_ = static_cast<unsigned short>(cols);
  if (rows > 0) self->rows_ = static_cast<unsigned short>(rows);
  if (self->child_) self->child_->resize(self->cols_, self->rows_);
  return 0;
}

int SessionChannel::on_env(ssh_session, ssh_channel, const char* name, const char* value, void* p) {
  std::string n = name != nullptr ? name : "";
  if (n != "LANG" && n.rfind("LC_", 0) != 0) return -1;  // sshd's AcceptEnv LANG LC_*
  self_of(p)->env_.emplace_back(n, value != nullptr ? value : "");
  return 0;
}

int SessionChannel::on_exec(ssh_session, ssh_channel, const char* command, void* p) {
  return self_of(p)->start(std::string(command != nullptr ? command : "")) ? 0 : -1;
}

int SessionChannel::on_shell(ssh_session, ssh_channel, void* p) {
  return self_of(p)->start(std::nullopt) ? 0 : -1;
}

void SessionChannel::on_signal(ssh_session, ssh_channel, const char* signal, void* p) {
  SessionChannel* self = self_of(p);
  int sig = signal != nullptr ? signal_number(signal) : 0;
  if (sig != 0 && self->child_) self->child_->signal(sig);
}

int SessionChannel::on_data(ssh_session, ssh_channel, void* data, uint32_t len, int, void* p) {
  SessionChannel* self = self_of(p);
  const char* bytes = static_cast<const char*>(data);
  if (!self->child_) {
    self->early_stdin_.append(bytes, len);
  } else if (!self->child_->exited()) {
    self->child_->write_stdin(bytes, len);  // a gone reader drops the data, like sshd
  }
  return static_cast<int>(len);
}

void SessionChannel::on_eof(ssh_session, ssh_channel, void* p) {
  SessionChannel* self = self_of(p);
  self->client_eof_ = true;
  if (self->child_) self->child_->close_stdin();
}

void SessionChannel::on_close(ssh_session, ssh_channel, void* p) {
  self_of(p)->client_closed_ = true;
}

// ---- the command ------------------------------------------------------------------------

bool SessionChannel::start(const std::optional<std::string>& command) {
  if (child_) return false;  // one command per channel
  const HostTree& tree = owner_.host->tree();
  std::vector<std::pair<std::string, std::string>> extra = env_;
  extra.emplace_back("SSH_CONNECTION", owner_.ssh_connection);
  extra.emplace_back("SSH_CLIENT", owner_.ssh_client);
  if (want_pty_) extra.emplace_back("TERM", term_.empty() ? "dumb" : term_);

  SpawnSpec spec;
  spec.program = "/bin/sh";
  if (command) {
    spec.argv = {"sh", "-c", *command};
  } else {
    spec.argv = {"-sh"};  // a login shell, as sshd starts it
  }
  spec.env = tree.environment(owner_.user, extra);
  spec.cwd = tree.home_of(owner_.user).string();
  if (tree.settings().sandbox) {
    // The same shell, in the host's own namespaces and filesystem (sandbox.h).
    Result<std::string> bwrap = bubblewrap();
    if (!bwrap.ok()) return false;
    SandboxLayout layout;
    layout.root = tree.root();
    layout.hostname = tree.settings().hostname;
    auto agent = tree.settings().env.find("OPSREG_BIN");
    layout.agent = agent != tree.settings().env.end() ? agent->second : "/proc/self/exe";
    layout.shared_files = tree.settings().shared_files;
    layout.cwd = owner_.user == "root" ? "/root" : "/home/" + owner_.user;
    std::vector<std::string> users;
    for (const HostUser& u : tree.settings().users) users.push_back(u.name);
    layout.uid = sandbox_uid(users, owner_.user);
    std::vector<std::string> inner = {"/bin/sh"};
    if (command)
      inner.insert(inner.end(), {"-c", *command});
    else
      inner.push_back("-l");  // a login shell, as sshd starts it
    spec.argv = sandbox_argv(*bwrap, layout, inner);
    spec.program = *bwrap;
  }
  spec.pty = want_pty_;
  spec.cols = cols_;
  spec.rows = rows_;
  // A slow host: the command starts (and answers) later on the world's clock.
  std::chrono::microseconds delay = owner_.host->faults().command_delay;
  if (delay.count() > 0 && owner_.host->settings().advance_clock)
    owner_.host->settings().advance_clock(delay);
  Result<ChildProcess> child = ChildProcess::spawn(spec);
  if (!child.ok()) return false;
  child_.emplace(std::move(child).value());
  if (!early_stdin_.empty()) child_->write_stdin(early_stdin_.data(), early_stdin_.size());
  early_stdin_.clear();
  if (client_eof_) child_->close_stdin();
  return true;
}

SessionChannel::Read SessionChannel::pump(int fd, bool is_stderr) {
  char buf[32 * 1024];
  ssize_t n;
  do {
    n = read(fd, buf, sizeof buf);
  } while (n < 0 && errno == EINTR);
  if (n > 0) {
    forward(buf, static_cast<size_t>(n), is_stderr);
    return Read::kData;
  }
  if (n < 0 && errno == EAGAIN) return Read::kWouldBlock;
  return Read::kEnd;  // 0: EOF; EIO: the pty's last slave closed
}

void SessionChannel::forward(const char* data, size_t len, bool is_stderr) {
  if (output_cut_ || client_closed_) return;
  std::optional<std::size_t> limit = owner_.host->faults().disconnect_after_output_bytes;
  if (limit && bytes_sent_ + len >= *limit) {
    len = *limit - bytes_sent_;
    output_cut_ = true;
  }
  if (len > 0) {
    uint32_t n = static_cast<uint32_t>(len);
    int rc = is_stderr ? ssh_channel_write_stderr(channel_, data, n)
                       : ssh_channel_write(channel_, data, n);
    if (rc == SSH_ERROR) output_cut_ = true;
    bytes_sent_ += len;
  }
  if (limit && bytes_sent_ >= *limit) owner_.drop_connection();
}

int SessionChannel::on_stdout_ready(int fd, int, void* p) {
  SessionChannel* self = self_of(p);
  if (self->pump(fd, false) == Read::kEnd) self->out_eof_ = true;
  return 0;
}

int SessionChannel::on_stderr_ready(int fd, int, void* p) {
  SessionChannel* self = self_of(p);
  if (self->pump(fd, true) == Read::kEnd) self->err_eof_ = true;
  return 0;
}

int SessionChannel::on_child_exit(int, int, void* p) {
  SessionChannel* self = self_of(p);
  if (self->child_) self->child_->try_reap();
  return 0;
}

void SessionChannel::after_poll(ssh_event event) {
  if (!child_) return;
  if (!registered_) {
    registered_ = true;
    out_fd_ = child_->output_fd();
    err_fd_ = child_->error_fd();
    exit_fd_ = child_->pidfd();
    ssh_event_add_fd(event, out_fd_, POLLIN, on_stdout_ready, this);
    if (err_fd_ >= 0) ssh_event_add_fd(event, err_fd_, POLLIN, on_stderr_ready, this);
    ssh_event_add_fd(event, exit_fd_, POLLIN, on_child_exit, this);
    if (owner_.host->faults().disconnect_after_output_bytes == std::size_t{0}) {
      output_cut_ = true;
      owner_.drop_connection();
    }
  }
  if (err_fd_ < 0) err_eof_ = true;
  if (out_eof_ && out_fd_ >= 0) {
    ssh_event_remove_fd(event, out_fd_);
    child_->close_output(out_fd_);
    out_fd_ = -1;
  }
  if (err_eof_ && err_fd_ >= 0) {
    ssh_event_remove_fd(event, err_fd_);
    child_->close_output(err_fd_);
    err_fd_ = -1;
  }
  if (child_->exited() && exit_fd_ >= 0) {
    ssh_event_remove_fd(event, exit_fd_);
    exit_fd_ = -1;
  }
  if (client_closed_ && !child_->exited() && !hup_sent_) {
    hup_sent_ = true;  // the client went away: hang up the command, as sshd does
    child_->signal_group(SIGHUP);
  }
  if (!child_->exited() || finished_) return;
  if (child_->is_pty() && out_fd_ >= 0) {
    // The command exited: take what the pty still holds (a background process keeping
    // the slave open does not hold the channel, as with sshd's ttys).
    while (pump(out_fd_, false) == Read::kData) {
    }
    out_eof_ = true;
    ssh_event_remove_fd(event, out_fd_);
    child_->close_output(out_fd_);
    out_fd_ = -1;
  }
  if (out_fd_ >= 0 || err_fd_ >= 0) return;  // pipes: wait for EOF, as sshd does
  send_exit_and_close();
}

void SessionChannel::send_exit_and_close() {
  finished_ = true;
  if (client_closed_ || output_cut_) return;
  int status = child_->wait_status();
  if (WIFSIGNALED(status)) {
    ssh_channel_request_send_exit_signal(channel_, signal_name(WTERMSIG(status)),
                                         WCOREDUMP(status) ? 1 : 0, "", "");
  } else {
    ssh_channel_request_send_exit_status(channel_, WEXITSTATUS(status));
  }
  ssh_channel_send_eof(channel_);
  ssh_channel_close(channel_);
}

void SessionChannel::detach(ssh_event event) {
  for (int* fd : {&out_fd_, &err_fd_, &exit_fd_}) {
    if (*fd >= 0) ssh_event_remove_fd(event, *fd);
    *fd = -1;
  }
}

}  // namespace opsreg::mocks::ssh
