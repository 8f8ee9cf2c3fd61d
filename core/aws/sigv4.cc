// SigV4 canonical request, string to sign, key derivation, signing and claim parsing.
// Mirrors botocore's SigV4Auth / S3SigV4Auth; tests compare against it on a table.
#include "core/aws/sigv4.h"

#include <algorithm>
#include <cctype>

#include "core/aws/crypto.h"
#include "core/aws/uri.h"
#include "core/clock/time_format.h"
#include "core/util/split.h"

namespace opsreg::aws {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Trims and collapses runs of whitespace to one space (SigV4's Trimall).
std::string trimall(std::string_view v) {
  std::string out;
  bool pending_space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

// RFC 3986 5.2.4 plus collapsing of empty segments, as botocore's remove_dot_segments.
std::string normalize_path(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> out;
  for (std::string_view seg : split(path, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg != "..")
      out.push_back(seg);
    else if (!out.empty())
      out.pop_back();
  }
  std::string result = path.front() == '/' ? "/" : "";
  for (size_t i = 0; i < out.size(); ++i) {
    if (i) result.push_back('/');
    result.append(out[i]);
  }
  if (path.back() == '/' && !out.empty()) result.push_back('/');
  return result;
}

std::string canonical_query(std::string_view raw_query, bool drop_signature) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (auto& [k, v] : parse_query(raw_query)) {
    if (drop_signature && k == "X-Amz-Signature") continue;
    pairs.emplace_back(uri_encode(k), uri_encode(v));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (auto& [k, v] : pairs) {
    if (!out.empty()) out.push_back('&');
    out += k;
    out.push_back('=');
    out += v;
  }
  return out;
}

std::string join(const std::vector<std::string>& v, char sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(sep);
    out += v[i];
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    out.emplace_back(s.substr(pos, next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

// Header names that botocore never signs (its SIGNED_HEADERS_BLACKLIST, plus Authorization):
// hop-by-hop headers a proxy may change, and ones clients add after signing.
bool never_signed(std::string_view lname) {
  static constexpr std::string_view kNames[] = {"authorization",
                                                "connection",
                                                "expect",
                                                "keep-alive",
                                                "proxy-authenticate",
                                                "proxy-authorization",
                                                "te",
                                                "trailer",
                                                "transfer-encoding",
                                                "upgrade",
                                                "user-agent",
                                                "x-amzn-trace-id"};
  for (std::string_view n : kNames)
    if (lname == n) return true;
  return false;
}

// The payload hash of a presigned URL: S3 signs no payload; other services (STS presigned
// GetCallerIdentity, for one) sign the body's hash, as botocore's SigV4QueryAuth does.
std::string presigned_payload_hash(const SignableRequest& req, std::string_view service) {
  return service == "s3" ? std::string(kUnsignedPayload) : sha256_hex(req.body);
}

std::vector<std::string> headers_to_sign(const Headers& headers) {
  std::vector<std::string> names;
  for (const auto& [name, value] : headers) {
    std::string l = lower(name);
    if (!never_signed(l)) names.push_back(l);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string scope_of(std::string_view date, std::string_view region, std::string_view service) {
  std::string s;
  s.append(date).append("/").append(region).append("/").append(service).append("/aws4_request");
  return s;
}

}  // namespace

std::string_view SignableRequest::header(std::string_view name) const {
  return find_header(headers, name);
}

std::string canonical_request(const SignableRequest& req,
                              const std::vector<std::string>& signed_headers,
                              std::string_view payload_hash, bool s3_rules, bool presigned) {
  std::string out;
  out.reserve(256 + req.path.size() + req.query.size());
  out += req.method;
  out.push_back('\n');
  out += s3_rules ? (req.path.empty() ? std::string("/") : req.path)
                  : uri_encode(normalize_path(req.path), /*keep_slash=*/true);
  out.push_back('\n');
  out += canonical_query(req.query, presigned);
  out.push_back('\n');
  for (const auto& name : signed_headers) {
    std::string value;
    bool first = true;
    for (const auto& [k, v] : req.headers) {
      if (!iequals(k, name)) continue;
      if (!first) value.push_back(',');
      value += trimall(v);
      first = false;
    }
    out += name;
    out.push_back(':');
    out += value;
    out.push_back('\n');
  }
  out.push_back('\n');
  out += join(signed_headers, ';');
  out.push_back('\n');
  out += payload_hash;
  return out;
}

std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical) {
  std::string out = "AWS4-HMAC-SHA256\n";
  out.append(amz_date).append("\n").append(scope).append("\n").append(sha256_hex(canonical));
  return out;
}

std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service) {
  std::string k = hmac_sha256(std::string("AWS4").append(secret), date);
  k = hmac_sha256(k, region);
  k = hmac_sha256(k, service);
  return hmac_sha256(k, "aws4_request");
}

void sign_request(SignableRequest& req, const Credentials& creds, std::string_view region,
                  std::string_view service, TimePoint now) {
  const bool s3 = service == "s3";
  std::string amz_date = format_amz_date(now);
  std::string date = amz_date.substr(0, 8);
  auto drop = [&](std::string_view name) {
    std::erase_if(req.headers, [&](const auto& h) { return iequals(h.first, name); });
  };
  drop("Authorization");
  drop("X-Amz-Date");
  req.headers.emplace_back("X-Amz-Date", amz_date);
  if (!creds.session_token.empty()) {
    drop("X-Amz-Security-Token");
    req.headers.emplace_back("X-Amz-Security-Token", creds.session_token);
  }
  std::string payload_hash(req.header("X-Amz-Content-SHA256"));
  if (payload_hash.empty()) payload_hash = sha256_hex(req.body);
  if (s3 && req.header("X-Amz-Content-SHA256").empty())
    req.headers.emplace_back("X-Amz-Content-SHA256", payload_hash);
  std::vector<std::string> names = headers_to_sign(req.headers);
  std::string scope = scope_of(date, region, service);
  std::string sts = string_to_sign(amz_date, scope,
                                   canonical_request(req, names, payload_hash, s3,
                                                     /*presigned=*/false));
  std::string sig =
      hex(hmac_sha256(signing_key(creds.secret_access_key, date, region, service), sts));
  req.headers.emplace_back("Authorization",
                           "AWS4-HMAC-SHA256 Credential=" + creds.access_key_id + "/" + scope +
                               ", SignedHeaders=" + join(names, ';') + ", Signature=" + sig);
}

std::string presign_query(const SignableRequest& req, const Credentials& creds,
                          std::string_view region, std::string_view service, TimePoint now,
                          int expires_s) {
  std::string amz_date = format_amz_date(now);
  std::string date = amz_date.substr(0, 8);
  std::string scope = scope_of(date, region, service);
  Params params = parse_query(req.query);
  params.emplace_back("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
  params.emplace_back("X-Amz-Credential", creds.access_key_id + "/" + scope);
  params.emplace_back("X-Amz-Date", amz_date);
  params.emplace_back("X-Amz-Expires", std::to_string(expires_s));
  params.emplace_back("X-Amz-SignedHeaders", "host");
  if (!creds.session_token.empty())
    params.emplace_back("X-Amz-Security-Token", creds.session_token);
  SignableRequest signed_req = req;
  signed_req.query = encode_query(params);
  std::string canon = canonical_request(signed_req, {"host"}, presigned_payload_hash(req, service),
                                        service == "s3", true);
  std::string sig = hex(hmac_sha256(signing_key(creds.secret_access_key, date, region, service),
                                    string_to_sign(amz_date, scope, canon)));
  params.emplace_back("X-Amz-Signature", sig);
  return encode_query(params);
}

ClaimProblem parse_claim(const SignableRequest& req, SignatureClaim* claim, std::string* why) {
  std::string_view auth = req.header("Authorization");
  std::string credential, signed_headers;
  if (!auth.empty()) {
    constexpr std::string_view kAlgo = "AWS4-HMAC-SHA256 ";
    if (auth.substr(0, kAlgo.size()) != kAlgo) {
      *why = "Unsupported Authorization Type";
      return ClaimProblem::kMalformed;
    }
    for (std::string part : split(auth.substr(kAlgo.size()), ',')) {
      std::string p = trimall(part);
      size_t eq = p.find('=');
      if (eq == std::string::npos) continue;
      std::string key = p.substr(0, eq), value = p.substr(eq + 1);
      if (key == "Credential")
        credential = value;
      else if (key == "SignedHeaders")
        signed_headers = value;
      else if (key == "Signature")
        claim->signature = value;
    }
    claim->amz_date = std::string(req.header("X-Amz-Date"));
    if (claim->amz_date.empty()) {
      // A Date header (RFC 1123) may stand in for X-Amz-Date; we accept only the SigV4 form.
      *why = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
      return ClaimProblem::kMalformed;
    }
    claim->security_token = std::string(req.header("X-Amz-Security-Token"));
  } else {
    Params q = parse_query(req.query);
    auto get = [&](std::string_view k) -> std::string {
      for (auto& [qk, qv] : q)
        if (qk == k) return qv;
      return {};
    };
    if (get("X-Amz-Algorithm").empty() && get("X-Amz-Credential").empty())
      return ClaimProblem::kMissing;
    if (get("X-Amz-Algorithm") != "AWS4-HMAC-SHA256") {
      *why = "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"";
      return ClaimProblem::kMalformedQuery;
    }
    credential = get("X-Amz-Credential");
    signed_headers = get("X-Amz-SignedHeaders");
    claim->signature = get("X-Amz-Signature");
    claim->amz_date = get("X-Amz-Date");
    claim->security_token = get("X-Amz-Security-Token");
    claim->presigned = true;
    std::string exp = get("X-Amz-Expires");
    std::string_view digits = exp;
    if (digits.starts_with('-')) digits.remove_prefix(1);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      *why = "X-Amz-Expires should be a number";
      return ClaimProblem::kMalformedQuery;
    }
    if (exp.front() == '-') {
      *why = "X-Amz-Expires must be non-negative";
      return ClaimProblem::kMalformedQuery;
    }
    digits.remove_prefix(std::min(digits.find_first_not_of('0'), digits.size()));
    if (digits.size() > 7 ||
        std::stoi(std::string(digits.empty() ? "0" : digits)) > kMaxPresignExpiry) {
      *why = "X-Amz-Expires must be less than a week (in seconds) that is " +
             std::to_string(kMaxPresignExpiry);
      return ClaimProblem::kMalformedQuery;
    }
    claim->expires_s = std::stoi(std::string(digits.empty() ? "0" : digits));
  }
  std::vector<std::string> cred = split(credential, '/');
  if (cred.size() != 5 || cred[4] != "aws4_request" || cred[0].empty()) {
    *why =
        "Credential should be scoped to a valid region, and to the service and aws4_request "
        "terminator.";
    return ClaimProblem::kMalformed;
  }
  if (signed_headers.empty() || claim->signature.empty()) {
    *why =
        "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.";
    return ClaimProblem::kMalformed;
  }
  claim->access_key_id = cred[0];
  claim->date = cred[1];
  claim->region = cred[2];
  claim->service = cred[3];
  claim->signed_headers = split(signed_headers, ';');
  return ClaimProblem::kNone;
}

std::string expected_signature(const SignableRequest& req, const SignatureClaim& claim,
                               std::string_view secret) {
  const bool s3 = claim.service == "s3";
  std::string payload_hash;
  if (claim.presigned) {
    payload_hash = presigned_payload_hash(req, claim.service);
  } else {
    payload_hash = std::string(req.header("X-Amz-Content-SHA256"));
    if (payload_hash.empty()) payload_hash = sha256_hex(req.body);
  }
  std::string canon =
      canonical_request(req, claim.signed_headers, payload_hash, s3, claim.presigned);
  std::string sts =
      string_to_sign(claim.amz_date, scope_of(claim.date, claim.region, claim.service), canon);
  return hex(hmac_sha256(signing_key(secret, claim.date, claim.region, claim.service), sts));
}

}  // namespace opsreg::aws
