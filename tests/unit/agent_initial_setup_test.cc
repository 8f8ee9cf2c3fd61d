// The agent's initial setup (AgentInitialSetup, our model of the agent channel): the stack's
// hosts file, the reserved mount points (/var/www, the layers'), volumes and Elastic IPs
// registered; and the agent's side writing /etc/hosts with the old one kept in its log.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/agent/initial_setup.h"
#include "tests/support/world_client.h"
#include "tests/unit/opsworks_ec2_fixture.h"

namespace opsreg::testing {
namespace {

using AgentSetup = OpsWorksEc2Test;
using nlohmann::json;

const std::string kWwwClash =
    std::string("Setup failed: EBS volume ") + kVolWww +
    " (device /dev/xvdf) is mounted on /var/www, a mount point reserved by OpsWorks Stacks (apps "
    "are deployed there). A volume on a reserved mount point is not registered with the stack; "
    "mount it elsewhere and run setup again";

std::vector<std::string> ec2_ids_of(const json& volumes) {
  std::vector<std::string> out;
  for (const auto& v : volumes) out.push_back(v.value("Ec2VolumeId", ""));
  return out;
}

TEST_F(AgentSetup, OnPremisesInstanceGetsOnlyTheStacksHostsFile) {
  for (auto [name, ip] : {std::pair{"web1", "10.0.0.21"}, {"db1", "10.0.0.22"}, {"noip", ""}}) {
    json req = {{"StackId", kStackId}, {"Hostname", name}};
    if (*ip) req["PrivateIp"] = ip;
    call("RegisterInstance", req);
  }
  std::string web1 =
      call("DescribeInstances", {{"StackId", kStackId}})["Instances"][0].value("InstanceId", "");
  auto j = setup(web1, {{"/dev/sda1", "/"}, {"tmpfs", "/run"}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(j, (json{{"Status", "registered"},
                     {"HostsFile", "127.0.0.1 localhost\n10.0.0.21 web1\n10.0.0.22 db1\n"},
                     {"RegisteredVolumes", json::array()},
                     {"RegisteredElasticIps", json::array()}}));
}

TEST_F(AgentSetup, VolumeOnVarWwwIsReportedAndNotRegistered) {
  std::string inst = register_ec2_host();
  auto j =
      setup(inst, {{"/dev/root", "/"}, {"/dev/xvdf", "/var/www"}, {"/dev/xvdh", "/srv/cache"}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(j["Status"], "setup_failed");
  EXPECT_EQ(j["HostsFile"], "127.0.0.1 localhost\n172.31.5.10 ec2-web-1\n");
  EXPECT_EQ(j["ServiceError"]["Type"], "setup");
  EXPECT_EQ(j["ServiceError"]["InstanceId"], inst);
  EXPECT_EQ(j["ServiceError"]["Message"], kWwwClash);
  // The others are registered all the same: /dev/xvdg is attached but not mounted.
  EXPECT_EQ(ec2_ids_of(j["RegisteredVolumes"]), (std::vector<std::string>{kVolData, kVolCache}));
  EXPECT_FALSE(j["RegisteredVolumes"][0].contains("MountPoint"));
  EXPECT_EQ(j["RegisteredVolumes"][1]["MountPoint"], "/srv/cache");
  EXPECT_EQ(j["RegisteredElasticIps"].size(), 2u);

  auto i = call("DescribeInstances", {{"InstanceIds", {inst}}})["Instances"][0];
  EXPECT_EQ(i["Status"], "setup_failed");
  EXPECT_EQ(i["LastServiceErrorId"], j["ServiceError"]["ServiceErrorId"]);
  EXPECT_EQ(ec2_ids_of(call("DescribeVolumes", {{"StackId", kStackId}})["Volumes"]),
            (std::vector<std::string>{kVolData, kVolCache}));
  // The admin snapshot shows the status and the last service error's message.
  json snap = tw.world->snapshot()["opsworks"]["stacks"][0];
  EXPECT_EQ(snap["Instances"][0]["Status"], "setup_failed");
  EXPECT_EQ(snap["Instances"][0]["LastServiceError"], kWwwClash);
  EXPECT_EQ(snap["ServiceErrors"].size(), 1u);
  EXPECT_EQ(snap["Volumes"].size(), 2u);
}

TEST_F(AgentSetup, VolumeOnALayersMountPointFailsSetup) {
  std::string inst = register_ec2_host();
  call("AssignInstance", {{"InstanceId", inst}, {"LayerIds", {kWebLayerId}}});
  auto j = setup(inst, {{"/dev/xvdg", "/mnt/data"}});
  EXPECT_EQ(j["Status"], "setup_failed");
  EXPECT_EQ(j["ServiceError"]["Message"],
            std::string("Setup failed: EBS volume ") + kVolData +
                " (device /dev/xvdg) is mounted on /mnt/data, a mount point reserved by layer "
                "web-app (" +
                kWebLayerId +
                ") in its VolumeConfigurations. A volume on a reserved mount point is not "
                "registered with the stack; mount it elsewhere and run setup again");
  EXPECT_EQ(ec2_ids_of(j["RegisteredVolumes"]), (std::vector<std::string>{kVolWww, kVolCache}));
}

TEST_F(AgentSetup, HarmlessMountsRegisterVolumesAndElasticIpsAndTheInstanceGoesOnline) {
  std::string inst = register_ec2_host();
  call("AssignInstance", {{"InstanceId", inst}, {"LayerIds", {kWebLayerId}}});
  // EC2 names the attachment /dev/sdh; the kernel shows /dev/xvdh.
  auto j = setup(inst, {{"/dev/xvdh", "/srv/cache"}});
  EXPECT_EQ(j["Status"], "online") << last.body;
  EXPECT_FALSE(j.contains("ServiceError"));
  auto volumes = call("DescribeVolumes", {{"InstanceId", inst}})["Volumes"];
  ASSERT_EQ(volumes.size(), 3u) << last.body;
  for (const auto& v : volumes) EXPECT_EQ(v["Status"], "in-use");
  EXPECT_EQ(volumes[2]["Device"], "/dev/xvdh");
  EXPECT_EQ(volumes[2]["MountPoint"], "/srv/cache");
  auto ips = call("DescribeElasticIps", {{"InstanceId", inst}})["ElasticIps"];
  ASSERT_EQ(ips.size(), 2u);
  EXPECT_EQ(
      ips[0],
      (json{{"Ip", kEipVpc}, {"Domain", "vpc"}, {"Region", "us-east-1"}, {"InstanceId", inst}}));
  EXPECT_EQ(call("DescribeInstances", {{"InstanceIds", {inst}}})["Instances"][0]["Status"],
            "online");
}

TEST_F(AgentSetup, TheKernelsXvdNameMatchesEc2sSdName) {
  std::string inst = register_ec2_host();
  auto j = setup(inst, {{"/dev/sdf", "/var/www"}});
  EXPECT_EQ(j["Status"], "setup_failed");
}

TEST_F(AgentSetup, RunningSetupAgainRegistersNothingTwice) {
  std::string inst = register_ec2_host();
  auto first = setup(inst, {{"/dev/xvdh", "/srv/cache"}});
  auto second = setup(inst, {{"/dev/xvdh", "/srv/cache"}});
  EXPECT_EQ(first["RegisteredVolumes"], second["RegisteredVolumes"]);
  EXPECT_EQ(call("DescribeVolumes", {{"StackId", kStackId}})["Volumes"].size(), 3u);
  EXPECT_EQ(call("DescribeElasticIps", {{"StackId", kStackId}})["ElasticIps"].size(), 2u);
}

TEST_F(AgentSetup, OnlyTheSignatureIsCheckedNeverThePolicy) {
  std::string inst = register_ec2_host();
  EdgeClient alice(*tw.edge, {kAliceKey, kAliceSecret, ""});
  http::Response r = alice.json("AgentInitialSetup", {{"InstanceId", inst}});
  EXPECT_EQ(r.status, 200) << r.body;
  EdgeClient nobody(*tw.edge, {"AKIANOSUCHKEY0000000", "x", ""});
  r = nobody.json("AgentInitialSetup", {{"InstanceId", inst}});
  EXPECT_EQ(error_code(r), "UnrecognizedClientException");
}

TEST_F(AgentSetup, UnknownInstanceIsNotFound) {
  setup("nope", {});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find instance with ID nope");
  call("AgentInitialSetup", {{"Mounts", json::array()}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST(AgentMounts, ProcMountsLinesGiveDeviceAndMountPoint) {
  auto mounts = agent::parse_mounts(
      "/dev/root / ext4 rw,relatime 0 0\n\n/dev/xvdg /mnt/my\\040data ext4 rw 0 0\nshort\n");
  ASSERT_EQ(mounts.size(), 2u);
  EXPECT_EQ(mounts[0].device, "/dev/root");
  EXPECT_EQ(mounts[0].mount_point, "/");
  EXPECT_EQ(mounts[1].mount_point, "/mnt/my data");
}

// The agent's side, through a real socket with the client that registered.
class AgentSideSetup : public ::testing::Test {
 protected:
  AgentSideSetup() : tw(ec2_world(), Serving::kLoopback) {
    root = ::testing::TempDir() + "/agent_setup_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root + "/etc");
    std::filesystem::create_directories(root + "/proc");
    opsworks = std::make_unique<clients::OpsWorksClient>(testing::world_client(
        *tw.harness, config::Service::kOpsWorks, tw.world->operator_credentials()));
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  Result<clients::AgentSetupResult> run(const std::string& instance_id) {
    return agent::initial_setup(*opsworks, agent::AgentHost{root, "h", "", ""}, instance_id,
                                [&](const std::string& l) { log.push_back(l); });
  }
  bool logged(const std::string& line) const {
    return std::find(log.begin(), log.end(), line) != log.end();
  }

  TestWorld tw;
  std::string root;
  std::unique_ptr<clients::OpsWorksClient> opsworks;
  std::vector<std::string> log;
};

TEST_F(AgentSideSetup, OverwritesEtcHostsAndKeepsTheOldOneInTheLog) {
  std::ofstream(root + "/etc/hosts") << "127.0.0.1\tlocalhost\n10.0.0.5\told-name\n";
  clients::RegisterInstanceRequest req;
  req.stack_id = kStackId;
  req.hostname = "web1";
  req.private_ip = "10.0.0.21";
  auto id = opsworks->register_instance(req);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto r = run(*id);  // no /proc/mounts: no mounts
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  EXPECT_EQ(r->status, "registered");
  EXPECT_EQ(read(root + "/etc/hosts"), "127.0.0.1 localhost\n10.0.0.21 web1\n");
  EXPECT_TRUE(logged("Initial setup: reporting 0 mount(s) of this host"));
  EXPECT_TRUE(logged("  old /etc/hosts| 127.0.0.1\tlocalhost"));
  EXPECT_TRUE(logged("  old /etc/hosts| 10.0.0.5\told-name"));
  EXPECT_TRUE(logged("Initial setup done: instance " + *id + " is registered"));
}

TEST_F(AgentSideSetup, VolumeOnVarWwwIsSetupFailedWithTheServiceErrorsMessage) {
  std::ofstream(root + "/proc/mounts") << "/dev/root / ext4 rw 0 0\n"
                                       << "/dev/xvdf /var/www ext4 rw,relatime 0 0\n"
                                       << "/dev/xvdh /srv/cache ext4 rw 0 0\n";
  clients::RegisterInstanceRequest req;
  req.stack_id = kStackId;
  req.hostname = "ec2-web-1";
  req.private_ip = "172.31.5.10";
  const std::string document = json{{"instanceId", kEc2Id}, {"region", "us-east-1"}}.dump();
  req.instance_identity =
      clients::InstanceIdentity{document, mocks::ec2::sign_identity_document(document).value()};
  auto id = opsworks->register_instance(req);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto r = run(*id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "SetupFailed");
  EXPECT_TRUE(r.error().message.starts_with("instance " + *id + " is setup_failed: " + kWwwClash))
      << r.error().message;
  EXPECT_EQ(read(root + "/etc/hosts"), "127.0.0.1 localhost\n172.31.5.10 ec2-web-1\n");
  EXPECT_TRUE(logged("Initial setup: reporting 3 mount(s) of this host"));
  EXPECT_TRUE(logged("Registered EBS volume " + std::string(kVolCache) +
                     " (/dev/xvdh on /srv/cache) with the stack as volume " +
                     tw.world->opsworks().volumes_of_instance(*id)->at(1).volume_id));
  EXPECT_TRUE(logged(std::string("Registered Elastic IP ") + kEipVpc + " with the stack"));
  EXPECT_TRUE(logged("Initial setup failed: " + kWwwClash));
}

}  // namespace
}  // namespace opsreg::testing
