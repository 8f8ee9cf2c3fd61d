// What expectations read of a world, from inside a scenario (ScenarioWorld, in process) or from
// a running `opsreg serve` (ServeWorld, over HTTP for `opsreg expect`): a signed client as the
// operator, a host file, the requests the edge answered, whose a key is, saved results. The
// checks themselves are written once, against this interface (expect.cc).
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clients/aws_client.h"
#include "core/http/transport.h"
#include "core/util/result.h"
#include "mocks/edge/request_log.h"

namespace opsreg::scenarios {

// Results saved by name ("register", "call", or a step's save_as) for "$NAME.Member".
using SavedResults = std::map<std::string, nlohmann::json>;

// A request the edge answered (the harness's request log entry).
using SeenRequest = mocks::LoggedRequest;

class ExpectWorld {
 public:
  virtual ~ExpectWorld() = default;

  // A client of `service` ("iam", "opsworks", ...) signing as the world's operator at the
  // world's time. Its requests carry mocks::kUnloggedHeader: the request log leaves them out.
  virtual Result<clients::AwsClient> operator_client(const std::string& service) = 0;
  // The content of `path` on host `host`, read inside the host's tree; nullopt when there is
  // no such file. Errors: NoSuchHost, PathOutsideRoot, NotAFile, FileTooLarge.
  virtual Result<std::optional<std::string>> host_file(const std::string& host,
                                                       const std::string& path) = 0;
  // The requests the edge answered, oldest first (a check's own reads left out).
  virtual Result<std::vector<SeenRequest>> requests() = 0;
  // The name of the identity holding `access_key_id` beyond what the log says (a scenario's
  // saved keys: "$NAME"); "" when unknown.
  virtual std::string identity_of_key(const std::string& access_key_id) const = 0;
  // Results saved by earlier steps (none outside a scenario).
  virtual const SavedResults& saved_results() const = 0;
};

// `inner` with every request marked as a check's own (mocks::kUnloggedHeader, not signed).
std::shared_ptr<http::Transport> check_transport(std::shared_ptr<http::Transport> inner);

}  // namespace opsreg::scenarios
