// Resolution of profile, credentials, region and endpoints for one CLI invocation.
#include "core/config/aws_environment.h"

#include <cctype>

#include "core/config/credentials_chain.h"
#include "core/http/http_types.h"

namespace opsreg::config {

namespace {

bool is_true(std::string_view v) {
  std::string l(v);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "true";
}

aws::Error no_region() {
  return aws::make_error("NoRegion",
                         "You must specify a region. You can also configure your region by "
                         "running \"aws configure\".");
}

}  // namespace

Result<std::unique_ptr<AwsEnvironment>> AwsEnvironment::load(const GlobalFlags& flags, Env env) {
  std::unique_ptr<AwsEnvironment> out(new AwsEnvironment());
  out->flags_ = flags;
  out->env_ = std::move(env);
  Result<std::unique_ptr<SharedConfig>> shared = load_shared_config(flags.profile, out->env_);
  if (!shared.ok()) return shared.error();
  out->shared_ = std::move(shared.value());

  if (flags.endpoint_url) {
    Result<http::Url> url = http::parse_url(*flags.endpoint_url);
    if (!url.ok()) return url.error();
  }

  // Region: --region → AWS_REGION → AWS_DEFAULT_REGION → the profile's region.
  if (flags.region && !flags.region->empty())
    out->region_ = *flags.region;
  else if (auto r = non_empty(out->env_, "AWS_REGION"))
    out->region_ = *r;
  else if (auto dr = non_empty(out->env_, "AWS_DEFAULT_REGION"))
    out->region_ = *dr;
  else
    out->region_ = out->shared_->get("region").value_or("");

  if (auto bundle = non_empty(out->env_, "AWS_CA_BUNDLE"))
    out->ca_bundle_ = expand_home(*bundle, out->env_);
  else if (auto pb = out->shared_->get("ca_bundle"))
    out->ca_bundle_ = expand_home(*pb, out->env_);

  Result<ResolvedCredentials> creds =
      resolve_credentials(default_chain(flags.credentials, out->env_, *out->shared_));
  if (creds.ok()) {
    out->credentials_ = creds->credentials;
    out->credentials_source_ = creds->source;
  } else {
    out->credentials_ = creds.error();
  }
  return out;
}

Result<aws::Credentials> AwsEnvironment::credentials() const { return credentials_; }

bool AwsEnvironment::ignore_configured_endpoints() const {
  // The variable, when set, wins over the profile setting (botocore's config chain).
  if (std::optional<std::string> v = env_("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
    return is_true(*v);
  if (auto p = shared_->get("ignore_configured_endpoint_urls")) return is_true(*p);
  return false;
}

Result<Endpoint> AwsEnvironment::endpoint(Service service, const ServiceOptions& options) const {
  const ServiceInfo& info = service_info(service);
  std::string region = options.region && !options.region->empty() ? *options.region : region_;

  std::string url, source;
  if (options.use_endpoint_flag && flags_.endpoint_url) {
    url = *flags_.endpoint_url;
    source = "flag";
  } else if (!ignore_configured_endpoints()) {
    // botocore's ConfiguredEndpointProvider order: service env, global env, the profile's
    // services section, the profile's endpoint_url.
    if (auto v = non_empty(env_, "AWS_ENDPOINT_URL_" + std::string(info.env_suffix))) {
      url = *v;
      source = "env-service";
    } else if (auto g = non_empty(env_, "AWS_ENDPOINT_URL")) {
      url = *g;
      source = "env-global";
    } else {
      if (auto services = shared_->get("services")) {
        const IniSection* section = shared_->config_file.section("services " + *services);
        if (section == nullptr)
          return aws::make_error("InvalidConfigError",
                                 "The profile is configured to use the services section but "
                                 "the \"" +
                                     *services + "\" services configuration does not exist.");
        auto it = section->nested.find(std::string(info.id));
        if (it != section->nested.end()) {
          auto ep = it->second.find("endpoint_url");
          if (ep != it->second.end() && !ep->second.empty()) {
            url = ep->second;
            source = "config-service";
          }
        }
      }
      if (url.empty()) {
        if (auto p = shared_->get("endpoint_url"); p && !p->empty()) {
          url = *p;
          source = "config-global";
        }
      }
    }
  }

  if (url.empty()) {
    // The AWS default: global services and STS/S3 do without a region; others need one.
    if (region.empty() && (service == Service::kOpsWorks || service == Service::kEc2))
      return no_region();
    return default_endpoint(service, region);
  }
  Result<http::Url> parsed = http::parse_url(url);
  if (!parsed.ok()) return parsed.error();
  // A custom endpoint is signed in the client's region; S3 falls back to us-east-1, the
  // others need a region (botocore raises NoRegionError).
  if (region.empty()) {
    if (service != Service::kS3) return no_region();
    region = "us-east-1";
  }
  return Endpoint{url, region, source};
}

Result<ServiceConfig> AwsEnvironment::service(Service service,
                                              const ServiceOptions& options) const {
  Result<Endpoint> ep = endpoint(service, options);
  if (!ep.ok()) return ep.error();
  if (!credentials_.ok()) return credentials_.error();
  ServiceConfig config;
  config.service = service;
  config.signing_name = std::string(service_info(service).signing_name);
  config.region = options.region && !options.region->empty() ? *options.region : region_;
  config.endpoint = std::move(ep.value());
  config.credentials = credentials_.value();
  return config;
}

}  // namespace opsreg::config
