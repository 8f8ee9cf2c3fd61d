// The admin API: routes, the request log's filters, host files read inside their trees.
#include "mocks/admin/admin_api.h"

#include <nlohmann/json.hpp>

#include "core/aws/uri.h"
#include "core/clock/time_format.h"
#include "core/util/json_bounded.h"
#include "core/util/path_inside.h"
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
http::Response json_error(int status, const aws::Error& error) {
  return json_response(status, {{"error", error.message}, {"code", error.code}});
}

// GET /_opsreg/requests: the log's entries the query's filters match.
http::Response list_requests(const RequestLog& log, const http::Request& request) {
  RequestFilter filter;
  for (const auto& [k, v] : aws::parse_query(request.query)) {
    if (k == "service") {
      filter.service = v;
    } else if (k == "operation") {
      filter.operation = v;
    } else if (k == "caller") {
      filter.caller = v;
    } else if (k == "ok") {
      if (v != "true" && v != "false") return json_error(400, "ok must be true or false");
      filter.ok = v == "true";
    } else if (k == "since") {
      size_t used = 0;
      try {
        filter.since = std::stoull(v, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != v.size() || v.starts_with("-"))
        return json_error(400, "since must be a sequence number, got '" + v + "'");
    } else {
      return json_error(
          400, "unknown filter '" + k + "' (known: service, operation, caller, ok, since)");
    }
  }
  nlohmann::json list = nlohmann::json::array();
  for (const LoggedRequest& r : log.list(filter)) list.push_back(to_json(r));
  return json_response(200, {{"requests", std::move(list)}, {"dropped", log.dropped()}});
}

// GET /_opsreg/hosts/NAME/file?path=P: the file's bytes, read inside the host's tree.
http::Response host_file(const AdminHooks& hooks, const std::string& host,
                         const http::Request& request) {
  std::string path;
  for (const auto& [k, v] : aws::parse_query(request.query))
    if (k == "path") path = v;
  if (path.empty()) return json_error(400, "name the file: ?path=/etc/hosts");
  Result<std::filesystem::path> root =
      hooks.host_root ? hooks.host_root(host)
                      : aws::make_error("NoSuchHost", "the world has no host '" + host + "'", 0);
  if (!root.ok()) return json_error(404, root.error());
  auto content = read_file_inside(*root, path, AbsoluteNames::kFromTheRoot, kAdminMaxFileBytes);
  if (!content.ok()) {
    const std::string& code = content.error().code;
    return json_error(code == "PathOutsideRoot" ? 400
                      : code == "FileTooLarge"  ? 413
                                                : 500,
                      content.error());
  }
  if (!*content)
    return json_error(404, aws::make_error("NoSuchFile", "no file " + path + " on " + host, 0));
  http::Response r;
  r.status = 200;
  r.set_header("Content-Type", "application/octet-stream");
  r.body = std::move(**content);
  return r;
}

std::optional<http::Response> route(Edge& edge, const http::Request& request,
                                    const AdminHooks& hooks) {
  std::string_view what = std::string_view(request.path).substr(kAdminPrefix.size());
  std::shared_ptr<World> world = edge.world();
  if (what == "world" && request.method == "GET") return json_response(200, world->snapshot());
  if (what == "clock" && request.method == "GET")
    return json_response(200, {{"clock", format_iso8601_millis(world->now())},
                               {"virtual", world->clock_mode() == ClockMode::kVirtual}});
  if (what == "requests" && request.method == "GET" && hooks.requests)
    return list_requests(*hooks.requests, request);
  if (what == "operations" && request.method == "GET")
    return json_response(200, {{"operations", served_operations()}});
  if (what == "hosts" && request.method == "GET")
    return json_response(200, {{"hosts", hooks.hosts ? hooks.hosts() : nlohmann::json::array()}});
  if (what.size() > 11 && what.starts_with("hosts/") && what.ends_with("/file") &&
      request.method == "GET") {
    std::string_view name = what.substr(6, what.size() - 6 - 5);
    if (!name.empty() && name.find('/') == std::string_view::npos)
      return host_file(hooks, aws::uri_decode(name), request);
  }
  if (what == "clock/advance" && request.method == "POST") {
    auto body = parse_json_bounded(request.body);
    auto duration = body.is_object() && body.contains("by") && body["by"].is_string()
                        ? parse_duration(body["by"].get<std::string>())
                        : std::nullopt;
    if (!duration)
      return json_error(
          400, "body must be {\"by\": DURATION} of at most 36500d, e.g. {\"by\": \"16m\"}");
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
      auto body = parse_json_bounded(request.body);
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
    if (hooks.requests) hooks.requests->clear();
    return json_response(200, {{"reset", true}});
  }
  return json_error(404, "no admin route " + request.method + " " + request.path);
}
}  // namespace

std::optional<http::Response> handle_admin(Edge& edge, const http::Request& request,
                                           const AdminHooks& hooks) {
  if (!request.path.starts_with(kAdminPrefix)) return std::nullopt;
  // A body of the right syntax with a value of the wrong type is the caller's mistake.
  try {
    return route(edge, request, hooks);
  } catch (const nlohmann::json::exception&) {
    return json_error(
        400, "the body has a value of the wrong type for " + request.method + " " + request.path);
  }
}

}  // namespace opsreg::mocks
