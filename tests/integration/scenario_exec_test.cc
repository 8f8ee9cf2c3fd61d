// The scenario exec step with real processes: exit statuses and outputs as expectations, the
// errors it names (not found, not executable, timed out, killed by a signal), the environment
// it gets (nothing of the machine's AWS or ssh settings), no process left behind, a command
// run inside a world host, and the AWS CLI signing as the step's identity.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "scenarios/engine/runner.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Result<Scenario> parsed(const json& steps, const json& changes = json::object()) {
  json j = {{"name", "t"}, {"proves", "test"}, {"steps", steps}};
  if (!changes.empty()) j["world"] = {{"changes", changes}};
  return parse_scenario(j, (fs::temp_directory_path() / "exec-test.json").string());
}

ScenarioResult run(const json& steps, const json& changes = json::object()) {
  auto s = parsed(steps, changes);
  EXPECT_TRUE(s.ok()) << s.error().message;
  if (!s.ok()) return {};
  return run_scenario(*s, {OPSREG_BINARY, 1});
}

json shell(const std::string& line) { return {{"exec", {{"shell", line}}}}; }
json expect(const json& e) { return {{"expect", e}}; }

// A private folder for one test's files.
fs::path scratch(const std::string& name) {
  fs::path p =
      fs::temp_directory_path() / ("opsreg-exec-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

TEST(ScenarioExec, ExitStatusStdoutAndStderrAreExpectations) {
  auto r =
      run({shell("echo to-out; echo to-err >&2; exit 3"),
           expect({{"exit", 3}, {"stdout_contains", "to-out"}, {"stderr_contains", "to-err"}})});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioExec, AnOutputThatDiffersIsNamed) {
  auto r = run({shell("echo hello"),
                expect({{"exit", 0}, {"stdout_contains", "goodbye"}, {"stderr_contains", "x"}})});
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.reason,
            "step 2 (expect): expected step 1 (exec) stdout to contain \"goodbye\", got "
            "\"hello\n\"; expected step 1 (exec) stderr to contain \"x\", got \"\"");
}

TEST(ScenarioExec, JsonStdoutIsSavedForResultsAndReferences) {
  auto r = run({shell(R"(echo '{"InstanceId": "i-0123", "Tags": {"Name": "web"}}')"),
                expect({{"result", {{"exec.InstanceId", "i-0123"}, {"exec.Tags.Name", "web"}}}}),
                {{"exec", {{"argv", {"echo", "id=${exec.InstanceId}"}}}}, {"save_as", "echoed"}},
                expect({{"stdout_contains", "id=i-0123"}, {"result", {{"echoed", "id=i-0123"}}}})});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioExec, ACommandNotFoundIsNamed) {
  auto r = run({{{"exec", {{"argv", {"./no-such-tool", "x"}}}}}});
  EXPECT_EQ(r.reason, "step 1 (exec): ./no-such-tool: not found");
  r = run({{{"exec", {{"argv", {"no-such-tool-on-path"}}}}}});
  EXPECT_EQ(r.reason, "step 1 (exec): no-such-tool-on-path: not found");
}

TEST(ScenarioExec, AFileThatIsNotExecutableIsNamed) {
  fs::path dir = scratch("noexec");
  std::ofstream(dir / "tool.sh") << "#!/bin/sh\necho hi\n";
  fs::permissions(dir / "tool.sh", fs::perms::owner_read | fs::perms::owner_write);
  auto r = run({{{"exec", {{"argv", {"./tool.sh"}}, {"cwd", dir.string()}}}}});
  EXPECT_EQ(r.reason, "step 1 (exec): ./tool.sh: not executable");
  fs::remove_all(dir);
}

TEST(ScenarioExec, ATimeoutEndsTheProcessAndFailsTheStep) {
  auto r = run({{{"exec", {{"shell", "echo started >&2; sleep 30"}, {"timeout", "300ms"}}}}});
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.reason,
            "step 1 (exec): timed out after 300ms (killed by signal 15 (SIGTERM)); stderr: "
            "started\n");
  EXPECT_LT(r.seconds, 20);
}

