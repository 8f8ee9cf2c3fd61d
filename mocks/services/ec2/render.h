// The fake EC2's resources as EC2's XML (locationNames of botocore's ec2 2016-11-15 model):
// an instance in a reservation, a volume with its attachment, an Elastic IP.
#pragma once

#include <string>

#include "core/aws/xml_writer.h"
#include "core/clock/clock.h"
#include "mocks/base/hosts.h"

namespace opsreg::mocks::ec2 {

// <item> of reservationSet: reservationId, ownerId, groupSet, instancesSet with the instance
// launched at `launch_time`.
void render_reservation(aws::XmlWriter& w, const WorldHost& host, const std::string& account_id,
                        TimePoint launch_time);
// <item> of volumeSet.
void render_volume(aws::XmlWriter& w, const WorldHost& host, const WorldVolume& volume,
                   TimePoint attach_time);
// <item> of addressesSet.
void render_address(aws::XmlWriter& w, const WorldHost& host, const WorldElasticIp& address,
                    const std::string& account_id);

}  // namespace opsreg::mocks::ec2
