// For the fuzz targets that send request bodies to the fakes (fuzz_s3_xml, fuzz_opsworks_json,
// fuzz_query_body): a fresh world from fixtures/worlds/default.json and its edge for each input
// (so that a finding replays alone), and requests signed as the world's operator, sent in-process
// through the edge's whole path: routing, SigV4 verification, authorization, the service.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/aws/sigv4.h"
#include "core/http/http_types.h"
#include "core/util/json_file.h"
#include "fuzz/fuzz_check.h"
#include "mocks/edge/edge.h"
#include "mocks/world/world.h"

namespace opsreg::fuzz {

class EdgeWorld {
 public:
  EdgeWorld() {
    static const nlohmann::json source = [] {
      use_source_data_dir();
      auto j = read_json_file(mocks::World::default_world_path());
      FUZZ_CHECK(j.ok());
      return *j;
    }();
    auto world = mocks::World::from_json(source, mocks::ClockMode::kVirtual);
    FUZZ_CHECK(world.ok());
    world_ = std::shared_ptr<mocks::World>(std::move(*world));
    edge_ = std::make_unique<mocks::Edge>(world_);
  }

  mocks::World& world() { return *world_; }

  // Signs `request` for `service` as the operator (Host, X-Amz-Date, ...) and has the edge
  // answer it. An answer of 500 is the edge's "opsreg internal error" (an exception escaped a
  // service): never right for any input.
  http::Response send(http::Request request, std::string_view service) {
    request.headers.emplace_back("Host", "127.0.0.1:4566");
    aws::SignableRequest s = request.signable();
    aws::sign_request(s, world_->operator_credentials(),
                      service == "iam" ? "us-east-1" : world_->region(), service, world_->now());
    request.headers = s.headers;
    http::Response response = edge_->handle(request);
    FUZZ_CHECK(response.status != 500);
    return response;
  }

 private:
  std::shared_ptr<mocks::World> world_;
  std::unique_ptr<mocks::Edge> edge_;
};

// "FIRST\nREST": the input's first line (an operation or service name) and the rest (a body).
inline std::pair<std::string, std::string> first_line_and_rest(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t nl = text.find('\n');
  if (nl == std::string_view::npos) return {std::string(text), ""};
  return {std::string(text.substr(0, nl)), std::string(text.substr(nl + 1))};
}

}  // namespace opsreg::fuzz
