"""Every operation the fakes implement, driven through boto3 against `opsreg serve` and each raw
answer checked against the service's model (shape_check.py): botocore's installed models for IAM,
STS, S3 and EC2, fixtures/aws-models for OpsWorks (with opsreg's own model of the agent's two calls,
fixtures/agent-model/), and the documented metadata categories for IMDS (imds_model.py), whose
paths are whatever its listings announce. The list of implemented operations comes from the server
(GET /_opsreg/operations), so an operation added to a fake without a call here fails the test.

Prints "N implemented, N validated"; the two must be equal and no answer may have a problem."""

import copy
import json
import os
import pathlib
import tempfile
import unittest
import urllib.error
import urllib.request

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

import imds_model
import shape_check
from opsreg_serve import Serve, main

ROOT = pathlib.Path(__file__).resolve().parents[2]
PUBLIC_KEY = (ROOT / "fixtures" / "ec2" / "identity-signing.pub.pem").read_text()
REGISTRATION_POLICY = "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration"


def models_with_the_agent(folder):
    """AWS_DATA_PATH-style folder whose OpsWorks model also holds the agent's two calls."""
    source = ROOT / "fixtures" / "aws-models" / "opsworks" / "2013-02-18"
    model = json.loads((source / "service-2.json").read_text())
    agent = json.loads((ROOT / "fixtures" / "agent-model" / "agent-operations.json").read_text())
    for name in agent["operations"]:
        assert name not in model["operations"], name
    model["operations"].update(agent["operations"])
    model["shapes"].update(agent["shapes"])
    target = pathlib.Path(folder) / "opsworks" / "2013-02-18"
    target.mkdir(parents=True)
    (target / "service-2.json").write_text(json.dumps(model))
    return folder


class Driver:
    """boto3 clients against one serve; every raw answer is checked as it arrives."""

    def __init__(self, serve, data_path):
        self.serve = serve
        session = botocore.session.get_session()
        session.get_component("data_loader").search_paths.insert(0, data_path)
        self.session = boto3.session.Session(botocore_session=session)
        self.clients = {}
        self.problems = []
        self.validated = set()  # "service:Operation" answered and checked clean
        self.answered = set()

    def client(self, service, key=None):
        """A client signing as the operator, or as `key` (CreateAccessKey's AccessKey)."""
        key = key or {"AccessKeyId": self.serve.access_key_id,
                      "SecretAccessKey": self.serve.secret_access_key}
        if (service, key["AccessKeyId"]) not in self.clients:
            c = self.session.client(
                service, region_name=self.serve.region, endpoint_url=self.serve.endpoint,
                aws_access_key_id=key["AccessKeyId"],
                aws_secret_access_key=key["SecretAccessKey"],
                config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}))
            c.meta.events.register("before-parse", self._check)
            self.clients[(service, key["AccessKeyId"])] = c
        return self.clients[(service, key["AccessKeyId"])]

    def _check(self, operation_model, response_dict, **kwargs):
        body = response_dict["body"]
        if not isinstance(body, (bytes, bytearray)):
            body = b""  # a streamed payload (GetObject's Body): the bytes themselves, no shape
        service = operation_model.service_model.endpoint_prefix
        name = f"{service}:{operation_model.name}"
        problems = shape_check.check_answer(operation_model, response_dict["status_code"],
                                            response_dict["headers"], body)
        self.answered.add(name)
        if problems:
            self.problems += [f"{name} ({response_dict['status_code']}): {p}" for p in problems]
        else:
            self.validated.add(name)

    def call(self, service, operation, as_key=None, **params):
        """The parsed result of a call that must succeed (signed as `as_key` when given)."""
        client = self.client(service, as_key)
        snake = {v: k for k, v in client.meta.method_to_api_mapping.items()}[operation]
        return getattr(client, snake)(**params)

    def fails(self, service, operation, code, as_key=None, **params):
        """Makes a call that must fail with `code` (its envelope is checked like any answer)."""
        try:
            self.call(service, operation, as_key, **params)
        except ClientError as e:
            got = e.response["Error"]["Code"]
            if got != code:
                self.problems.append(f"{service}:{operation}: error {got}, expected {code}")
            return
        self.problems.append(f"{service}:{operation}: succeeded, expected {code}")


