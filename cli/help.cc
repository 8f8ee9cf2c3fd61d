// Laying out a command's help: sections, wrapped paragraphs, options with their sentences.
#include "cli/help.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/command.h"
#include "core/util/data_dir.h"

namespace opsreg::cli {

namespace {

constexpr std::size_t kIndent = 4;
constexpr std::size_t kTextIndent = 8;

std::string option_heading(const Option& o) {
  std::string out;
  for (const auto& n : o.names) out += (out.empty() ? "" : ", ") + n;
  if (!o.value.empty()) out += (o.value.starts_with("[=") ? "" : " ") + o.value;
  return out;
}

void section(std::string& out, const char* title) {
  out += out.empty() ? "" : "\n";
  out += title;
  out += "\n";
}

// Paragraphs wrapped, a blank line between them.
void paragraphs(std::string& out, const std::vector<std::string>& list) {
  for (size_t i = 0; i < list.size(); ++i) out += (i ? "\n" : "") + wrap(list[i], kIndent);
}

// Each entry's name on a line, its text wrapped below, a blank line between entries.
void entries(std::string& out, const std::vector<Entry>& list) {
  for (size_t i = 0; i < list.size(); ++i) {
    out += (i ? "\n" : "") + std::string(kIndent, ' ') + list[i].name + "\n";
    out += wrap(list[i].text, kTextIndent);
  }
}

// "docs/register.md" and, when this opsreg's data folder holds it, the installed copy.
std::string doc_line(const std::string& repo_path) {
  std::string line = std::string(kIndent, ' ') + repo_path + " (in the source tree)\n";
  // The data folder mirrors the repository's docs/ (PREFIX/share/opsreg/docs when installed).
  std::filesystem::path installed = data_dir() / repo_path;
  std::error_code ec;
  if (std::filesystem::exists(installed, ec))
    line += std::string(kTextIndent, ' ') + "this opsreg's copy: " + installed.string() + "\n";
  return line;
}

}  // namespace

std::string wrap(const std::string& text, std::size_t indent, std::size_t width) {
  std::string out, line;
  std::istringstream words(text);
  std::string word;
  const std::string pad(indent, ' ');
  while (words >> word) {
    if (!line.empty() && pad.size() + line.size() + 1 + word.size() > width) {
      out += pad + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += pad + line + "\n";
  return out;
}

std::string render_help(const CommandHelp& h) {
  std::string out;
  section(out, "NAME");
  out += wrap("opsreg " + h.name + " - " + h.summary, kIndent);
  section(out, "SYNOPSIS");
  for (const auto& line : h.synopsis) out += std::string(kIndent, ' ') + line + "\n";
  section(out, "DESCRIPTION");
  paragraphs(out, h.description);
  section(out, "OPTIONS");
  for (size_t i = 0; i < h.options.size(); ++i) {
    out += (i ? "\n" : "") + std::string(kIndent, ' ') + option_heading(h.options[i]) + "\n";
    out += wrap(h.options[i].text, kTextIndent);
  }
  for (const HelpSection& s : h.sections) {
    section(out, s.title.c_str());
    paragraphs(out, s.paragraphs);
    if (!s.paragraphs.empty() && !s.entries.empty()) out += "\n";
    entries(out, s.entries);
  }
  if (!h.environment.empty()) {
    section(out, "ENVIRONMENT");
    entries(out, h.environment);
  }
  section(out, "EXIT STATUS");
  for (const auto& line : h.exit_statuses) out += std::string(kIndent, ' ') + line + "\n";
  section(out, "DOCUMENTATION");
  for (const auto& d : h.docs) out += doc_line(d);
  out += wrap(
      "Installed, the docs are under PREFIX/share/opsreg/docs; OPSREG_DATA_DIR names "
      "another data folder.",
      kIndent);
  return out;
}

int print_help(const CommandHelp& help) {
  std::fputs(render_help(help).c_str(), stdout);
  return kExitOk;
}

int usage_error(const CommandHelp& help, const std::string& why) {
  std::string text = "opsreg " + help.name + ": " + why + "\n";
  for (size_t i = 0; i < help.synopsis.size(); ++i)
    text += (i ? "       " : "usage: ") + help.synopsis[i] + "\n";
  text += "Run 'opsreg help " + help.name + "' for every option.\n";
  std::fputs(text.c_str(), stderr);
  return kExitUsage;
}

int aws_cli_usage_error(const CommandHelp& help, const std::string& why) {
  std::string text;
  for (size_t i = 0; i < help.synopsis.size(); ++i)
    text += (i ? "       " : "usage: ") + help.synopsis[i] + "\n";
  text += "To see help text, you can run: opsreg " + help.name + " --help\n\nopsreg " + help.name +
          ": error: " + why + "\n";
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
  return kExitUsage;
}

}  // namespace opsreg::cli
