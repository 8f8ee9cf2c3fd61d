// Merging JUnit files: suites by name, testcases copied and sorted, counts recounted.
#include "scenarios/engine/junit_merge.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

namespace opsreg::scenarios {

namespace {

aws::Error bad(const std::string& why) { return aws::make_error("BadJunit", why, 0); }

struct Case {
  pugi::xml_node node;
  std::string from;  // the file it came from
};

struct Suite {
  double seconds = 0;
  std::vector<Case> cases;
  std::vector<std::pair<std::string, std::string>> properties;  // but the shard's
  std::vector<pugi::xml_node> others;                           // system-out and the like
};

std::string attribute(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

// The suite's time, or its testcases' when it has none.
double suite_seconds(pugi::xml_node suite) {
  if (auto time = suite.attribute("time")) return time.as_double();
  double sum = 0;
  for (auto tc : suite.children("testcase")) sum += tc.attribute("time").as_double();
  return sum;
}

// Checks that the shards' files are shards of one run, each K once; returns the Ks missing.
// `shard_of`: each file's shard, in the order the files were given.
Result<std::vector<std::string>> missing_shards(
    const std::vector<std::pair<std::string, Shard>>& shard_of) {
  std::map<int, std::string> seen;  // K -> file
  for (const auto& [file, shard] : shard_of) {
    const auto& [first, first_shard] = shard_of.front();
    if (shard.total != first_shard.total)
      return bad(first + " is shard " + first_shard.text() + " but " + file + " is shard " +
                 shard.text());
    if (auto [it, fresh] = seen.emplace(shard.index, file); !fresh)
      return bad(it->second + " and " + file + " are both shard " + shard.text());
  }
  std::vector<std::string> missing;
  for (int k = 1; !shard_of.empty() && k <= shard_of.front().second.total; ++k)
    if (!seen.count(k)) missing.push_back(Shard{k, shard_of.front().second.total}.text());
  return missing;
}

}  // namespace

Result<MergedJunit> merge_junit(const std::vector<JunitFile>& files) {
  std::vector<std::unique_ptr<pugi::xml_document>> docs;
  std::map<std::string, Suite> suites;  // by name, so the output's order is the names'
  std::vector<std::pair<std::string, Shard>> shard_of;  // a file's first shard property
  for (const JunitFile& file : files) {
    auto& doc = *docs.emplace_back(std::make_unique<pugi::xml_document>());
    pugi::xml_parse_result parsed = doc.load_string(file.text.c_str());
    if (!parsed)
      return bad(file.name + ": not XML: " + parsed.description() + " at byte " +
                 std::to_string(parsed.offset));
    pugi::xml_node root = doc.document_element();
    std::vector<pugi::xml_node> list;
    if (std::string(root.name()) == "testsuite")
      list.push_back(root);
    else if (std::string(root.name()) == "testsuites")
      for (auto s : root.children("testsuite")) list.push_back(s);
    else
      return bad(file.name + ": not JUnit XML (its root is <" + root.name() +
                 ">, not <testsuites> or <testsuite>)");
    for (pugi::xml_node s : list) {
      Suite& suite = suites[attribute(s, "name")];
      suite.seconds += suite_seconds(s);
      for (pugi::xml_node child : s.children()) {
        std::string kind = child.name();
        if (kind == "testcase") {
          suite.cases.push_back({child, file.name});
        } else if (kind == "properties") {
          for (auto p : child.children("property")) {
            std::pair<std::string, std::string> pv{attribute(p, "name"), attribute(p, "value")};
            if (pv.first != kJunitShardProperty) {
              if (std::find(suite.properties.begin(), suite.properties.end(), pv) ==
                  suite.properties.end())
                suite.properties.push_back(pv);
              continue;
            }
            auto shard = parse_shard_text(pv.second);
            if (!shard || !shard->valid())
              return bad(file.name + ": shard property '" + pv.second + "' is not K/N");
            if (shard_of.empty() || shard_of.back().first != file.name)
              shard_of.emplace_back(file.name, *shard);
          }
        } else if (child.type() == pugi::node_element) {
          suite.others.push_back(child);
        }
      }
    }
  }
  auto missing = missing_shards(shard_of);
  if (!missing.ok()) return missing.error();

  MergedJunit out;
  out.missing_shards = *missing;
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("testsuites");
  for (auto& [name, suite] : suites) {
    auto key = [](const Case& c) {
      return std::make_tuple(std::filesystem::path(attribute(c.node, "file")),
                             attribute(c.node, "name"), attribute(c.node, "classname"));
    };
    std::stable_sort(suite.cases.begin(), suite.cases.end(),
                     [&](const Case& a, const Case& b) { return key(a) < key(b); });
    for (size_t i = 1; i < suite.cases.size(); ++i)
      if (key(suite.cases[i - 1]) == key(suite.cases[i]))
        return bad("testcase " + attribute(suite.cases[i].node, "name") + " (" +
                   attribute(suite.cases[i].node, "file") + ") of suite " + name + " is in both " +
                   suite.cases[i - 1].from + " and " + suite.cases[i].from);
    auto node = root.append_child("testsuite");
    node.append_attribute("name") = name.c_str();
    if (!suite.properties.empty()) {
      auto properties = node.append_child("properties");
      for (const auto& [n, v] : suite.properties) {
        auto p = properties.append_child("property");
        p.append_attribute("name") = n.c_str();
        p.append_attribute("value") = v.c_str();
      }
    }
    JunitCounts counts;
    counts.seconds = suite.seconds;
    for (const Case& c : suite.cases) {
      node.append_copy(c.node);
      counts.tests++;
      counts.failures += c.node.child("failure") ? 1 : 0;
      counts.errors += c.node.child("error") ? 1 : 0;
      counts.skipped += c.node.child("skipped") ? 1 : 0;
    }
    for (pugi::xml_node other : suite.others) node.append_copy(other);
    set_junit_counts(node, counts);
    out.counts.tests += counts.tests;
    out.counts.failures += counts.failures;
    out.counts.errors += counts.errors;
    out.counts.skipped += counts.skipped;
    out.counts.seconds += counts.seconds;
  }
  set_junit_counts(root, out.counts);
  std::ostringstream text;
  doc.save(text, "  ");
  out.xml = text.str();
  return out;
}

}  // namespace opsreg::scenarios
