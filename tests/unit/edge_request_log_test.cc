// The request log: its bound and filters, what the edge records (service, operation, caller's
// identity, status, error code, world time), what it leaves out (a check's own requests), and
// the admin API's reads of it and of host files (refused outside a host's tree).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/util/path_inside.h"
#include "mocks/admin/admin_api.h"
#include "mocks/edge/request_log.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

namespace fs = std::filesystem;
using mocks::LoggedRequest;
using mocks::RequestFilter;
using mocks::RequestLog;

LoggedRequest entry(std::string service, std::string operation, std::string key, int status) {
  LoggedRequest r;
  r.service = std::move(service);
  r.operation = std::move(operation);
  r.access_key_id = std::move(key);
  r.identity = r.access_key_id == "AKOP" ? "operator" : "";
  r.status = status;
  return r;
}

TEST(RequestLog, KeepsTheLastEntriesAndCountsTheDropped) {
  RequestLog log(3);
  for (int i = 0; i < 5; ++i) log.record(entry("iam", "Op" + std::to_string(i), "", 200));
  std::vector<LoggedRequest> kept = log.list();
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept.front().seq, 3u);
  EXPECT_EQ(kept.front().operation, "Op2");
  EXPECT_EQ(kept.back().seq, 5u);
  EXPECT_EQ(log.dropped(), 2u);

  log.clear();
  EXPECT_TRUE(log.list().empty());
  EXPECT_EQ(log.dropped(), 0u);
  log.record(entry("iam", "After", "", 200));
  EXPECT_EQ(log.list().at(0).seq, 6u);  // numbering goes on: a `since` stays valid
}

TEST(RequestLog, PausedRecordsNothing) {
  RequestLog log;
  log.set_paused(true);
  log.record(entry("iam", "CreateUser", "", 200));
  log.set_paused(false);
  log.record(entry("iam", "GetUser", "", 200));
  ASSERT_EQ(log.list().size(), 1u);
  EXPECT_EQ(log.list()[0].operation, "GetUser");
}

TEST(RequestLog, FiltersByServiceOperationCallerOutcomeAndSequence) {
  RequestLog log;
  log.record(entry("iam", "CreateUser", "AKOP", 200));
  log.record(entry("iam", "CreateUser", "AKOTHER", 403));
  log.record(entry("opsworks", "DescribeStacks", "AKOP", 200));
  auto count = [&](void (*set)(RequestFilter&)) {
    RequestFilter f;
    set(f);
    return log.list(f).size();
  };
  EXPECT_EQ(count([](RequestFilter& f) { f.service = "iam"; }), 2u);
  EXPECT_EQ(count([](RequestFilter& f) {
              f.service = "iam";
              f.operation = "DescribeStacks";
            }),
            0u);
  EXPECT_EQ(count([](RequestFilter& f) { f.caller = "operator"; }), 2u);
  EXPECT_EQ(count([](RequestFilter& f) { f.caller = "AKOTHER"; }), 1u);
  EXPECT_EQ(count([](RequestFilter& f) { f.ok = false; }), 1u);
  EXPECT_EQ(count([](RequestFilter& f) { f.ok = true; }), 2u);
  EXPECT_EQ(count([](RequestFilter& f) { f.since = 2; }), 1u);
}

TEST(RequestLog, JsonRoundTrips) {
  LoggedRequest r = entry("iam", "DeleteUser", "AKOP", 409);
  r.seq = 7;
  r.time = "2026-01-01T00:00:00.000Z";
  r.error_code = "DeleteConflict";
  LoggedRequest back = mocks::logged_request_from_json(mocks::to_json(r));
  EXPECT_EQ(mocks::to_json(back), mocks::to_json(r));
  EXPECT_FALSE(mocks::to_json(entry("iam", "GetUser", "", 200)).contains("error_code"));
}

// The edge's answers as the harness logs them.
class EdgeRequestLog : public ::testing::Test {
 protected:
  testing::TestWorld tw;
  testing::EdgeClient op{*tw.edge, tw.world->operator_credentials()};
  std::vector<LoggedRequest> logged() { return tw.harness->requests().list(); }
};

