// The credential providers and the chain that walks them.
#include "core/config/credentials_chain.h"

#include "core/config/instance_metadata.h"

namespace opsreg::config {

namespace {

aws::Error partial(std::string_view provider, std::string_view missing) {
  return aws::make_error("PartialCredentials", "Partial credentials found in " +
                                                   std::string(provider) +
                                                   ", missing: " + std::string(missing));
}

class ExplicitProvider final : public CredentialProvider {
 public:
  explicit ExplicitProvider(aws::Credentials creds) : creds_(std::move(creds)) {}
  std::optional<Result<ResolvedCredentials>> load() const override {
    if (creds_.access_key_id.empty()) return std::nullopt;
    if (creds_.secret_access_key.empty())
      return Result<ResolvedCredentials>(partial("explicit", "aws_secret_access_key"));
    return Result<ResolvedCredentials>(ResolvedCredentials{creds_, "explicit"});
  }

 private:
  aws::Credentials creds_;
};

class EnvProvider final : public CredentialProvider {
 public:
  explicit EnvProvider(Env env) : env_(std::move(env)) {}
  std::optional<Result<ResolvedCredentials>> load() const override {
    std::optional<std::string> id = non_empty(env_, "AWS_ACCESS_KEY_ID");
    if (!id) return std::nullopt;
    std::optional<std::string> secret = non_empty(env_, "AWS_SECRET_ACCESS_KEY");
    if (!secret) return Result<ResolvedCredentials>(partial("env", "AWS_SECRET_ACCESS_KEY"));
    aws::Credentials c{*id, *secret, ""};
    if (auto token = non_empty(env_, "AWS_SESSION_TOKEN"))
      c.session_token = *token;
    else if (auto legacy = non_empty(env_, "AWS_SECURITY_TOKEN"))
      c.session_token = *legacy;
    return Result<ResolvedCredentials>(ResolvedCredentials{std::move(c), "env"});
  }

 private:
  Env env_;
};

// Reads aws_access_key_id / aws_secret_access_key / aws_session_token from one section.
class SectionProvider final : public CredentialProvider {
 public:
  SectionProvider(const IniSection* section, std::string method)
      : section_(section), method_(std::move(method)) {}
  std::optional<Result<ResolvedCredentials>> load() const override {
    if (section_ == nullptr) return std::nullopt;
    const std::string* id = section_->get("aws_access_key_id");
    if (id == nullptr || id->empty()) return std::nullopt;
    const std::string* secret = section_->get("aws_secret_access_key");
    if (secret == nullptr || secret->empty())
      return Result<ResolvedCredentials>(partial(method_, "aws_secret_access_key"));
    aws::Credentials c{*id, *secret, ""};
    if (const std::string* token = section_->get("aws_session_token"))
      c.session_token = *token;
    else if (const std::string* legacy = section_->get("aws_security_token"))
      c.session_token = *legacy;
    return Result<ResolvedCredentials>(ResolvedCredentials{std::move(c), method_});
  }

 private:
  const IniSection* section_;
  std::string method_;
};

}  // namespace

std::unique_ptr<CredentialProvider> explicit_provider(aws::Credentials creds) {
  return std::make_unique<ExplicitProvider>(std::move(creds));
}

std::unique_ptr<CredentialProvider> env_provider(Env env) {
  return std::make_unique<EnvProvider>(std::move(env));
}

std::unique_ptr<CredentialProvider> shared_credentials_provider(const SharedConfig& shared) {
  return std::make_unique<SectionProvider>(shared.credentials_profile, "shared-credentials-file");
}

std::unique_ptr<CredentialProvider> config_file_provider(const SharedConfig& shared) {
  return std::make_unique<SectionProvider>(shared.config_profile, "config-file");
}

Result<ResolvedCredentials> resolve_credentials(
    const std::vector<std::unique_ptr<CredentialProvider>>& chain) {
  for (const auto& provider : chain) {
    std::optional<Result<ResolvedCredentials>> found = provider->load();
    if (found) return std::move(*found);
  }
  return aws::make_error("NoCredentials",
                         "Unable to locate credentials. You can configure credentials by "
                         "running \"aws configure\".");
}

std::vector<std::unique_ptr<CredentialProvider>> default_chain(
    const std::optional<aws::Credentials>& explicit_creds, const Env& env,
    const SharedConfig& shared) {
  std::vector<std::unique_ptr<CredentialProvider>> chain;
  if (explicit_creds) chain.push_back(explicit_provider(*explicit_creds));
  // An explicitly given --profile negates environment keys (botocore's disable_env_vars).
  if (!shared.explicit_profile) chain.push_back(env_provider(env));
  chain.push_back(shared_credentials_provider(shared));
  chain.push_back(config_file_provider(shared));
  // Container credentials are not read; the instance profile (EC2 metadata) comes last.
  chain.push_back(instance_profile_provider(MetadataOptions::from_env(env, &shared)));
  return chain;
}

}  // namespace opsreg::config
