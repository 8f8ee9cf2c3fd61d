// The opsreg executable's command line as a newcomer meets it: `opsreg help`, `opsreg help CMD`
// (the same as `opsreg CMD --help`), mistyped commands and subcommands and unknown flags (exit
// status 2, naming the word and the nearest known one).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace {

struct Ran {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs build/opsreg with `args` (no shell metacharacters) through /bin/sh.
Ran opsreg(const std::string& args) {
  Ran r;
  FILE* p = popen((std::string(OPSREG_BINARY) + " " + args + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
  int raw = pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

bool has(const Ran& r, const std::string& text) { return r.output.find(text) != std::string::npos; }

TEST(CliCommands, HelpListsEveryCommandWithOneLine) {
  Ran r = opsreg("help");
  EXPECT_EQ(r.status, 0);
  for (const char* command : {"serve", "register", "scenario", "conform", "expect", "agent"})
    EXPECT_TRUE(has(r, "\n  " + std::string(command) + " ")) << command << "\n" << r.output;
  EXPECT_EQ(opsreg("--help").output, r.output);
  Ran none = opsreg("");
  EXPECT_EQ(none.status, 2);
  EXPECT_EQ(none.output, r.output);
}

TEST(CliCommands, HelpCommandIsTheCommandsOwnHelp) {
  for (const char* command : {"serve", "register", "scenario", "conform", "expect", "agent"}) {
    Ran help = opsreg(std::string("help ") + command);
    Ran own = opsreg(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_EQ(help.output, own.output) << command;
    for (const char* section : {"OPTIONS\n", "EXIT STATUS\n", "DOCUMENTATION\n"})
      EXPECT_TRUE(has(help, section)) << command << ": " << section;
  }
}

TEST(CliCommands, AMistypedCommandOrSubcommandSuggestsTheNearest) {
  Ran r = opsreg("scenaro run x.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg: unknown command 'scenaro'. Did you mean 'scenario'?")) << r.output;
  r = opsreg("help regster");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "Did you mean 'register'?")) << r.output;
  r = opsreg("scenario rnu x.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg scenario: unknown subcommand 'rnu'. Did you mean 'run'?")) << r.output;
  r = opsreg("agent contacts");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "Did you mean 'contact'?")) << r.output;
}

TEST(CliCommands, AnUnknownFlagIsNamedByEveryCommand) {
  const std::pair<const char*, const char*> cases[] = {
      {"register --stack-idd X --infrastructure-class ec2",
       "opsreg register: error: Unknown options: --stack-idd (did you mean '--stack-id'?)"},
      {"scenario run --jsn x.json",
       "opsreg scenario: unknown option '--jsn' (did you mean '--json'?)"},
      {"conform --taget aws",
       "opsreg conform: unknown option '--taget' (did you mean '--target'?)"},
      {"agent boot-registration --preconfg p.json",
       "unknown option '--preconfg' (did you mean '--preconfig'?)"},
      {"serve --prot 3", "opsreg serve: unknown option '--prot' (did you mean '--port'?)"},
      {"expect --endpont http://127.0.0.1:1 '{}'",
       "opsreg expect: unknown option '--endpont' (did you mean '--endpoint'?)"},
  };
  for (const auto& [command, message] : cases) {
    Ran r = opsreg(command);
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_TRUE(has(r, message)) << command << "\n" << r.output;
  }
  EXPECT_TRUE(has(opsreg("serve --prot 3"), "usage: opsreg serve [--world FILE] [--port N]"));
}

TEST(CliCommands, ServeAndExpectRefuseWhatTheyCannotUse) {
  Ran r = opsreg("serve world.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg serve: unexpected argument 'world.json' (serve takes only flags)"))
      << r.output;
  r = opsreg("serve --port 70000");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "--port must be a number from 0 to 65535")) << r.output;
  r = opsreg("serve --env ''");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg serve: --env needs a value (FILE)")) << r.output;
  r = opsreg("expect --endpoint");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg expect: --endpoint needs a value (URL)")) << r.output;
}

TEST(CliCommands, ScenarioShardingRefusesWhatItCannotUse) {
  Ran r = opsreg("scenario run --shard 4/3 x.json");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg scenario: --shard 4/3: K must be from 1 to 3 (shards count from 1)"))
      << r.output;
  EXPECT_TRUE(has(r, "usage: opsreg scenario run [-j N] [--json] [--junit FILE] [--shard K/N]"))
      << r.output;
  r = opsreg("scenario merge-junit out.xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "opsreg scenario: merge-junit needs OUT and at least one IN file"))
      << r.output;
  r = opsreg("scenario merge-junit out.xml /nonexistent/junit-1.xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "/nonexistent/junit-1.xml")) << r.output;
  r = opsreg("scenario mrege-junit a b");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r, "Did you mean 'merge-junit'?")) << r.output;
}

}  // namespace
