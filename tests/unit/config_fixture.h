// Test support for the AWS environment tests: a private temporary HOME with ~/.aws files
// and a controlled environment map (the real environment and ~/.aws are never read).
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "core/config/aws_environment.h"

namespace opsreg::testing {

class AwsHome {
 public:
  AwsHome() {
    char tmpl[] = "/tmp/opsreg-awshome-XXXXXX";
    dir_ = mkdtemp(tmpl);
    std::filesystem::create_directories(dir_ + "/.aws");
    vars["HOME"] = dir_;
    // Tests never reach a real metadata service (the chain's last provider).
    vars["AWS_EC2_METADATA_DISABLED"] = "true";
  }
  ~AwsHome() { std::filesystem::remove_all(dir_); }
  AwsHome(const AwsHome&) = delete;
  AwsHome& operator=(const AwsHome&) = delete;

  // Writes ~/.aws/config / ~/.aws/credentials (or any path under the home).
  void config(const std::string& text) { write(".aws/config", text); }
  void credentials(const std::string& text) { write(".aws/credentials", text); }
  std::string write(const std::string& relative, const std::string& text) {
    std::string path = dir_ + "/" + relative;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
    return path;
  }

  config::Env env() const { return config::env_from_map(vars); }
  Result<std::unique_ptr<config::AwsEnvironment>> load(const config::GlobalFlags& flags = {}) {
    return config::AwsEnvironment::load(flags, env());
  }

  const std::string& dir() const { return dir_; }
  std::map<std::string, std::string> vars;  // the environment; HOME and IMDS-off preset

 private:
  std::string dir_;
};

}  // namespace opsreg::testing
