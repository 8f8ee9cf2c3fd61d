// A client of a running `opsreg serve`'s admin API (mocks/admin/admin_api.h) over HTTP: the
// world's clock, the request log, host files. `opsreg expect` reads a served world through it.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/http/http_types.h"
#include "core/http/transport.h"
#include "core/util/result.h"
#include "mocks/edge/request_log.h"

namespace opsreg::scenarios {

class AdminClient {
 public:
  // `endpoint`: serve's endpoint URL (http://127.0.0.1:PORT). Errors: ValidationError.
  static Result<AdminClient> create(const std::string& endpoint,
                                    std::shared_ptr<http::Transport> transport);

  // GET /_opsreg/clock: {"clock": ISO 8601, "virtual": bool}.
  Result<nlohmann::json> clock();
  // GET /_opsreg/world's "region".
  Result<std::string> region();
  // GET /_opsreg/requests (every entry, oldest first).
  Result<std::vector<mocks::LoggedRequest>> requests();
  // GET /_opsreg/hosts/HOST/file?path=PATH: the content, nullopt when there is no such file.
  // Errors carry the admin API's code (NoSuchHost, PathOutsideRoot, FileTooLarge, ...).
  Result<std::optional<std::string>> host_file(const std::string& host, const std::string& path);

 private:
  AdminClient(http::Url url, std::shared_ptr<http::Transport> transport)
      : url_(std::move(url)), transport_(std::move(transport)) {}
  // GET the admin route `what` ("clock", "hosts/x/file") with `query`; any status.
  Result<http::Response> get(const std::string& what, const std::string& query = "");
  // GET, then the 200 answer's JSON. Errors: "AdminApiFailed" naming the route and why.
  Result<nlohmann::json> get_json(const std::string& what);

  http::Url url_;
  std::shared_ptr<http::Transport> transport_;
};

}  // namespace opsreg::scenarios