TEST(ScenarioExec, ASignalIsAnExitOf128PlusItsNumber) {
  auto r = run(
      {shell("kill -9 $$"), expect({{"exit", 137}, {"message", "killed by signal 9 (SIGKILL)"}})});
  EXPECT_TRUE(r.passed) << r.reason;
  r = run({shell("kill -9 $$"), expect({{"exit", 0}})});
  EXPECT_EQ(r.reason,
            "step 2 (expect): expected step 1 (exec) to exit 0, got 137 (killed by signal 9 "
            "(SIGKILL)\n)");
}

TEST(ScenarioExec, StdinIsFedAndJsonStdinIsWrittenAsJson) {
  auto r = run({{{"exec", {{"shell", "cat"}, {"stdin", "line one\n"}}}},
                expect({{"stdout_contains", "line one"}}),
                {{"exec", {{"shell", "cat"}, {"stdin", {{"a", 1}}}}}},
                expect({{"stdout_contains", "{\"a\":1}"}, {"result", {{"exec.a", 1}}}})});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioExec, TheMachinesAwsAndSshSettingsAreNotSeen) {
  ::setenv("AWS_PROFILE", "machine-profile", 1);
  ::setenv("AWS_ACCESS_KEY_ID", "AKIAMACHINEKEY000000", 1);
  ::setenv("SSH_AUTH_SOCK", "/tmp/machine-agent.sock", 1);
  auto r = run(
      {{{"exec",
         {{"shell",
           "test -z \"${AWS_PROFILE:-}${SSH_AUTH_SOCK:-}\" && echo clean; "
           "echo key=$AWS_ACCESS_KEY_ID endpoint=$AWS_ENDPOINT_URL mine=$MINE; "
           "grep -c aws_secret_access_key \"$AWS_SHARED_CREDENTIALS_FILE\"; "
           "command -v ssh"},
          {"env", {{"MINE", "set-by-step"}}}}}},
       expect({{"exit", 0},
               {"stdout_contains", "clean\nkey=AKIAOPSREGOPERATOR01 endpoint=http://127.0.0.1:"}}),
       shell("echo mine=${MINE:-unset}; command -v ssh"),
       expect({{"stdout_contains", "mine=unset\n"}, {"message", "/exec/bin/ssh"}})});
  ::unsetenv("AWS_PROFILE");
  ::unsetenv("AWS_ACCESS_KEY_ID");
  ::unsetenv("SSH_AUTH_SOCK");
  EXPECT_TRUE(r.passed) << r.reason;
}

// Killed: gone, or a zombie its new parent has not reaped yet.
void expect_gone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string field, state;
  if (stat >> field >> field >> state) {
    EXPECT_EQ(state, "Z") << "process " << pid << " still runs";
  }
}

pid_t read_pid(const fs::path& file) {
  std::ifstream in(file);
  pid_t pid = 0;
  in >> pid;
  return pid;
}

// Runs `start` (a shell line given the pid file's quoted path, which it fills with the pid of a
// process it leaves running) as an exec step, then checks that process was ended with it.
void expect_left_process_ended(const std::string& name,
                               const std::function<std::string(const std::string&)>& start) {
  fs::path dir = scratch(name);
  fs::path pid_file = dir / "pid";
  auto r = run({shell(start("'" + pid_file.string() + "'") + "; echo started"),
                expect({{"exit", 0}, {"stdout_contains", "started"}})});
  EXPECT_TRUE(r.passed) << r.reason;
  pid_t pid = read_pid(pid_file);
  ASSERT_GT(pid, 0);
  expect_gone(pid);
  fs::remove_all(dir);
}

TEST(ScenarioExec, NoProcessItStartedIsLeftRunning) {
  expect_left_process_ended("background", [](const std::string& pid_file) {
    return "sleep 1000 & echo $! > " + pid_file;
  });
}

// A daemon leaves the process group and the session (as ssh's ControlPersist master does):
// it is still ended with the step, and its open output does not hold the step up.
TEST(ScenarioExec, ADaemonThatLeftItsSessionIsEndedToo) {
  expect_left_process_ended("daemon", [](const std::string& pid_file) {
    return "PID_FILE=" + pid_file + " setsid sh -c 'echo $$ > \"$PID_FILE\"; exec sleep 1000' & " +
           "while [ ! -s " + pid_file + " ]; do :; done";
  });
}

