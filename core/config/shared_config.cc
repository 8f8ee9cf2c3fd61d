// Locating and loading ~/.aws/config and ~/.aws/credentials for the active profile.
#include "core/config/shared_config.h"

namespace opsreg::config {

std::optional<std::string> SharedConfig::get(const std::string& key) const {
  if (config_profile == nullptr) return std::nullopt;
  if (const std::string* v = config_profile->get(key)) return *v;
  return std::nullopt;
}

std::string expand_home(const std::string& path, const Env& env) {
  if (path == "~" || path.starts_with("~/")) {
    std::optional<std::string> home = env("HOME");
    if (home) return *home + path.substr(1);
  }
  return path;
}

Result<std::unique_ptr<SharedConfig>> load_shared_config(
    const std::optional<std::string>& profile_flag, const Env& env) {
  auto shared = std::make_unique<SharedConfig>();
  if (profile_flag) {
    shared->profile = *profile_flag;
    shared->explicit_profile = true;
  } else {
    shared->profile = non_empty(env, "AWS_PROFILE").value_or("default");
  }
  shared->config_path =
      expand_home(non_empty(env, "AWS_CONFIG_FILE").value_or("~/.aws/config"), env);
  shared->credentials_path = expand_home(
      non_empty(env, "AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"), env);

  Result<IniFile> config = load_ini_file(shared->config_path);
  if (!config.ok()) return config.error();
  shared->config_file = std::move(config.value());
  Result<IniFile> creds = load_ini_file(shared->credentials_path);
  if (!creds.ok()) return creds.error();
  shared->credentials_file = std::move(creds.value());

  // In the config file a profile is "[profile NAME]"; "default" may also be "[default]".
  const std::string& name = shared->profile;
  shared->config_profile = shared->config_file.section("profile " + name);
  if (shared->config_profile == nullptr && name == "default")
    shared->config_profile = shared->config_file.section("default");
  shared->credentials_profile = shared->credentials_file.section(name);

  if (shared->config_profile == nullptr && shared->credentials_profile == nullptr &&
      name != "default")
    return aws::make_error("ProfileNotFound",
                           "The config profile (" + name + ") could not be found");
  return shared;
}

}  // namespace opsreg::config
