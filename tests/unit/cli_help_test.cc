// The subcommands' help (cli/help_texts.cc) against their parsers: every flag a parser accepts
// has a sentence in its command's help and no help lists a flag the parser refuses; each help
// names its exit statuses and docs that exist; serve's and expect's keep what their help says
// beyond the flags. And the flag reader: unknown flags named, with the nearest known one.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "cli/help.h"
#include "cli/options.h"
#include "core/register/arguments.h"

namespace opsreg::cli {
namespace {

std::set<std::string> help_flags(const CommandHelp& h) {
  std::set<std::string> out;
  for (const Option& o : h.options)
    if (o.is_flag()) out.insert(o.names.begin(), o.names.end());
  return out;
}

const Option* option_named(const CommandHelp& h, const std::string& name) {
  for (const Option& o : h.options)
    for (const auto& n : o.names)
      if (n == name) return &o;
  return nullptr;
}

std::vector<const CommandHelp*> all_helps() {
  return {&serve_help(),   &register_help(), &register_fleet_help(), &scenario_help(),
          &conform_help(), &expect_help(),   &agent_help()};
}

TEST(CliHelp, EveryRegisterFlagTheParserAcceptsHasASentence) {
  std::set<std::string> parser;
  for (const auto& f : registration::flag_names()) parser.insert(f);
  parser.insert({"-h", "--help"});
  EXPECT_EQ(help_flags(register_help()), parser);
  for (const auto& f : parser) {
    const Option* o = option_named(register_help(), f);
    ASSERT_NE(o, nullptr) << f;
    EXPECT_GE(o->text.size(), 20u) << f << ": a sentence, not a word";
    EXPECT_TRUE(o->text.ends_with(".")) << f;
  }
}

// The flags the other commands read are those of their help (parse_options refuses the rest):
// every flag their code asks the parsed options about must be in that table.
TEST(CliHelp, EveryFlagACommandReadsIsInItsHelp) {
  const std::pair<const char*, const CommandHelp*> sources[] = {
      {"cli/scenario.cc", &scenario_help()},
      {"cli/conform.cc", &conform_help()},
      {"cli/agent.cc", &agent_help()},
      {"cli/serve.cc", &serve_help()},
      {"cli/expect.cc", &expect_help()}};
  const std::regex read(R"re((?:value|has)\("(-[-a-z]+)"\))re");
  for (auto [file, help] : sources) {
    std::ifstream in(std::string(OPSREG_SOURCE_DIR) + "/" + file);
    ASSERT_TRUE(in) << file;
    std::stringstream text;
    text << in.rdbuf();
    std::string code = text.str();
    int reads = 0;
    for (std::sregex_iterator it(code.begin(), code.end(), read), end; it != end; ++it, ++reads)
      EXPECT_TRUE(help_flags(*help).count((*it)[1].str())) << file << " reads " << (*it)[1];
    EXPECT_GT(reads, 0) << file;
  }
}

TEST(CliHelp, EachHelpHasItsSectionsAndEveryOptionWithASentence) {
  for (const CommandHelp* h : all_helps()) {
    SCOPED_TRACE(h->name);
    std::string text = render_help(*h);
    for (const char* section :
         {"NAME\n", "SYNOPSIS\n", "DESCRIPTION\n", "OPTIONS\n", "EXIT STATUS\n", "DOCUMENTATION\n"})
      EXPECT_NE(text.find(section), std::string::npos) << section;
    EXPECT_NE(text.find("opsreg " + h->name + " - "), std::string::npos);
    for (const Option& o : h->options) {
      EXPECT_FALSE(o.text.empty()) << o.names.front();
      EXPECT_NE(text.find("    " + o.names.front()), std::string::npos) << o.names.front();
    }
    ASSERT_EQ(h->exit_statuses.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(h->exit_statuses[i].starts_with(std::to_string(i)));
    for (const auto& doc : h->docs)
      EXPECT_TRUE(std::ifstream(std::string(OPSREG_SOURCE_DIR) + "/" + doc).good()) << doc;
    // Wrapped for a terminal (the data folder's paths aside: they are as long as they are).
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      if (line.find("this opsreg's copy: ") == std::string::npos) {
        EXPECT_LE(line.size(), 80u) << line;
      }
  }
}

TEST(CliHelp, TheEnvironmentThatMattersIsNamed) {
  auto names = [](const CommandHelp& h) {
    std::string all;
    for (const EnvVar& e : h.environment) all += e.name + "\n";
    return all;
  };
  for (const char* var :
       {"OPSREG_SSH_PASSWORD", "OPSREG_DATA_DIR", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"})
    EXPECT_NE(names(register_help()).find(var), std::string::npos) << var;
  for (const char* var : {"AWS_PROFILE", "AWS_ENDPOINT_URL", "OPSREG_DATA_DIR"})
    EXPECT_NE(names(conform_help()).find(var), std::string::npos) << var;
  EXPECT_NE(names(scenario_help()).find("OPSREG_DATA_DIR"), std::string::npos);
  EXPECT_NE(names(agent_help()).find("OPSREG_AGENT_KEY_POOL"), std::string::npos);
  for (const char* var : {"OPSREG_DATA_DIR", "OPSREG_BWRAP"})
    EXPECT_NE(names(serve_help()).find(var), std::string::npos) << var;
  for (const char* var : {"AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_PROFILE"})
    EXPECT_NE(names(expect_help()).find(var), std::string::npos) << var;
}

// A command's own sections come after its options, before the environment, each with its
// paragraphs and its entries laid out as the options are.
TEST(CliHelp, ACommandsOwnSectionsSitBetweenOptionsAndEnvironment) {
  CommandHelp h;
  h.name = "demo";
  h.summary = "a command for this test";
  h.synopsis = {"opsreg demo"};
  h.options = {help_option()};
  h.sections = {{"ROUTES", {"What it answers."}, {{"GET thing", "The thing."}}},
                {"CLOCK", {"Real time."}, {}}};
  h.environment = {{"DEMO_VAR", "Changes nothing."}};
  h.exit_statuses = {"0  ok", "1  not", "2  usage"};
  std::string text = render_help(h);
  EXPECT_NE(text.find("\nROUTES\n    What it answers.\n\n    GET thing\n        The thing.\n\n"
                      "CLOCK\n    Real time.\n\nENVIRONMENT\n"),
            std::string::npos)
      << text;
  EXPECT_LT(text.find("OPTIONS\n"), text.find("ROUTES\n"));
}

// The help as one line: words joined by single spaces, whatever the wrapping.
std::string unwrapped(const CommandHelp& h) {
  std::istringstream words(render_help(h));
  std::string out, word;
  while (words >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

// What serve's and expect's free-form help used to say is all still there.
TEST(CliHelp, ServeAndExpectKeepWhatTheirHelpSaid) {
  std::string serve = unwrapped(serve_help());
  for (const char* said : {"SIGINT or SIGTERM",
                           "READY LINE",
                           "ADMIN API",
                           "CLOCK",
                           "EXPORTED ENVIRONMENT",
                           "GET world",
                           "GET clock",
                           "POST clock/advance",
                           "POST reset",
                           "GET|POST|DELETE faults",
                           "GET requests",
                           "GET hosts",
                           "GET hosts/NAME/file?path=P",
                           "&since=SEQ",
                           "endpoint",
                           "account_id",
                           "secret_access_key",
                           "stack_id",
                           "agent_installer_url",
                           "ssh_config",
                           "host_key_fingerprint",
                           "ec2_instance_id",
                           "AWS_DATA_PATH",
                           "GIT_SSH_COMMAND",
                           "OPSREG_ADMIN_URL",
                           "AWS_SHARED_CREDENTIALS_FILE",
                           "expired signatures",
                           "mode 0600",
                           "atomically"})
    EXPECT_NE(serve.find(said), std::string::npos) << said;
  std::string expect = unwrapped(expect_help());
  for (const char* said :
       {"EXPECTATIONS", "\"instance\"", "\"service_error\"", "\"iam_user\"", "\"path_prefix\"",
        "\"file\"", "\"contains\"", "\"requests\"", "\"min\"", "not applicable", "stderr_contains",
        "GET /_opsreg/clock", "not counted", "standard input"})
    EXPECT_NE(expect.find(said), std::string::npos) << said;
}

TEST(CliOptions, AnUnknownFlagIsNamedWithTheNearestKnownOne) {
  auto parsed = parse_options({"--jsn", "x.json"}, scenario_help().options);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "unknown option '--jsn' (did you mean '--json'?)");
  parsed = parse_options({"--targt=aws"}, conform_help().options);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "unknown option '--targt' (did you mean '--target'?)");
  parsed = parse_options({"--frobnicate"}, conform_help().options);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "unknown option '--frobnicate'");
  parsed = parse_options({"--prot", "3"}, serve_help().options);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message, "unknown option '--prot' (did you mean '--port'?)");
}

TEST(CliOptions, AnEmptyValueIsNamedWhereACommandWantsOne) {
  auto parsed = parse_options({"--env", "", "--port", "0"}, serve_help().options);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(empty_value(*parsed, serve_help().options), "--env needs a value (FILE)");
  parsed = parse_options({"--env", "e.env", "--print-env"}, serve_help().options);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(empty_value(*parsed, serve_help().options), "");
}

TEST(CliOptions, ValuesSwitchesAndPositionals) {
  auto parsed = parse_options({"a.json", "-j", "3", "--junit=out.xml", "--json", "--", "--b"},
                              scenario_help().options);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->value("--jobs"), "3");
  EXPECT_EQ(parsed->value("--junit"), "out.xml");
  EXPECT_TRUE(parsed->has("--json"));
  EXPECT_FALSE(parsed->help);
  EXPECT_EQ(parsed->positional, (std::vector<std::string>{"a.json", "--b"}));
  auto missing = parse_options({"--junit"}, scenario_help().options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "--junit needs a value (FILE)");
  auto extra = parse_options({"--json=yes"}, scenario_help().options);
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().message, "--json takes no value");
  auto help = parse_options({"x", "--help"}, scenario_help().options);
  ASSERT_TRUE(help.ok());
  EXPECT_TRUE(help->help);
}

TEST(CliOptions, AMistypedCommandSuggestsTheNearest) {
  EXPECT_EQ(unknown_word("command", "scenaro", {"serve", "register", "scenario"}),
            "unknown command 'scenaro'. Did you mean 'scenario'?");
  EXPECT_EQ(unknown_word("subcommand", "rnu", {"run"}),
            "unknown subcommand 'rnu'. Did you mean 'run'?");
  EXPECT_EQ(unknown_word("command", "deploy", {"serve", "register"}),
            "unknown command 'deploy' (one of serve, register)");
}

}  // namespace
}  // namespace opsreg::cli
