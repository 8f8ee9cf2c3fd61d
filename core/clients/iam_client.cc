// IAM calls over the query protocol and their XML results.
#include "core/clients/iam_client.h"

#include "core/clients/xml_response.h"

namespace opsreg::clients {

namespace {

IamUser read_user(const pugi::xml_node& n) {
  return IamUser{child_text(n, "Path"), child_text(n, "UserName"), child_text(n, "UserId"),
                 child_text(n, "Arn"), child_text(n, "CreateDate")};
}

IamGroup read_group(const pugi::xml_node& n) {
  return IamGroup{child_text(n, "Path"), child_text(n, "GroupName"), child_text(n, "GroupId"),
                  child_text(n, "Arn"), child_text(n, "CreateDate")};
}

// Parses `res` and finds the element `name` in it.
template <class T, class Read>
Result<T> read_one(const Result<http::Response>& res, const char* name, Read read) {
  if (!res.ok()) return res.error();
  pugi::xml_document doc;
  if (Status s = load_xml(res->body, &doc); !s.ok()) return s.error();
  pugi::xml_node node = find_element(doc, name);
  if (!node)
    return aws::make_error("MalformedResponse",
                           std::string("The response has no <") + name + "> element", 200);
  return read(node);
}

Status status_of(const Result<http::Response>& res) {
  if (!res.ok()) return res.error();
  return {};
}

}  // namespace

Result<http::Response> IamClient::call(const std::string& action, const aws::Params& params) {
  return client_.call_query(action, kApiVersion, params);
}

Result<IamGroup> IamClient::create_group(const std::string& group_name, const std::string& path) {
  return read_one<IamGroup>(call("CreateGroup", {{"GroupName", group_name}, {"Path", path}}),
                            "Group", read_group);
}

Result<IamUser> IamClient::create_user(const std::string& user_name, const std::string& path) {
  return read_one<IamUser>(call("CreateUser", {{"UserName", user_name}, {"Path", path}}), "User",
                           read_user);
}

Status IamClient::add_user_to_group(const std::string& group_name, const std::string& user_name) {
  return status_of(call("AddUserToGroup", {{"GroupName", group_name}, {"UserName", user_name}}));
}

Status IamClient::attach_user_policy(const std::string& user_name, const std::string& policy_arn) {
  return status_of(call("AttachUserPolicy", {{"UserName", user_name}, {"PolicyArn", policy_arn}}));
}

Status IamClient::put_user_policy(const std::string& user_name, const std::string& policy_name,
                                  const std::string& policy_document) {
  return status_of(call(
      "PutUserPolicy",
      {{"UserName", user_name}, {"PolicyName", policy_name}, {"PolicyDocument", policy_document}}));
}

Result<AccessKey> IamClient::create_access_key(const std::string& user_name) {
  return read_one<AccessKey>(
      call("CreateAccessKey", {{"UserName", user_name}}), "AccessKey", [](const pugi::xml_node& n) {
        return AccessKey{child_text(n, "UserName"), child_text(n, "AccessKeyId"),
                         child_text(n, "SecretAccessKey"), child_text(n, "Status"),
                         child_text(n, "CreateDate")};
      });
}

Result<IamUser> IamClient::get_user(const std::optional<std::string>& user_name) {
  aws::Params params;
  if (user_name) params.emplace_back("UserName", *user_name);
  return read_one<IamUser>(call("GetUser", params), "User", read_user);
}

Status IamClient::delete_user(const std::string& user_name) {
  return status_of(call("DeleteUser", {{"UserName", user_name}}));
}

Status IamClient::delete_access_key(const std::string& user_name,
                                    const std::string& access_key_id) {
  return status_of(
      call("DeleteAccessKey", {{"UserName", user_name}, {"AccessKeyId", access_key_id}}));
}

Result<std::vector<AccessKeyMetadata>> IamClient::list_access_keys(const std::string& user_name) {
  std::vector<AccessKeyMetadata> keys;
  std::string marker;
  do {
    aws::Params params{{"UserName", user_name}};
    if (!marker.empty()) params.emplace_back("Marker", marker);
    Result<http::Response> res = call("ListAccessKeys", params);
    if (!res.ok()) return res.error();
    pugi::xml_document doc;
    if (Status s = load_xml(res->body, &doc); !s.ok()) return s.error();
    pugi::xml_node result = find_element(doc, "ListAccessKeysResult");
    for (pugi::xml_node m : result.child("AccessKeyMetadata").children("member"))
      keys.push_back(AccessKeyMetadata{child_text(m, "UserName"), child_text(m, "AccessKeyId"),
                                       child_text(m, "Status"), child_text(m, "CreateDate")});
    marker = child_text(result, "IsTruncated") == "true" ? child_text(result, "Marker") : "";
  } while (!marker.empty());
  return keys;
}

Status IamClient::remove_user_from_group(const std::string& group_name,
                                         const std::string& user_name) {
  return status_of(
      call("RemoveUserFromGroup", {{"GroupName", group_name}, {"UserName", user_name}}));
}

Status IamClient::delete_user_policy(const std::string& user_name, const std::string& policy_name) {
  return status_of(
      call("DeleteUserPolicy", {{"UserName", user_name}, {"PolicyName", policy_name}}));
}

Status IamClient::detach_user_policy(const std::string& user_name, const std::string& policy_arn) {
  return status_of(call("DetachUserPolicy", {{"UserName", user_name}, {"PolicyArn", policy_arn}}));
}

}  // namespace opsreg::clients
