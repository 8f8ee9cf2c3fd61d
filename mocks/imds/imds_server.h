// One EC2 host's instance metadata service on 127.0.0.1:PORT, IMDSv2 only: PUT
// /latest/api/token (X-aws-ec2-metadata-token-ttl-seconds 1..21600) gives a token, and every
// GET needs it in X-aws-ec2-metadata-token, else 401 — our choice, as an instance launched
// with HttpTokens=required answers (IMDSv1 GETs are refused). Tokens and role credential
// rotation follow the clock given in the options (the world's).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/clock/clock.h"
#include "core/http/http_types.h"
#include "core/util/result.h"
#include "mocks/imds/metadata.h"
#include "mocks/imds/role_credentials.h"
#include "mocks/imds/tokens.h"
#include "mocks/server/http_server.h"

namespace opsreg::mocks::imds {

struct ImdsOptions {
  std::string account_id = "123456789012";
  // When the instance was launched: pendingTime of its identity document, iam/info's LastUpdated.
  TimePoint launch_time;
  // The world's time; empty: the system clock.
  std::function<TimePoint()> now;
  // Issues the instance profile role's credentials (session name = the instance id); empty:
  // iam/security-credentials/ROLE answers with "no role session source".
  RoleCredentialsSource role_credentials;
  // PEM private key signing the identity document; empty: fixtures/ec2/identity-signing.pem.
  std::string identity_key_pem;
};

class ImdsServer {
 public:
  // Starts serving `host` (which must be an EC2 host) on 127.0.0.1, a free port. Errors:
  // "ImdsSetupFailed" (no ec2 object, no port), the identity signing key's errors.
  static Result<std::unique_ptr<ImdsServer>> start(const WorldHost& host, ImdsOptions options);
  ~ImdsServer();  // stops
  ImdsServer(const ImdsServer&) = delete;
  ImdsServer& operator=(const ImdsServer&) = delete;

  int port() const { return server_->port(); }
  // http://127.0.0.1:PORT — what AWS_EC2_METADATA_SERVICE_ENDPOINT is set to on the host.
  std::string url() const { return server_->url(); }

  // Answers one request as the socket does (method, path without query, headers).
  http::Response handle(const http::Request& request);

 private:
  ImdsServer(InstanceFacts facts, ImdsOptions options);
  TimePoint now() const;

  InstanceFacts facts_;
  ImdsOptions options_;
  TokenStore tokens_;
  RoleCredentialsCache roles_;
  std::unique_ptr<HttpServer> server_;  // last: stopped before the state it serves goes
};

}  // namespace opsreg::mocks::imds
