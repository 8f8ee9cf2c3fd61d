// The transport of a check's own requests: marked so that the request log leaves them out.
#include "scenarios/engine/expect_world.h"

namespace opsreg::scenarios {

namespace {

class CheckTransport final : public http::Transport {
 public:
  explicit CheckTransport(std::shared_ptr<http::Transport> inner) : inner_(std::move(inner)) {}
  Result<http::Response> send(const http::Url& endpoint, const http::Request& request) override {
    http::Request marked = request;
    marked.headers.emplace_back(std::string(mocks::kUnloggedHeader), "expect");
    return inner_->send(endpoint, marked);
  }

 private:
  std::shared_ptr<http::Transport> inner_;
};

}  // namespace

std::shared_ptr<http::Transport> check_transport(std::shared_ptr<http::Transport> inner) {
  return std::make_shared<CheckTransport>(std::move(inner));
}

}  // namespace opsreg::scenarios
