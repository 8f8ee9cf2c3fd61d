// The help of each opsreg command, laid out as git's and the AWS CLI's manuals are: name and
// one-line summary, synopsis, description, options (each with a sentence), environment, exit
// status, and where the docs are; a command with more to say (serve's admin API, expect's
// expectations) adds sections of its own after the options. The options table is also what the
// command's parser accepts (cli/options.h), so a flag cannot exist without its sentence. The
// texts: cli/help_texts.cc and cli/help_texts_serve.cc.
#pragma once

#include <string>
#include <vector>

namespace opsreg::cli {

struct Option {
  std::vector<std::string> names;  // {"-j", "--jobs"}; a positional: {"PATH..."}
  std::string value;               // what the flag takes ("N", "FILE"); "" for a switch
  std::string text;                // what it does, in sentences
  bool is_flag() const { return !names.empty() && names.front().starts_with("-"); }
};

// A named thing and its sentences, shown as the name on a line and the text indented below.
struct Entry {
  std::string name;  // "OPSREG_DATA_DIR", or several: "AWS_REGION, AWS_DEFAULT_REGION"
  std::string text;
};
using EnvVar = Entry;

// A section of a command's own ("ADMIN API"): paragraphs, then entries (routes, members, …).
struct HelpSection {
  std::string title;                    // in capitals, as the standard sections
  std::vector<std::string> paragraphs;  // wrapped
  std::vector<Entry> entries;
};

struct CommandHelp {
  std::string name;                        // "scenario"
  std::string summary;                     // one line, also shown by `opsreg help`
  std::vector<std::string> synopsis;       // usage lines, each without "usage: "
  std::vector<std::string> description;    // paragraphs
  std::vector<Option> options;             // flags and positionals, in the order shown
  std::vector<HelpSection> sections;       // the command's own, after the options
  std::vector<EnvVar> environment;         // the variables that change what it does
  std::vector<std::string> exit_statuses;  // "0  all passed", one line each
  std::vector<std::string> docs;           // repository paths: "docs/register.md"
};

// The whole help text (stdout of `opsreg CMD --help`), wrapped at 80 columns. The docs are
// named by their repository path and, where the data folder (core/util/data_dir.h) holds
// them, by the installed path this opsreg reads.
std::string render_help(const CommandHelp& help);

// Prints render_help(help) on stdout; returns the success exit status (0).
int print_help(const CommandHelp& help);

// "opsreg CMD: WHY\nusage: SYNOPSIS...\nRun 'opsreg help CMD' for every option.\n" on stderr;
// returns the usage exit status (2).
int usage_error(const CommandHelp& help, const std::string& why);

// The AWS CLI's form, for register and register-fleet: the usage, where the help is, then
// "opsreg CMD: error: WHY" on the last line (stderr); returns the usage exit status (2).
int aws_cli_usage_error(const CommandHelp& help, const std::string& why);

// Wraps `text` at `width` columns, each line starting with `indent` spaces.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width = 80);

// The help of each command: cli/help_texts.cc, serve's and expect's cli/help_texts_serve.cc.
const CommandHelp& serve_help();
const CommandHelp& register_help();
const CommandHelp& register_fleet_help();  // cli/help_texts_fleet.cc
const CommandHelp& scenario_help();
const CommandHelp& conform_help();
const CommandHelp& expect_help();
const CommandHelp& agent_help();

// Pieces the help texts share (cli/help_texts.cc): -h/--help, OPSREG_DATA_DIR, and the standard
// AWS environment as the AWS CLI reads it.
const Option& help_option();
const EnvVar& data_dir_variable();
std::vector<EnvVar> aws_environment();

}  // namespace opsreg::cli
