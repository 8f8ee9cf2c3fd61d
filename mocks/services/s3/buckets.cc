// S3 service and bucket operations on the wire: ListBuckets, CreateBucket (with S3's
// location-constraint rules), DeleteBucket, HeadBucket, GetBucketLocation.
#include <pugixml.hpp>

#include "core/aws/crypto.h"
#include "core/aws/region.h"
#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/services/s3/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::s3 {

namespace {
aws::Error illegal_location(const std::string& constraint) {
  return aws::make_error("IllegalLocationConstraintException",
                         "The " + constraint +
                             " location constraint is incompatible for the region specific "
                             "endpoint this request was sent to.",
                         400);
}

// The region a CreateBucket request asks for, by S3's rules: no constraint means us-east-1
// (only allowed on a us-east-1 endpoint); "us-east-1" itself is not a valid constraint.
Result<std::string> bucket_region(const S3Request& r, const std::string& endpoint_region) {
  std::string constraint;
  if (!r.http.body.empty()) {
    pugi::xml_document doc;
    if (!doc.load_buffer(r.http.body.data(), r.http.body.size())) return malformed_xml();
    pugi::xml_node config = doc.child("CreateBucketConfiguration");
    if (!config) return malformed_xml();
    constraint = config.child("LocationConstraint").child_value();
  }
  if (constraint.empty()) {
    if (endpoint_region != "us-east-1") return illegal_location("unspecified");
    return std::string("us-east-1");
  }
  if (constraint == "EU") constraint = "eu-west-1";
  if (constraint == "us-east-1" || !aws::valid_region_name(constraint))
    return aws::make_error("InvalidLocationConstraint",
                           "The specified location-constraint is not valid", 400);
  if (endpoint_region != "us-east-1" && constraint != endpoint_region)
    return illegal_location(constraint);
  return constraint;
}

Result<Bucket> existing_bucket(CallContext& ctx, const std::string& name) {
  return ctx.world().s3().get_bucket(name);
}

Result<http::Response> list_buckets(const S3Request&, CallContext& ctx) {
  if (ctx.caller().anonymous) return access_denied();
  if (Status s = ctx.authorize("s3:ListAllMyBuckets", "*"); !s.ok()) return s.error();
  aws::XmlWriter w;
  w.open("ListAllMyBucketsResult", kXmlns)
      .open("Owner")
      .leaf("ID", aws::sha256_hex("opsreg-canonical-user/" + ctx.world().account_id()))
      .leaf("DisplayName", "opsreg")
      .close()
      .open("Buckets");
  for (const Bucket& b : ctx.world().s3().list_buckets()) {
    w.open("Bucket")
        .leaf("Name", b.name)
        .leaf("CreationDate", format_iso8601_millis(b.created))
        .leaf("BucketRegion", b.region)
        .close();
  }
  w.close();
  return xml_response(w.str());
}

Result<http::Response> create_bucket(const S3Request& r, CallContext& ctx) {
  if (!valid_bucket_name(r.bucket)) return invalid_bucket_name();
  if (ctx.caller().anonymous) return access_denied();
  if (Status s = ctx.authorize("s3:CreateBucket", r.bucket_arn()); !s.ok()) return s.error();
  auto region = bucket_region(r, ctx.region());
  if (!region.ok()) return region.error();
  auto created = ctx.world().s3().create_bucket(r.bucket, *region);
  if (!created.ok()) return created.error();
  http::Response res;
  res.headers.emplace_back("Location", "/" + r.bucket);
  return res;
}

Result<http::Response> delete_bucket(const S3Request& r, CallContext& ctx) {
  auto bucket = existing_bucket(ctx, r.bucket);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, "s3:DeleteBucket", r.bucket_arn(), false); !s.ok())
    return s.error();
  if (Status s = ctx.world().s3().delete_bucket(r.bucket); !s.ok()) return s.error();
  http::Response res;
  res.status = 204;
  return res;
}

Result<http::Response> head_bucket(const S3Request& r, CallContext& ctx) {
  auto bucket = existing_bucket(ctx, r.bucket);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, "s3:ListBucket", r.bucket_arn(), true); !s.ok())
    return s.error();
  http::Response res;
  res.set_header("Content-Type", "application/xml");
  res.headers.emplace_back("x-amz-bucket-region", bucket->region);
  res.headers.emplace_back("x-amz-access-point-alias", "false");
  return res;
}

Result<http::Response> get_bucket_location(const S3Request& r, CallContext& ctx) {
  auto bucket = existing_bucket(ctx, r.bucket);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, "s3:GetBucketLocation", r.bucket_arn(), false); !s.ok())
    return s.error();
  aws::XmlWriter w;
  w.open("LocationConstraint", kXmlns);
  if (bucket->region != "us-east-1") w.raw(aws::xml_escape(bucket->region));
  return xml_response(w.str());
}

}  // namespace

void add_bucket_operations(S3Operations& ops) {
  ops.add("ListBuckets", list_buckets);
  ops.add("CreateBucket", create_bucket);
  ops.add("DeleteBucket", delete_bucket);
  ops.add("HeadBucket", head_bucket);
  ops.add("GetBucketLocation", get_bucket_location);
}

}  // namespace opsreg::mocks::s3
