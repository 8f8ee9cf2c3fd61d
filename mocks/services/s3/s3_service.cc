// The S3 service (REST-XML, path style): names each request's operation with s3_operation()
// (the name fault rules and the scenario observer see) and dispatches on that name through the
// operations each entity file registers (buckets.cc, objects.cc, copy_object.cc,
// list_objects.cc, multipart.cc).
#include "mocks/services/s3/s3_service.h"

#include "mocks/services/operation_name.h"
#include "mocks/services/s3/wire.h"

namespace opsreg::mocks::s3 {

namespace {

// Sub-resources of real S3 that this fake does not model.
bool names_unsupported_subresource(const S3Request& r) {
  // clang-format off
  static constexpr std::string_view kUnsupported[] = {
      "acl", "policy", "versioning", "tagging", "cors", "lifecycle", "website", "logging",
      "notification", "replication", "encryption", "ownershipControls", "publicAccessBlock",
      "accelerate", "requestPayment", "object-lock", "retention", "legal-hold", "versions",
      "inventory", "analytics", "metrics", "intelligent-tiering", "torrent", "restore", "select",
      "attributes", "policyStatus"};
  // clang-format on
  for (std::string_view name : kUnsupported)
    if (r.has(name)) return true;
  return false;
}

class S3Service final : public Service {
 public:
  explicit S3Service(S3Operations operations) : operations_(std::move(operations)) {}

  std::string_view signing_name() const override { return "s3"; }
  aws::Protocol protocol() const override { return aws::Protocol::kRestXml; }
  bool accepts_anonymous() const override { return true; }
  std::vector<std::string> operation_names() const override { return operations_.names(); }

  Result<http::Response> handle(const http::Request& request, CallContext& ctx) override {
    Result<http::Response> result = dispatch(request, ctx);
    // S3 answers a failed HEAD with the status alone: there is no body to carry an error.
    if (!result.ok() && request.method == "HEAD") {
      http::Response r;
      r.status = result.error().http_status;
      r.set_header("Content-Type", "application/xml");
      return r;
    }
    return result;
  }

 private:
  // A bucket or object request naming a sub-resource the fake does not model: NotImplemented,
  // whatever the operation. A method that names no operation (s3_operation returns the method
  // itself): MethodNotAllowed. An operation the fake does not implement (ListMultipartUploads,
  // ListParts, UploadPartCopy): NotImplemented.
  Result<http::Response> dispatch(const http::Request& request, CallContext& ctx) const {
    S3Request r = S3Request::parse(request);
    if (!r.bucket.empty() && names_unsupported_subresource(r)) return not_implemented();
    std::string name = s3_operation(request);
    if (name == request.method) return method_not_allowed();
    const S3Handler* handler = operations_.find(name);
    if (!handler) return not_implemented();
    return (*handler)(r, ctx);
  }

  S3Operations operations_;
};

}  // namespace

std::unique_ptr<Service> make_service() {
  S3Operations ops;
  add_bucket_operations(ops);
  add_object_operations(ops);
  add_copy_object_operations(ops);
  add_list_objects_operations(ops);
  add_multipart_operations(ops);
  return std::make_unique<S3Service>(std::move(ops));
}

}  // namespace opsreg::mocks::s3