TEST_F(EdgeRequestLog, RecordsServiceOperationIdentityStatusAndErrorCode) {
  ASSERT_EQ(op.query("iam", "CreateUser", {{"UserName", "alice"}}).status, 200);
  ASSERT_EQ(op.query("iam", "DeleteUser", {{"UserName", "nobody"}}).status, 404);
  ASSERT_EQ(op.json("DescribeStacks").status, 200);
  std::vector<LoggedRequest> log = logged();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].service, "iam");
  EXPECT_EQ(log[0].operation, "CreateUser");
  EXPECT_EQ(log[0].access_key_id, tw.world->operator_credentials().access_key_id);
  EXPECT_EQ(log[0].identity, "operator");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[0].error_code, "");
  EXPECT_EQ(log[0].time, "2026-01-01T00:00:00.000Z");  // the world's (virtual) time
  EXPECT_EQ(log[1].error_code, "NoSuchEntity");
  EXPECT_FALSE(log[1].ok());
  EXPECT_EQ(log[2].service, "opsworks");
  EXPECT_EQ(log[2].operation, "DescribeStacks");
}

TEST(EdgeRequestLogIdentity, NamesAWorldFileIdentityAndLeavesUnknownKeysNameless) {
  auto world = mocks::World::read_file(mocks::World::default_world_path());
  ASSERT_TRUE(world.ok());
  (*world)["identities"] = {{{"user_name", "ci-bot"},
                             {"access_key_id", "AKIAOPSREGCIBOT00001"},
                             {"secret_access_key", "ci-bot-secret"}}};
  testing::TestWorld tw(*world);
  testing::EdgeClient as_bot(*tw.edge, {"AKIAOPSREGCIBOT00001", "ci-bot-secret", ""});
  as_bot.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  testing::EdgeClient stranger(*tw.edge, {"AKIAUNKNOWN000000000", "secret", ""});
  ASSERT_EQ(stranger.query("iam", "ListUsers").status, 403);
  std::vector<LoggedRequest> log = tw.harness->requests().list();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].identity, "ci-bot");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[1].identity, "");
  EXPECT_EQ(log[1].access_key_id, "AKIAUNKNOWN000000000");
  EXPECT_EQ(log[1].error_code, "InvalidClientTokenId");
}

TEST_F(EdgeRequestLog, InjectedFaultsAreLoggedWithTheirCode) {
  ASSERT_TRUE(tw.world->faults()
                  .add_json({{"service", "iam"},
                             {"operation", "CreateUser"},
                             {"error", "Throttling"},
                             {"count", 1}})
                  .ok());
  op.query("iam", "CreateUser", {{"UserName", "bob"}});
  ASSERT_EQ(logged().size(), 1u);
  EXPECT_EQ(logged()[0].error_code, "Throttling");
}

TEST_F(EdgeRequestLog, LeavesOutAChecksOwnRequests) {
  http::Request r;
  r.path = "/";
  r.headers.emplace_back("Content-Type", "application/x-amz-json-1.1");
  r.headers.emplace_back("X-Amz-Target", "OpsWorks_20130218.DescribeStacks");
  r.headers.emplace_back(std::string(mocks::kUnloggedHeader), "expect");
  r.body = "{}";
  ASSERT_EQ(op.send(r, "opsworks").status, 200);
  EXPECT_TRUE(logged().empty());
}

// The admin API's routes, called directly.
class AdminReads : public EdgeRequestLog {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("opsreg-admin-test-" + std::to_string(::getpid()));
    fs::create_directories(root / "etc");
    std::ofstream(root / "etc/hosts") << "10.0.0.11\tweb-1\n";
    fs::create_symlink("/etc", root / "escape");
    hooks.requests = &tw.harness->requests();
    hooks.hosts = [] { return nlohmann::json::array({{{"name", "web-1"}, {"ssh_port", 22}}}); };
    hooks.host_root = [this](const std::string& name) -> Result<fs::path> {
      if (name == "web-1") return root;
      return aws::make_error("NoSuchHost", "the world has no host '" + name + "'", 0);
    };
  }
  void TearDown() override { fs::remove_all(root); }
  http::Response get(const std::string& path, const std::string& query = "") {
    http::Request r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    return *mocks::handle_admin(*tw.edge, r, hooks);
  }
  fs::path root;
  mocks::AdminHooks hooks;
};

