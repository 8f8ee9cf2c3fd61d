// EC2 query dispatch (Action=…&Version=2016-11-15, form POST or GET), the response envelope
// <ActionResponse xmlns=…><requestId/>…, and the three Describe operations.
#include "mocks/services/ec2/ec2_service.h"

#include <map>

#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/ec2/model.h"
#include "mocks/services/ec2/pagination.h"
#include "mocks/services/ec2/render.h"
#include "mocks/services/operation_name.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::ec2 {

namespace {

constexpr std::string_view kXmlns = "http://ec2.amazonaws.com/doc/2016-11-15/";

// Returns the XML inside <ActionResponse> after <requestId>.
using Action = std::function<Result<std::string>(const aws::QueryParams&, CallContext&)>;

Status authorize(CallContext& ctx, const aws::QueryParams& params, const std::string& action) {
  if (Status s = ctx.authorize("ec2:" + action, "*"); !s.ok()) return s;
  if (params.get_or("DryRun", "false") == "true")
    return aws::make_error("DryRunOperation",
                           "Request would have succeeded, but DryRun flag is set.", 412);
  return {};
}

Ec2View view_of(CallContext& ctx) {
  return Ec2View(ctx.world().hosts(), ctx.region(), ctx.world().account_id());
}

Result<std::string> describe_instances(const aws::QueryParams& params, CallContext& ctx) {
  if (Status s = authorize(ctx, params, "DescribeInstances"); !s.ok()) return s.error();
  std::vector<std::string> ids = params.list("InstanceId", true);
  auto filters = parse_filters(params);
  if (!filters.ok()) return filters.error();
  auto page_limits = PageLimits{"instancesSet", !ids.empty(), 1000, false};
  auto found = view_of(ctx).instances(ids, *filters);
  if (!found.ok()) return found.error();
  auto page = paginate(params, found->size(), page_limits);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  w.open("reservationSet");
  for (size_t i = page->begin; i < page->end; ++i)
    render_reservation(w, *(*found)[i], ctx.world().account_id(), launch_time(ctx.world()));
  w.close();
  w.leaf_if("nextToken", page->next_token);
  return w.str();
}

Result<std::string> describe_volumes(const aws::QueryParams& params, CallContext& ctx) {
  if (Status s = authorize(ctx, params, "DescribeVolumes"); !s.ok()) return s.error();
  std::vector<std::string> ids = params.list("VolumeId", true);
  auto filters = parse_filters(params);
  if (!filters.ok()) return filters.error();
  auto found = view_of(ctx).volumes(ids, *filters);
  if (!found.ok()) return found.error();
  auto page = paginate(params, found->size(), PageLimits{"volumeSet", !ids.empty(), 500, true});
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  w.open("volumeSet");
  for (size_t i = page->begin; i < page->end; ++i)
    render_volume(w, *(*found)[i].host, *(*found)[i].volume, launch_time(ctx.world()));
  w.close();
  w.leaf_if("nextToken", page->next_token);
  return w.str();
}

Result<std::string> describe_addresses(const aws::QueryParams& params, CallContext& ctx) {
  if (Status s = authorize(ctx, params, "DescribeAddresses"); !s.ok()) return s.error();
  auto filters = parse_filters(params);
  if (!filters.ok()) return filters.error();
  auto found = view_of(ctx).addresses(params.list("PublicIp", true),
                                      params.list("AllocationId", true), *filters);
  if (!found.ok()) return found.error();
  aws::XmlWriter w(false);
  w.open("addressesSet");
  for (const auto& r : *found) render_address(w, *r.host, *r.address, ctx.world().account_id());
  w.close();
  return w.str();
}

class Ec2Service final : public Service {
 public:
  Ec2Service() {
    actions_["DescribeInstances"] = describe_instances;
    actions_["DescribeVolumes"] = describe_volumes;
    actions_["DescribeAddresses"] = describe_addresses;
  }

  std::string_view signing_name() const override { return "ec2"; }
  aws::Protocol protocol() const override { return aws::Protocol::kEc2; }

  Result<http::Response> handle(const http::Request& request, CallContext& ctx) override {
    aws::QueryParams params = query_params(request);
    auto name = params.get("Action");
    if (!name || name->empty())
      return aws::make_error("MissingAction", "The request must contain the parameter Action", 400);
    auto it = actions_.find(*name);
    if (it == actions_.end())
      return aws::make_error("InvalidAction",
                             "The action " + *name + " is not valid for this web service.", 400);
    Result<std::string> inner = it->second(params, ctx);
    if (!inner.ok()) return inner.error();
    aws::XmlWriter w;
    w.open(*name + "Response", kXmlns).leaf("requestId", ctx.request_id()).raw(*inner);
    http::Response r;
    r.set_header("Content-Type", "text/xml;charset=UTF-8");
    r.body = w.str();
    return r;
  }

 private:
  std::map<std::string, Action, std::less<>> actions_;
};

}  // namespace

TimePoint launch_time(const World& world) {
  const auto& source = world.source();
  std::string text = source.is_object() && source.contains("clock") && source["clock"].is_string()
                         ? source["clock"].get<std::string>()
                         : "2026-01-01T00:00:00Z";
  return parse_iso8601(text).value_or(TimePoint{});
}

std::unique_ptr<Service> make_service() { return std::make_unique<Ec2Service>(); }

}  // namespace opsreg::mocks::ec2