def drive_iam_and_sts(d, account):
    u, g, r, p = "model-user", "model-group", "model-role", "model-profile"
    policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "opsworks:DescribeStacks", "Resource": "*"}]})
    trust = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
         "Action": "sts:AssumeRole"}]})
    d.call("sts", "GetCallerIdentity")
    d.call("iam", "CreateUser", UserName="model-assumer")
    may_assume = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]})
    d.call("iam", "PutUserPolicy", UserName="model-assumer", PolicyName="assume",
           PolicyDocument=may_assume)
    assumer = d.call("iam", "CreateAccessKey", UserName="model-assumer")["AccessKey"]
    d.call("iam", "CreateUser", UserName=u, Path="/model/")
    d.call("iam", "GetUser", UserName=u)
    d.call("iam", "ListUsers", PathPrefix="/model/")
    key = d.call("iam", "CreateAccessKey", UserName=u)["AccessKey"]["AccessKeyId"]
    d.call("iam", "ListAccessKeys", UserName=u)
    d.call("iam", "GetAccessKeyLastUsed", AccessKeyId=key)
    d.call("iam", "UpdateAccessKey", UserName=u, AccessKeyId=key, Status="Inactive")
    d.call("iam", "CreateGroup", GroupName=g)
    d.call("iam", "AddUserToGroup", GroupName=g, UserName=u)
    d.call("iam", "GetGroup", GroupName=g)
    d.call("iam", "ListGroups")
    d.call("iam", "ListGroupsForUser", UserName=u)
    d.call("iam", "PutUserPolicy", UserName=u, PolicyName="inline", PolicyDocument=policy)
    d.call("iam", "GetUserPolicy", UserName=u, PolicyName="inline")
    d.call("iam", "ListUserPolicies", UserName=u)
    d.call("iam", "AttachUserPolicy", UserName=u, PolicyArn=REGISTRATION_POLICY)
    d.call("iam", "ListAttachedUserPolicies", UserName=u)
    d.call("iam", "DetachUserPolicy", UserName=u, PolicyArn=REGISTRATION_POLICY)
    d.call("iam", "DeleteUserPolicy", UserName=u, PolicyName="inline")
    d.call("iam", "RemoveUserFromGroup", GroupName=g, UserName=u)
    d.call("iam", "DeleteGroup", GroupName=g)
    d.call("iam", "DeleteAccessKey", UserName=u, AccessKeyId=key)
    d.call("iam", "DeleteUser", UserName=u)
    d.fails("iam", "GetUser", "NoSuchEntity", UserName=u)

    arn = d.call("iam", "CreateRole", RoleName=r, AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    d.call("iam", "GetRole", RoleName=r)
    d.call("iam", "ListRoles")
    d.call("iam", "PutRolePolicy", RoleName=r, PolicyName="inline", PolicyDocument=policy)
    d.call("iam", "GetRolePolicy", RoleName=r, PolicyName="inline")
    d.call("iam", "ListRolePolicies", RoleName=r)
    d.call("iam", "AttachRolePolicy", RoleName=r, PolicyArn=REGISTRATION_POLICY)
    d.call("iam", "ListAttachedRolePolicies", RoleName=r)
    d.call("sts", "AssumeRole", assumer, RoleArn=arn, RoleSessionName="model-session")
    d.fails("sts", "AssumeRole", "AccessDenied", RoleArn=arn, RoleSessionName="as-root")
    d.call("iam", "CreateInstanceProfile", InstanceProfileName=p)
    d.call("iam", "AddRoleToInstanceProfile", InstanceProfileName=p, RoleName=r)
    d.call("iam", "GetInstanceProfile", InstanceProfileName=p)
    d.call("iam", "ListInstanceProfiles")
    d.call("iam", "ListInstanceProfilesForRole", RoleName=r)
    d.call("iam", "RemoveRoleFromInstanceProfile", InstanceProfileName=p, RoleName=r)
    d.call("iam", "DeleteInstanceProfile", InstanceProfileName=p)
    d.call("iam", "DetachRolePolicy", RoleName=r, PolicyArn=REGISTRATION_POLICY)
    d.call("iam", "DeleteRolePolicy", RoleName=r, PolicyName="inline")
    d.call("iam", "DeleteRole", RoleName=r)
    d.fails("sts", "AssumeRole", "AccessDenied", assumer, RoleArn=arn, RoleSessionName="gone")


def drive_s3(d):
    b = "model-bucket"
    d.call("s3", "CreateBucket", Bucket=b)
    d.call("s3", "ListBuckets")
    d.call("s3", "HeadBucket", Bucket=b)
    d.call("s3", "GetBucketLocation", Bucket=b)
    d.call("s3", "PutObject", Bucket=b, Key="a/one.txt", Body=b"one")
    d.call("s3", "HeadObject", Bucket=b, Key="a/one.txt")
    d.call("s3", "GetObject", Bucket=b, Key="a/one.txt")["Body"].read()
    d.call("s3", "CopyObject", Bucket=b, Key="a/two.txt", CopySource=f"{b}/a/one.txt")
    d.call("s3", "ListObjects", Bucket=b, Prefix="a/")
    d.call("s3", "ListObjectsV2", Bucket=b, Prefix="a/")
    d.call("s3", "DeleteObject", Bucket=b, Key="a/two.txt")
    upload = d.call("s3", "CreateMultipartUpload", Bucket=b, Key="big")["UploadId"]
    etag = d.call("s3", "UploadPart", Bucket=b, Key="big", UploadId=upload, PartNumber=1,
                  Body=b"x" * 1024)["ETag"]
    d.call("s3", "CompleteMultipartUpload", Bucket=b, Key="big", UploadId=upload,
           MultipartUpload={"Parts": [{"ETag": etag, "PartNumber": 1}]})
    upload = d.call("s3", "CreateMultipartUpload", Bucket=b, Key="dropped")["UploadId"]
    d.call("s3", "AbortMultipartUpload", Bucket=b, Key="dropped", UploadId=upload)
    d.call("s3", "DeleteObjects", Bucket=b,
           Delete={"Objects": [{"Key": "a/one.txt"}, {"Key": "big"}]})
    d.fails("s3", "GetObject", "NoSuchKey", Bucket=b, Key="a/one.txt")
    d.fails("s3", "HeadObject", "404", Bucket=b, Key="a/one.txt")
    d.call("s3", "DeleteBucket", Bucket=b)
    d.fails("s3", "ListObjectsV2", "NoSuchBucket", Bucket=b)


def drive_ec2(d, instance_id):
    d.call("ec2", "DescribeInstances")
    d.call("ec2", "DescribeInstances", InstanceIds=[instance_id])
    d.call("ec2", "DescribeVolumes")
    d.call("ec2", "DescribeAddresses")
    d.fails("ec2", "DescribeInstances", "InvalidInstanceID.Malformed", InstanceIds=["i-nothex"])


def drive_opsworks(d, stack_id, host, identity):
    ow = "opsworks"
    d.call(ow, "DescribeStacks")
    d.call(ow, "DescribeStackProvisioningParameters", StackId=stack_id)
    made = d.call(ow, "CreateStack", Name="model-stack", Region=d.serve.region,
                  ServiceRoleArn=f"arn:aws:iam::{d.serve.info['account_id']}:role/service",
                  DefaultInstanceProfileArn=f"arn:aws:iam::{d.serve.info['account_id']}"
                                            ":instance-profile/opsworks-instance-role")["StackId"]
    layer = d.call(ow, "CreateLayer", StackId=made, Type="custom", Name="model-layer",
                   Shortname="model")["LayerId"]
    d.call(ow, "DescribeLayers", StackId=made)
    instance = d.call(ow, "RegisterInstance", StackId=made, Hostname=host["name"],
                      PrivateIp=host["address"], RsaPublicKey=PUBLIC_KEY,
                      RsaPublicKeyFingerprint="aa:bb", InstanceIdentity=identity)["InstanceId"]
    volume = d.call(ow, "RegisterVolume", StackId=made,
                    Ec2VolumeId=host["volume_id"])["VolumeId"]
    d.call(ow, "UpdateVolume", VolumeId=volume, Name="model-volume")
    d.call(ow, "DescribeVolumes", StackId=made)
    d.call(ow, "DeregisterVolume", VolumeId=volume)
    d.call(ow, "RegisterElasticIp", StackId=made, ElasticIp=host["elastic_ip"])
    d.call(ow, "DescribeElasticIps", StackId=made)
    d.call(ow, "DeregisterElasticIp", ElasticIp=host["elastic_ip"])
    d.call(ow, "AgentInitialSetup", InstanceId=instance,
           Mounts=[{"Device": "/dev/xvdf", "MountPoint": "/var/www"}])
    d.call(ow, "AgentContact", InstanceId=instance)
    d.call(ow, "DescribeInstances", StackId=made)
    d.call(ow, "AssignInstance", InstanceId=instance, LayerIds=[layer])
    d.call(ow, "DescribeCommands", InstanceId=instance)
    d.call(ow, "DescribeServiceErrors", StackId=made)
    d.call(ow, "UnassignInstance", InstanceId=instance)
    d.call(ow, "DeregisterInstance", InstanceId=instance)
    d.call(ow, "DeleteLayer", LayerId=layer)
    d.call(ow, "DeleteStack", StackId=made)
    d.fails(ow, "DescribeStacks", "ResourceNotFoundException", StackIds=[made])
    d.fails(ow, "AgentContact", "ResourceNotFoundException", InstanceId=instance)


def imds_get(url, path, token, method="GET", headers=None):
    req = urllib.request.Request(url + path, method=method, headers=headers or
                                 {"X-aws-ec2-metadata-token": token})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def crawl_imds(url):
    """(paths answered, paths answered as documented, problems): every path IMDS's listings
    announce, from /latest down, and the token it hands out first."""
    answered, validated, problems = set(), set(), []
    status, token = imds_get(url, "/latest/api/token", None, "PUT",
                             {"X-aws-ec2-metadata-token-ttl-seconds": "60"})
    answered.add("imds:PUT /latest/api/token")
    if status != 200 or not token:
        return answered, validated, [f"imds:PUT /latest/api/token: {status}"]
    validated.add("imds:PUT /latest/api/token")
    pending = ["/latest"]
    while pending:
        path = pending.pop()
        status, body = imds_get(url, path, token)
        name = f"imds:GET {path}"
        answered.add(name)
        found = imds_model.check(path, body) if status == 200 else [
            f"{path}: {status} for a path a listing announces"]
        problems += [f"imds:{p}" for p in found]
        if not found:
            validated.add(name)
        if status == 200 and imds_model.kind(path) == "listing":
            pending += [f"{path}/{e.rstrip('/')}" for e in body.split("\n")]
    return answered, validated, problems


def ec2_host(serve):
    """The default world's EC2 host with a volume and an Elastic IP, and its metadata URL."""
    world = json.loads((ROOT / "fixtures" / "worlds" / "default.json").read_text())
    for h in serve.info["hosts"]:
        if not h.get("metadata_url"):
            continue
        facts = [w for w in world["hosts"] if w["name"] == h["name"]][0].get("ec2", {})
        if facts.get("volumes") and facts.get("elastic_ips"):
            return dict(h, volume_id=facts["volumes"][0]["volume_id"],
                        elastic_ip=facts["elastic_ips"][0]["public_ip"])
    raise AssertionError("the default world has no EC2 host with a volume and an Elastic IP")


class EveryOperationAgainstItsModel(unittest.TestCase):
    def test_every_implemented_operation_answers_as_its_model_says(self):
        with Serve() as serve, tempfile.TemporaryDirectory() as data:
            d = Driver(serve, models_with_the_agent(data))
            implemented = {f"{s}:{op}" for s, ops in serve.admin("GET", "operations")
                           ["operations"].items() for op in ops}
            host = ec2_host(serve)
            status, token = imds_get(host["metadata_url"], "/latest/api/token", None, "PUT",
                                     {"X-aws-ec2-metadata-token-ttl-seconds": "60"})
            identity = {p: imds_get(host["metadata_url"],
                                    f"/latest/dynamic/instance-identity/{p.lower()}", token)[1]
                        for p in ("Document", "Signature")}

            drive_iam_and_sts(d, serve.info["account_id"])
            drive_s3(d)
            drive_ec2(d, host["ec2_instance_id"])
            drive_opsworks(d, serve.info["stacks"][0]["stack_id"], host, identity)
            imds_answered, imds_validated, imds_problems = crawl_imds(host["metadata_url"])

        implemented |= imds_answered
        spoiled = {n for n in d.answered if any(q.startswith(n + " ") for q in d.problems)}
        validated = (d.validated - spoiled) | imds_validated
        problems = d.problems + imds_problems
        print(f"{len(implemented)} implemented, {len(implemented & validated)} validated")
        self.assertEqual(problems, [])
        self.assertEqual(sorted(implemented - validated), [], "implemented but never validated")
        self.assertEqual(sorted(d.answered - implemented), [], "answered but not listed")


class ShapeCheckCatchesBrokenAnswers(unittest.TestCase):
    """The checker itself: answers broken in each way it looks for are refused."""

    @classmethod
    def setUpClass(cls):
        session = botocore.session.get_session()
        cls.iam = session.get_service_model("iam")
        cls.ec2 = session.get_service_model("ec2")

    def iam_get_user(self, user_xml, root="GetUserResponse"):
        body = (f'<{root} xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetUserResult>'
                f"<User>{user_xml}</User></GetUserResult><ResponseMetadata><RequestId>r"
                f"</RequestId></ResponseMetadata></{root}>").encode()
        return shape_check.check_answer(self.iam.operation_model("GetUser"), 200, {}, body)

    GOOD_USER = ("<Path>/</Path><UserName>alice</UserName><UserId>AIDAABCDEFGHIJKLMNOP</UserId>"
                 "<Arn>arn:aws:iam::123456789012:user/alice</Arn>"
                 "<CreateDate>2026-01-01T00:00:00Z</CreateDate>")

    def test_a_good_answer_has_no_problem(self):
        self.assertEqual(self.iam_get_user(self.GOOD_USER), [])

    def test_each_kind_of_breakage_is_named(self):
        cases = {
            "is not a member": self.GOOD_USER + "<Colour>red</Colour>",
            "required": self.GOOD_USER.replace("<UserId>AIDAABCDEFGHIJKLMNOP</UserId>", ""),
            "ISO 8601": self.GOOD_USER.replace("2026-01-01T00:00:00Z", "1767225600"),
            "pattern": self.GOOD_USER.replace("<UserName>alice", "<UserName>al ice"),
            "shorter": self.GOOD_USER.replace("AIDAABCDEFGHIJKLMNOP", "AIDA"),
            "appears 2 times": self.GOOD_USER + "<Path>/</Path>",
        }
        for words, xml in cases.items():
            with self.subTest(words):
                self.assertTrue(any(words in p for p in self.iam_get_user(xml)),
                                self.iam_get_user(xml))

    def test_a_wrong_root_and_a_bad_error_envelope_are_named(self):
        self.assertTrue(self.iam_get_user(self.GOOD_USER, root="GetUserReply"))
        op = self.iam.operation_model("GetUser")
        s3_style = b"<Error><Code>NoSuchEntity</Code><Message>m</Message></Error>"
        self.assertTrue(shape_check.check_answer(op, 404, {}, s3_style))
        made_up = (b'<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error>'
                   b"<Type>Sender</Type><Code>NoSuchUser</Code><Message>m</Message></Error>"
                   b"<RequestId>r</RequestId></ErrorResponse>")
        problems = shape_check.check_answer(op, 404, {}, made_up)
        self.assertTrue(any("NoSuchUser" in p for p in problems), problems)
        wrong_status = made_up.replace(b"NoSuchUser", b"NoSuchEntity")
        self.assertEqual(shape_check.check_answer(op, 404, {}, wrong_status), [])
        problems = shape_check.check_answer(op, 400, {}, wrong_status)
        self.assertTrue(any("the model gives NoSuchEntity 404" in p for p in problems), problems)

    def test_ec2_lists_need_their_items(self):
        op = self.ec2.operation_model("DescribeAddresses")
        good = (b'<DescribeAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
                b"<requestId>r</requestId><addressesSet><item><publicIp>1.2.3.4</publicIp>"
                b"<domain>vpc</domain></item></addressesSet></DescribeAddressesResponse>")
        self.assertEqual(shape_check.check_answer(op, 200, {}, good), [])
        bad = good.replace(b"<item>", b"<member>").replace(b"</item>", b"</member>")
        self.assertTrue(shape_check.check_answer(op, 200, {}, bad))
        bad_enum = good.replace(b"<domain>vpc", b"<domain>cloud")
        self.assertTrue(any("enum" in p for p in shape_check.check_answer(op, 200, {}, bad_enum)))


if __name__ == "__main__":
    main()
