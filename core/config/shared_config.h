// The shared AWS config files resolved for one profile: where the files are
// (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, ~), which profile is active (--profile,
// AWS_PROFILE, "default"), and the merged settings of that profile.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/config/env.h"
#include "core/config/ini_file.h"
#include "core/util/result.h"

namespace opsreg::config {

struct SharedConfig {
  std::string profile;            // the active profile name
  bool explicit_profile = false;  // given with --profile (disables env credentials)
  std::string config_path;
  std::string credentials_path;
  IniFile config_file;       // sections "default", "profile NAME", "services NAME", ...
  IniFile credentials_file;  // sections "NAME"
  // The active profile's section in each file (null when absent).
  const IniSection* config_profile = nullptr;
  const IniSection* credentials_profile = nullptr;

  // A setting of the active profile from the config file (e.g. "region", "endpoint_url").
  std::optional<std::string> get(const std::string& key) const;
};

// Loads both files for `profile_flag` (the --profile value, if any). A named profile found in
// neither file is "ProfileNotFound": "The config profile (NAME) could not be found"; the
// "default" profile may be absent. SharedConfig is not copyable (it points into itself).
Result<std::unique_ptr<SharedConfig>> load_shared_config(
    const std::optional<std::string>& profile_flag, const Env& env);

// Expands a leading "~/" with HOME from `env`.
std::string expand_home(const std::string& path, const Env& env);

}  // namespace opsreg::config
