// The OpsWorks agent installer in the fake S3: the public-read tarball of
// fixtures/agent-installer/ (as opsworks-agent-installer/...) and the empty assets bucket.
#include "mocks/s3/model.h"
#include "mocks/s3/tarball.h"

namespace opsreg::mocks::s3 {

namespace {
constexpr char kRoot[] = "opsworks-agent-installer";

aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: agent_installer: " + what);
}

Status ensure_public_bucket(S3Model& s3, const std::string& name) {
  if (!s3.get_bucket(name).ok()) {
    auto created = s3.create_bucket(name, "us-east-1", true);
    if (!created.ok()) return invalid("bucket '" + name + "': " + created.error().message);
  }
  return s3.set_public_read(name, true);
}
}  // namespace

Status S3Model::install_agent_installer(const std::string& bucket, const std::string& key,
                                        const std::string& assets_bucket,
                                        const std::string& source_dir) {
  auto entries = read_tree(source_dir, kRoot);
  if (!entries.ok()) return invalid(entries.error().message);
  auto tar = ustar(*entries);
  if (!tar.ok()) return invalid(tar.error().message);
  auto tgz = gzip(*tar);
  if (!tgz.ok()) return invalid(tgz.error().message);
  if (Status s = ensure_public_bucket(*this, bucket); !s.ok()) return s;
  if (Status s = ensure_public_bucket(*this, assets_bucket); !s.ok()) return s;
  Object object;
  object.key = key;
  object.content_type = "application/x-gzip";
  object.data = std::make_shared<const std::string>(std::move(tgz.value()));
  if (auto put = put_object(bucket, std::move(object)); !put.ok())
    return invalid(put.error().message);
  return {};
}

}  // namespace opsreg::mocks::s3
