// The generic flag reader of the subcommands, driven by their help's options.
#include "cli/options.h"

#include "core/util/nearest.h"

namespace opsreg::cli {

std::optional<std::string> ParsedOptions::value(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

Result<ParsedOptions> parse_options(const Args& args, const std::vector<Option>& options) {
  auto usage = [](const std::string& why) { return aws::make_error("UsageError", why, 0); };
  std::vector<std::string> known = {"-h", "--help"};
  for (const Option& o : options)
    if (o.is_flag()) known.insert(known.end(), o.names.begin(), o.names.end());

  ParsedOptions out;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (flags_done || !word.starts_with("-") || word == "-") {
      out.positional.push_back(word);
      continue;
    }
    if (word == "--") {
      flags_done = true;
      continue;
    }
    if (word == "-h" || word == "--help") {
      out.help = true;
      continue;
    }
    std::string name = word;
    std::optional<std::string> inline_value;
    if (auto eq = word.find('='); eq != std::string::npos && word.starts_with("--")) {
      name = word.substr(0, eq);
      inline_value = word.substr(eq + 1);
    }
    const Option* option = nullptr;
    for (const Option& o : options)
      for (const auto& n : o.names)
        if (o.is_flag() && n == name) option = &o;
    if (!option) return usage("unknown option '" + name + "'" + did_you_mean(name, known));
    const std::string& key = option->names.back();
    if (option->value.empty()) {
      if (inline_value) return usage(name + " takes no value");
      out.values[key] = "";
    } else if (inline_value) {
      out.values[key] = *inline_value;
    } else if (i + 1 < args.size()) {
      out.values[key] = args[++i];
    } else {
      return usage(name + " needs a value (" + option->value + ")");
    }
  }
  return out;
}

std::string empty_value(const ParsedOptions& parsed, const std::vector<Option>& options) {
  for (const Option& o : options)
    if (o.is_flag() && !o.value.empty() && parsed.value(o.names.back()) == "")
      return o.names.back() + " needs a value (" + o.value + ")";
  return "";
}

std::string unknown_word(const std::string& kind, const std::string& word,
                         const std::vector<std::string>& known) {
  std::string out = "unknown " + kind + " '" + word + "'";
  if (auto near = nearest(word, known)) return out + ". Did you mean '" + *near + "'?";
  return out + " (one of " + join_words(known) + ")";
}

}  // namespace opsreg::cli
