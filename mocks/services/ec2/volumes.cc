// EC2 DescribeVolumes on the wire: the region's EBS volumes (each attached to its instance
// since launch) by id and filter, with MaxResults/NextToken paging.
#include <algorithm>

#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/ec2/model.h"
#include "mocks/services/ec2/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::ec2 {

namespace {

// <item> of volumeSet, with its attachment.
void render_volume(aws::XmlWriter& w, const WorldHost& host, const WorldVolume& v,
                   TimePoint attach_time) {
  const std::string at = format_iso8601_millis(attach_time);
  w.open("item")
      .leaf("volumeId", v.volume_id)
      .leaf("size", std::to_string(v.size))
      .leaf("snapshotId", "")
      .leaf("availabilityZone", host.ec2->availability_zone)
      .leaf("status", "in-use")
      .leaf("createTime", at);
  w.open("attachmentSet")
      .open("item")
      .leaf("volumeId", v.volume_id)
      .leaf("instanceId", host.ec2->instance_id)
      .leaf("device", v.device)
      .leaf("status", "attached")
      .leaf("attachTime", at)
      .leaf("deleteOnTermination", "false")
      .close()
      .close();
  w.leaf("volumeType", v.volume_type).leaf("encrypted", "false");
  if (v.volume_type == "gp3" || v.volume_type == "io1" || v.volume_type == "io2")
    w.leaf("iops", "3000");
  else if (v.volume_type == "gp2")
    w.leaf("iops", std::to_string(std::max(100, std::min(16000, 3 * v.size))));
  w.leaf("multiAttachEnabled", "false").close();
}

Result<std::string> describe_volumes(const aws::QueryParams& params, CallContext& ctx) {
  if (Status s = authorize(ctx, params, "ec2:DescribeVolumes"); !s.ok()) return s.error();
  auto ids = id_list(params, "VolumeId");
  if (!ids.ok()) return ids.error();
  auto filters = parse_filters(params);
  if (!filters.ok()) return filters.error();
  auto found = view_of(ctx).volumes(*ids, *filters);
  if (!found.ok()) return found.error();
  auto page = paginate(params, found->size(), PageLimits{"volumeSet", !ids->empty(), 500, true});
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  w.open("volumeSet");
  for (size_t i = page->begin; i < page->end; ++i)
    render_volume(w, *(*found)[i].host, *(*found)[i].volume, ctx.world().launch_time());
  w.close();
  w.leaf_if("nextToken", page->next_token);
  return w.str();
}

}  // namespace

void add_volume_operations(QueryOperations& ops) { ops.add("DescribeVolumes", describe_volumes); }

}  // namespace opsreg::mocks::ec2
