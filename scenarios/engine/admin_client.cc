// The admin API over HTTP: GETs, their JSON, their errors.
#include "scenarios/engine/admin_client.h"

#include "core/aws/uri.h"
#include "core/util/json_bounded.h"
#include "core/util/json_text.h"

namespace opsreg::scenarios {

namespace {
aws::Error admin_failed(const std::string& what, const std::string& why) {
  return aws::make_error("AdminApiFailed", "GET /_opsreg/" + what + ": " + why, 0);
}
}  // namespace

Result<AdminClient> AdminClient::create(const std::string& endpoint,
                                        std::shared_ptr<http::Transport> transport) {
  auto url = http::parse_url(endpoint);
  if (!url.ok()) return url.error();
  return AdminClient(std::move(*url), std::move(transport));
}

Result<http::Response> AdminClient::get(const std::string& what, const std::string& query) {
  http::Request r;
  r.method = "GET";
  r.path = url_.base_path + "/_opsreg/" + what;
  r.query = query;
  r.body.clear();
  auto res = transport_->send(url_, r);
  if (!res.ok())
    return admin_failed(
        what, res.error().message + " (is opsreg serve running at " + url_.origin() + "?)");
  return res;
}

Result<nlohmann::json> AdminClient::get_json(const std::string& what) {
  auto res = get(what);
  if (!res.ok()) return res.error();
  auto j = parse_json_bounded(res->body);
  if (res->status != 200 || j.is_discarded())
    return admin_failed(what, "HTTP " + std::to_string(res->status) +
                                  (j.is_discarded() ? " (not opsreg serve's admin API?)"
                                                    : " " + string_member(j, "error")));
  return j;
}

Result<nlohmann::json> AdminClient::clock() { return get_json("clock"); }

Result<std::string> AdminClient::region() {
  auto world = get_json("world");
  if (!world.ok()) return world.error();
  return string_member(*world, "region");
}

Result<std::vector<mocks::LoggedRequest>> AdminClient::requests() {
  auto j = get_json("requests");
  if (!j.ok()) return j.error();
  std::vector<mocks::LoggedRequest> out;
  for (const auto& entry : j->value("requests", nlohmann::json::array()))
    out.push_back(mocks::logged_request_from_json(entry));
  return out;
}

Result<std::optional<std::string>> AdminClient::host_file(const std::string& host,
                                                          const std::string& path) {
  const std::string what = "hosts/" + aws::uri_encode(host) + "/file";
  auto res = get(what, "path=" + aws::uri_encode(path));
  if (!res.ok()) return res.error();
  if (res->status == 200) return std::optional<std::string>(res->body);
  auto j = parse_json_bounded(res->body);
  std::string code = j.is_discarded() ? "" : string_member(j, "code");
  if (code == "NoSuchFile") return std::optional<std::string>();
  if (code.empty()) return admin_failed(what, "HTTP " + std::to_string(res->status));
  return aws::make_error(code, string_member(j, "error"), 0);
}

}  // namespace opsreg::scenarios