TEST_F(AdminReads, RequestsListedWithFiltersAndDroppedCount) {
  op.query("iam", "CreateUser", {{"UserName", "alice"}});
  op.query("iam", "DeleteUser", {{"UserName", "nobody"}});
  auto all = nlohmann::json::parse(get("/_opsreg/requests").body);
  ASSERT_EQ(all["requests"].size(), 2u);
  EXPECT_EQ(all["dropped"], 0);
  EXPECT_EQ(all["requests"][1]["error_code"], "NoSuchEntity");
  auto refused = nlohmann::json::parse(get("/_opsreg/requests", "ok=false&caller=operator").body);
  ASSERT_EQ(refused["requests"].size(), 1u);
  EXPECT_EQ(refused["requests"][0]["operation"], "DeleteUser");
  auto since = nlohmann::json::parse(get("/_opsreg/requests", "since=1&service=iam").body);
  EXPECT_EQ(since["requests"].size(), 1u);
  EXPECT_EQ(get("/_opsreg/requests", "ok=maybe").status, 400);
  EXPECT_EQ(get("/_opsreg/requests", "since=-1").status, 400);
  EXPECT_EQ(get("/_opsreg/requests", "colour=red").status, 400);
}

TEST_F(AdminReads, HostsListed) {
  auto j = nlohmann::json::parse(get("/_opsreg/hosts").body);
  ASSERT_EQ(j["hosts"].size(), 1u);
  EXPECT_EQ(j["hosts"][0]["name"], "web-1");
}

TEST_F(AdminReads, HostFileReadInsideItsTree) {
  http::Response r = get("/_opsreg/hosts/web-1/file", "path=%2Fetc%2Fhosts");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "10.0.0.11\tweb-1\n");
  EXPECT_EQ(get("/_opsreg/hosts/web-1/file", "path=/etc/nothing").status, 404);
  EXPECT_EQ(
      nlohmann::json::parse(get("/_opsreg/hosts/web-1/file", "path=/etc/nothing").body)["code"],
      "NoSuchFile");
  http::Response nohost = get("/_opsreg/hosts/db-9/file", "path=/etc/hosts");
  EXPECT_EQ(nohost.status, 404);
  EXPECT_EQ(nlohmann::json::parse(nohost.body)["code"], "NoSuchHost");
  EXPECT_EQ(get("/_opsreg/hosts/web-1/file").status, 400);
}

TEST_F(AdminReads, HostFileOutsideTheTreeRefused) {
  for (const char* path : {"/etc/../../etc/passwd", "/escape/passwd", "../x"}) {
    http::Response r = get("/_opsreg/hosts/web-1/file", std::string("path=") + path);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(nlohmann::json::parse(r.body)["code"], "PathOutsideRoot") << path;
  }
  EXPECT_EQ(get("/_opsreg/hosts/web-1/file", "path=/etc").status, 500);  // a folder
}

TEST_F(AdminReads, ResetClearsTheLog) {
  op.query("iam", "CreateUser", {{"UserName", "alice"}});
  http::Request r;
  r.method = "POST";
  r.path = "/_opsreg/reset";
  EXPECT_EQ(mocks::handle_admin(*tw.edge, r, hooks)->status, 200);
  EXPECT_TRUE(tw.harness->requests().list().empty());
}

TEST(ReadFileInside, BoundedAndRefusedOutside) {
  fs::path root = fs::temp_directory_path() / ("opsreg-read-inside-" + std::to_string(::getpid()));
  fs::create_directories(root);
  std::ofstream(root / "big") << std::string(100, 'x');
  auto big = read_file_inside(root, "/big", AbsoluteNames::kFromTheRoot, 10);
  EXPECT_EQ(big.error().code, "FileTooLarge");
  auto fits = read_file_inside(root, "/big", AbsoluteNames::kFromTheRoot, 100);
  ASSERT_TRUE(fits.ok());
  EXPECT_EQ(fits->value().size(), 100u);
  auto none = read_file_inside(root, "/none", AbsoluteNames::kFromTheRoot, 100);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(read_file_inside(root, "../x", AbsoluteNames::kFromTheRoot, 100).error().code,
            "PathOutsideRoot");
  fs::remove_all(root);
}

}  // namespace
}  // namespace opsreg