TEST(ScenarioExec, OnHostRunsInsideThatHost) {
  json write = {{"name", "onprem-web-1"},
                {"write_file", {{"path", "/srv/only-here.txt"}, {"content", "on the host"}}}};
  json inside = {{"shell", "hostname; id -un; cat /srv/only-here.txt; echo \" $GREETING\""},
                 {"on_host", "onprem-web-1"},
                 {"env", {{"GREETING", "hi"}}}};
  json in_cwd = {{"argv", {"cat", "only-here.txt"}}, {"on_host", "onprem-web-1"}, {"cwd", "/srv"}};
  auto r = run({{{"host", write}},
                {{"exec", inside}},
                expect({{"exit", 0}, {"stdout_contains", "onprem-web-1\nubuntu\non the host hi"}}),
                {{"exec", in_cwd}},
                expect({{"exit", 0}, {"stdout_contains", "on the host"}})});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioExec, TheAwsCliSignsAsTheStepsIdentity) {
  json deployer = {
      {"user_name", "deployer"},
      {"access_key_id", "AKIAOPSREGDEPLOYER01"},
      {"secret_access_key", "deployer/secret/key/00000000000000000000"},
      {"policies",
       {{"sts",
         {{"Version", "2012-10-17"},
          {"Statement", {{{"Effect", "Allow"}, {"Action", "sts:*"}, {"Resource", "*"}}}}}}}}};
  auto r =
      run({shell("aws sts get-caller-identity --output json"),
           expect({{"exit", 0}, {"result", {{"exec.Account", "123456789012"}}}}),
           {{"exec", {{"shell", "aws sts get-caller-identity --output json"}}}, {"as", "deployer"}},
           expect({{"exit", 0},
                   {"result", {{"exec.Arn", "arn:aws:iam::123456789012:user/deployer"}}},
                   {"requests",
                    {{"service", "sts"}, {"caller", "deployer"}, {"ok", true}, {"count", 1}}}}),
           {{"exec", {{"shell", "ssh onprem-web-1 hostname"}}}},
           expect({{"exit", 0}, {"stdout_contains", "onprem-web-1"}})},
          {{"identities", {deployer}}});
  EXPECT_TRUE(r.passed) << r.reason;
}

// The world's clock follows real time while the process runs, and the registered agent makes
// its contacts on its timer meanwhile (every second here): more than the one contact that the
// end of the step alone would make.
TEST(ScenarioExec, TheAgentsContactOnTheirTimerWhileItRuns) {
  json reg = {{"stack_id", "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"},
              {"infrastructure_class", "on-premises"},
              {"target", "onprem-web-1"}};
  json contacts = {{"service", "opsworks"}, {"operation", "AgentContact"}, {"min", 2}};
  auto r = run({{{"register", reg}},
                expect({{"exit", 0}}),
                shell("sleep 2.5"),
                expect({{"exit", 0}, {"requests", contacts}})},
               {{"settings", {{"agent_contact_interval", "1s"}}}});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioExec, LoadErrorsNameWhatIsWrong) {
  auto both = parsed({{{"exec", {{"argv", {"a"}}, {"shell", "b"}}}}});
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.error().message.find(
                "step 1 (exec): exec needs one of \"argv\" (a list of words) or \"shell\""),
            std::string::npos)
      << both.error().message;
  auto unknown = parsed({{{"exec", {{"shell", "b"}, {"timeut", "5s"}}}}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown exec key 'timeut'"), std::string::npos);
  auto timeout = parsed({{{"exec", {{"shell", "b"}, {"timeout", "5 seconds"}}}}});
  ASSERT_FALSE(timeout.ok());
  EXPECT_NE(timeout.error().message.find("timeout needs a duration"), std::string::npos);
  auto argv = parsed({{{"exec", {{"argv", {"a", 1}}}}}});
  ASSERT_FALSE(argv.ok());
  EXPECT_NE(argv.error().message.find("argv must be a list of strings, not 1"), std::string::npos);
}

}  // namespace
}  // namespace opsreg::scenarios
