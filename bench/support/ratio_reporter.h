// Benchmark support: a console reporter that also prints, at the end, each opsreg benchmark's
// throughput as a ratio to its baseline measured in the same run ("X/opsreg" vs "X/moto").
#pragma once

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

namespace opsreg::bench {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[run.benchmark_name()] = it->second.value;
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\nthroughput ratios (same run):\n");
    for (const auto& [name, rate] : rates_) {
      size_t at = name.find("/opsreg");
      if (at == std::string::npos) continue;
      std::string base = name;
      base.replace(at, 7, "/moto");
      auto b = rates_.find(base);
      if (b == rates_.end() || b->second <= 0) {
        std::printf("  %-40s %10.0f req/s (no baseline)\n", name.c_str(), rate);
        continue;
      }
      std::printf("  %-40s %10.0f req/s vs moto_server %8.0f req/s: %.1fx\n", name.c_str(), rate,
                  b->second, rate / b->second);
    }
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace opsreg::bench
