// Requests per second through the edge over real HTTP with 16 keep-alive connections: a signed,
// SigV4-verified, policy-checked IAM GetUser and a 64 KiB S3 GetObject, against opsreg's edge and
// against moto_server started here, reported as ratios (bench/support/ratio_reporter.h).
// SigV4 allows replaying a signed request within 15 minutes, so each connection signs once, and
// the load generator (bench/support/raw_load.h) replays the bytes: it measures the server, not
// the signer or the client's parsing.
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "bench/support/moto_server.h"
#include "bench/support/ratio_reporter.h"
#include "bench/support/raw_load.h"
#include "core/aws/query_params.h"
#include "core/aws/sigv4.h"
#include "mocks/edge/edge.h"
#include "mocks/harness/harness.h"
#include "mocks/world/world.h"

namespace opsreg::bench {
namespace {

constexpr int kConnections = 16;
const aws::Credentials kReader{"AKIABENCHREADER00001", "benchReaderSecret+000000000000000000000000",
                               ""};

// The benchmark world: the default world plus a non-root identity whose policy allows exactly
// what it calls, so every request is policy-checked.
nlohmann::json bench_world() {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json w = nlohmann::json::parse(in);
  w["identities"].push_back({{"user_name", "bench-reader"},
                             {"access_key_id", kReader.access_key_id},
                             {"secret_access_key", kReader.secret_access_key},
                             {"policies",
                              {{"read",
                                {{"Version", "2012-10-17"},
                                 {"Statement",
                                  {{{"Effect", "Allow"},
                                    {"Action", {"iam:GetUser", "s3:GetObject"}},
                                    {"Resource", "*"}}}}}}}}});
  return w;
}

struct Target {
  std::string host = "127.0.0.1";
  int port = 0;
};

// A signed request, ready to replay.
struct Prepared {
  std::string method, path, body, content_type;
  httplib::Headers headers;
};

Prepared prepare(const Target& t, const std::string& method, const std::string& path,
                 const std::string& body, const std::string& content_type,
                 const std::string& service, const aws::Credentials& creds) {
  aws::SignableRequest s{method, path, "", {}, body};
  s.headers.emplace_back("Host", t.host + ":" + std::to_string(t.port));
  if (!content_type.empty()) s.headers.emplace_back("Content-Type", content_type);
  aws::sign_request(s, creds, "us-east-1", service, std::chrono::system_clock::now());
  Prepared p{method, path, body, content_type, {}};
  for (auto& [k, v] : s.headers)
    if (k != "Host" && k != "Content-Type") p.headers.emplace(k, v);
  return p;
}

// The request as it goes on the wire.
std::string wire_bytes(const Target& t, const Prepared& p) {
  std::string out = p.method + " " + p.path + " HTTP/1.1\r\nHost: " + t.host + ":" +
                    std::to_string(t.port) + "\r\n";
  for (const auto& [k, v] : p.headers) out += k + ": " + v + "\r\n";
  if (!p.content_type.empty()) out += "Content-Type: " + p.content_type + "\r\n";
  if (!p.body.empty() || p.method != "GET")
    out += "Content-Length: " + std::to_string(p.body.size()) + "\r\n";
  return out + "\r\n" + p.body;
}

bool send(httplib::Client& c, const Prepared& p, size_t* bytes) {
  httplib::Result r = p.method == "GET"
                          ? c.Get(p.path.c_str(), p.headers)
                          : c.Post(p.path.c_str(), p.headers, p.body, p.content_type.c_str());
  if (!r || r->status >= 300) {
    std::fprintf(stderr, "%s %s: %s\n", p.method.c_str(), p.path.c_str(),
                 r ? r->body.c_str() : httplib::to_string(r.error()).c_str());
    return false;
  }
  *bytes += r->body.size();
  return true;
}

// The servers under test, started once per process.
struct Servers {
  Servers() {
    mocks::HarnessOptions options;
    options.clock = mocks::ClockMode::kSystem;
    options.hosts = false;
    auto started = mocks::Harness::start(bench_world(), options);
    if (!started.ok()) throw std::runtime_error(started.error().message);
    harness = std::move(*started);
    opsreg.port = harness->port();
    seed(opsreg, harness->world()->operator_credentials(), /*create_user=*/false);
  }
  // moto_server starts on first use, so that it takes no CPU while opsreg is measured.
  const Target& moto() {
    std::call_once(moto_started, [this] {
      moto_server = std::make_unique<MotoServer>();
      moto_target.port = moto_server->port();
      seed(moto_target, {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""},
           /*create_user=*/true);
    });
    return moto_target;
  }
  // Creates what the benchmark reads: the user (moto only; the world has it) and a 64 KiB object.
  void seed(const Target& t, const aws::Credentials& admin, bool create_user) {
    httplib::Client c(t.host, t.port);
    size_t n = 0;
    if (create_user)
      send(c,
           prepare(t, "POST", "/", "Action=CreateUser&UserName=bench-reader&Version=2010-05-08",
                   "application/x-www-form-urlencoded", "iam", admin),
           &n);
    std::string object(64 * 1024, 'x');
    for (auto [path, body] : {std::pair<std::string, std::string>{"/bench-bucket", ""},
                              {"/bench-bucket/object-64k", object}}) {
      aws::SignableRequest s{"PUT", path, "", {}, body};
      s.headers.emplace_back("Host", t.host + ":" + std::to_string(t.port));
      aws::sign_request(s, admin, "us-east-1", "s3", std::chrono::system_clock::now());
      httplib::Headers h;
      for (auto& [k, v] : s.headers)
        if (k != "Host") h.emplace(k, v);
      c.Put(path.c_str(), h, body, "application/octet-stream");
    }
  }
  std::unique_ptr<mocks::Harness> harness;
  Target opsreg;
  std::once_flag moto_started;
  std::unique_ptr<MotoServer> moto_server;
  Target moto_target;
};

Servers& servers() {
  static Servers s;
  return s;
}

enum class Call { kIamGetUser, kS3GetObject64k };

void run(benchmark::State& state, bool use_moto, Call call) {
  Target t = use_moto ? servers().moto() : servers().opsreg;
  if (use_moto && !servers().moto_server->ok()) {
    state.SkipWithError("moto_server did not start");
    return;
  }
  Prepared p =
      call == Call::kIamGetUser
          ? prepare(t, "POST", "/", "Action=GetUser&UserName=bench-reader&Version=2010-05-08",
                    "application/x-www-form-urlencoded; charset=utf-8", "iam", kReader)
          : prepare(t, "GET", "/bench-bucket/object-64k", "", "", "s3", kReader);
  RawLoad load(t.host, t.port, wire_bytes(t, p));
  size_t bytes = 0;
  for (auto _ : state) {
    if (!load.once(&bytes)) {
      std::fprintf(stderr, "%s %s: %.*s\n", p.method.c_str(), p.path.c_str(),
                   int(std::min<size_t>(load.last_answer().size(), 600)),
                   load.last_answer().data());
      state.SkipWithError("request failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void register_all() {
  for (bool use_moto : {false, true}) {
    const char* who = use_moto ? "moto" : "opsreg";
    const double min_time = 2.0;
    benchmark::RegisterBenchmark((std::string("IamGetUser/") + who).c_str(),
                                 [=](benchmark::State& s) { run(s, use_moto, Call::kIamGetUser); })
        ->Threads(kConnections)
        ->UseRealTime()
        ->MinTime(min_time);
    benchmark::RegisterBenchmark(
        (std::string("S3GetObject64KiB/") + who).c_str(),
        [=](benchmark::State& s) { run(s, use_moto, Call::kS3GetObject64k); })
        ->Threads(kConnections)
        ->UseRealTime()
        ->MinTime(min_time);
  }
}

}  // namespace
}  // namespace opsreg::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  opsreg::bench::register_all();
  opsreg::bench::servers();
  opsreg::bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
