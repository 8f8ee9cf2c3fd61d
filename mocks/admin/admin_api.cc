// The admin API.
#include "mocks/admin/admin_api.h"

#include <nlohmann/json.hpp>

#include "core/clock/time_format.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {

namespace {
http::Response json_response(int status, const nlohmann::json& body) {
  http::Response r;
  r.status = status;
  r.set_header("Content-Type", "application/json");
  r.body = body.dump();
  return r;
}
http::Response json_error(int status, const std::string& message) {
  return json_response(status, {{"error", message}});
}
}  // namespace

std::optional<http::Response> handle_admin(Edge& edge, const http::Request& request,
                                           const AdminHooks& hooks) {
  if (!request.path.starts_with(kAdminPrefix)) return std::nullopt;
  std::string_view what = std::string_view(request.path).substr(kAdminPrefix.size());
  std::shared_ptr<World> world = edge.world();
  if (what == "world" && request.method == "GET") return json_response(200, world->snapshot());
  if (what == "clock" && request.method == "GET")
    return json_response(200, {{"clock", format_iso8601_millis(world->now())}});
  if (what == "clock/advance" && request.method == "POST") {
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    std::string by = body.is_object() ? body.value("by", "") : "";
    auto duration = parse_duration(by);
    if (!duration || duration->count() < 0)
      return json_error(400, "body must be {\"by\": DURATION}, e.g. {\"by\": \"16m\"}");
    if (hooks.advance_clock)
      hooks.advance_clock(*duration);
    else
      world->advance(*duration);
    return json_response(200, {{"clock", format_iso8601_millis(world->now())}});
  }
  if (what == "faults") {
    if (request.method == "GET") return json_response(200, world->faults().to_json());
    if (request.method == "DELETE") {
      world->faults().clear();
      return json_response(200, world->faults().to_json());
    }
    if (request.method == "POST") {
      auto body = nlohmann::json::parse(request.body, nullptr, false);
      if (body.is_discarded()) return json_error(400, "body must be a fault rule or an array");
      std::vector<std::string> hosts = host_names(world->hosts());
      if (Status s = world->faults().add_json(body, &hosts); !s.ok())
        return json_error(400, s.error().message);
      return json_response(200, world->faults().to_json());
    }
  }
  if (what == "reset" && request.method == "POST") {
    auto fresh = World::from_json(world->source(), world->clock_mode());
    if (!fresh.ok()) return json_error(500, fresh.error().message);
    std::shared_ptr<World> next = std::move(fresh.value());
    next->set_edge_url(world->edge_url());
    edge.reset(std::move(next));
    return json_response(200, {{"reset", true}});
  }
  return json_error(404, "no admin route " + request.method + " " + request.path);
}

}  // namespace opsreg::mocks
