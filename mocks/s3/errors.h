// S3's errors, one function per AWS error code, worded and numbered as S3 returns them. The
// model returns them; the wire (mocks/services/s3) uses the same ones for what it checks itself.
#pragma once

#include <string>

#include "core/util/error.h"

namespace opsreg::mocks::s3 {

// NoSuchBucket 404 "The specified bucket does not exist".
aws::Error no_such_bucket();
// NoSuchKey 404 "The specified key does not exist.".
aws::Error no_such_key();
// InvalidBucketName 400 "The specified bucket is not valid.".
aws::Error invalid_bucket_name();
// BucketAlreadyOwnedByYou 409 (creating a bucket the account has, outside us-east-1).
aws::Error bucket_already_owned_by_you();
// BucketNotEmpty 409 "The bucket you tried to delete is not empty".
aws::Error bucket_not_empty();
// NoSuchUpload 404 (an upload id that is unknown, aborted or completed).
aws::Error no_such_upload();
// InvalidPart 400 (a part that was not uploaded, or whose ETag does not match).
aws::Error invalid_part();
// InvalidPartOrder 400 (CompleteMultipartUpload's parts not in ascending order).
aws::Error invalid_part_order();
// EntityTooSmall 400 (a part other than the last under 5 MiB).
aws::Error entity_too_small();
// MalformedXML 400 "The XML you provided was not well-formed or did not validate against our
// published schema".
aws::Error malformed_xml();
// InvalidArgument 400 with `message`.
aws::Error invalid_argument(std::string message);

}  // namespace opsreg::mocks::s3
