// The subcommands' help (cli/help_texts.cc) against their parsers: every flag a parser accepts
// has a sentence in its command's help and no help lists a flag the parser refuses; each help
// names its exit statuses and docs that exist. And the flag reader: unknown flags named, with
// the nearest known one.
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
  return {&register_help(), &scenario_help(), &conform_help(), &agent_help()};
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
      {"cli/agent.cc", &agent_help()}};
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
