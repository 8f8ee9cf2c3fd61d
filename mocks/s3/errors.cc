// S3 error values: codes, messages and HTTP statuses as S3 returns them (declared and
// documented in errors.h).
#include "mocks/s3/errors.h"

namespace opsreg::mocks::s3 {

aws::Error no_such_bucket() {
  return aws::make_error("NoSuchBucket", "The specified bucket does not exist", 404);
}

aws::Error no_such_key() {
  return aws::make_error("NoSuchKey", "The specified key does not exist.", 404);
}

aws::Error invalid_bucket_name() {
  return aws::make_error("InvalidBucketName", "The specified bucket is not valid.", 400);
}

aws::Error bucket_already_owned_by_you() {
  return aws::make_error("BucketAlreadyOwnedByYou",
                         "Your previous request to create the named bucket succeeded and you "
                         "already own it.",
                         409);
}

aws::Error bucket_not_empty() {
  return aws::make_error("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
}

aws::Error no_such_upload() {
  return aws::make_error("NoSuchUpload",
                         "The specified upload does not exist. The upload ID may be invalid, or "
                         "the upload may have been aborted or completed.",
                         404);
}

aws::Error invalid_part() {
  return aws::make_error("InvalidPart",
                         "One or more of the specified parts could not be found.  The part may "
                         "not have been uploaded, or the specified entity tag may not match the "
                         "part's entity tag.",
                         400);
}

aws::Error invalid_part_order() {
  return aws::make_error("InvalidPartOrder",
                         "The list of parts was not in ascending order. The parts list must "
                         "be specified in order by part number.",
                         400);
}

aws::Error entity_too_small() {
  return aws::make_error("EntityTooSmall",
                         "Your proposed upload is smaller than the minimum allowed size", 400);
}

aws::Error malformed_xml() {
  return aws::make_error("MalformedXML",
                         "The XML you provided was not well-formed or did not validate against "
                         "our published schema",
                         400);
}

aws::Error invalid_argument(std::string message) {
  return aws::make_error("InvalidArgument", std::move(message), 400);
}

}  // namespace opsreg::mocks::s3
