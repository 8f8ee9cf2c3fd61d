// Benchmark support: each registration step's time, collected over a benchmark's runs, and the
// table printed at the end: median per step and its share of the whole registration.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace opsreg::bench {

class StepTable {
 public:
  // One registration: its total time and its steps' times (in the order they ran).
  void add(const std::string& variant, double total_ms,
           const std::vector<std::pair<std::string, double>>& steps) {
    Variant& v = variants_[variant];
    v.totals.push_back(total_ms);
    double in_steps = 0;
    for (const auto& [name, ms] : steps) {
      if (!v.samples.count(name)) v.order.push_back(name);
      v.samples[name].push_back(ms);
      in_steps += ms;
    }
    if (!v.samples.count(kOther)) v.order.push_back(kOther);
    v.samples[kOther].push_back(std::max(0.0, total_ms - in_steps));
  }

  void print() const {
    for (const auto& [name, v] : variants_) {
      double total = sum(v.totals);
      std::printf("\nsteps of %s (%zu registrations; median, share of the total time):\n",
                  name.c_str(), v.totals.size());
      for (const auto& step : v.order) {
        const auto& s = v.samples.at(step);
        std::printf("  %-34s %9.2f ms  %5.1f%%\n", step.c_str(), median(s),
                    total > 0 ? 100.0 * sum(s) / total : 0.0);
      }
      std::printf("  %-34s %9.2f ms\n", "whole registration", median(v.totals));
    }
  }

  static double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

 private:
  static constexpr const char* kOther = "(between steps: preconfig, clients)";
  static double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
  struct Variant {
    std::vector<std::string> order;
    std::map<std::string, std::vector<double>> samples;
    std::vector<double> totals;
  };
  std::map<std::string, Variant> variants_;
};

}  // namespace opsreg::bench
