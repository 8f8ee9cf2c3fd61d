"""EC2 against `opsreg serve` with clients no one here wrote: the AWS CLI's `ec2 describe-*`
reads the default world's instances, volumes and addresses; botocore's own instance-metadata
fetchers read an EC2 host's metadata service and its role credentials work on the edge; and
`opsreg register --infrastructure-class ec2` finds instances by id, IP and Name tag as the AWS
CLI's `opsworks register` did (docs/register.md, step 3), with the reference's messages."""

import json
import os
import subprocess
import unittest

import boto3
import botocore.session
from botocore.utils import InstanceMetadataFetcher, InstanceMetadataRegionFetcher

from opsreg_serve import Serve, main, opsreg_binary, ServeTestCase

MY_STACK = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"   # no VPC
VPC_STACK = "7b2e4c19-3f5a-4e8d-9c1b-2a6f8e0d4b37"  # vpc-0a1b2c3d


def metadata_fetchers(url):
    """botocore's fetchers configured as a botocore session configures them from
    AWS_EC2_METADATA_SERVICE_ENDPOINT (the fetchers do not read the variable themselves)."""
    os.environ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = url
    try:
        s = botocore.session.get_session()
        config = {"ec2_metadata_service_endpoint": s.get_config_variable(
            "ec2_metadata_service_endpoint")}
    finally:
        del os.environ["AWS_EC2_METADATA_SERVICE_ENDPOINT"]
    return (InstanceMetadataFetcher(timeout=2, num_attempts=1, config=config),
            InstanceMetadataRegionFetcher(timeout=2, num_attempts=1, config=config))


class Ec2AgainstServe(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hosts = {h["name"]: h for h in cls.serve.info["hosts"]}

    def register(self, stack, target, *extra, env=None):
        args = [opsreg_binary(), "register", "--ssh-config", self.serve.info["ssh_config"],
                "--stack-id", stack, "--infrastructure-class", "ec2", *extra]
        if target:
            args.append(target)
        return subprocess.run(args, env={**self.serve.env(), **(env or {})},
                              capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)

    def iam_users(self):
        _, out, _ = self.serve.aws("iam", "list-users", "--path-prefix", "/AWS/OpsWorks/")
        return {u["UserName"] for u in out["Users"]}

    def instance(self, stack, instance_id):
        _, out, _ = self.serve.aws("opsworks", "describe-instances", "--stack-id", stack)
        return [i for i in out["Instances"] if i["InstanceId"] == instance_id][0]

    # --- the AWS CLI's ec2 commands read the world ---

    def test_cli_describe_instances_by_name_tag_finds_both_twins(self):
        _, out, _ = self.serve.aws("ec2", "describe-instances", "--filters",
                                   "Name=tag:Name,Values=twin")
        ids = sorted(i["InstanceId"] for r in out["Reservations"] for i in r["Instances"])
        self.assertEqual(ids, ["i-0a1b2c3d4e5f60024", "i-0a1b2c3d4e5f60025"])

    def test_cli_describe_instances_by_vpc_and_state(self):
        _, out, _ = self.serve.aws("ec2", "describe-instances", "--filters",
                                   "Name=vpc-id,Values=vpc-0a1b2c3d",
                                   "Name=instance-state-name,Values=running")
        insts = [i for r in out["Reservations"] for i in r["Instances"]]
        self.assertEqual([i["InstanceId"] for i in insts], ["i-0a1b2c3d4e5f60022"])
        self.assertEqual(insts[0]["PrivateIpAddress"], "10.0.2.22")
        self.assertNotIn("PublicIpAddress", insts[0])
        self.assertTrue(insts[0]["IamInstanceProfile"]["Arn"].endswith(
            "instance-profile/opsworks-instance-role"))

    def test_cli_describe_instances_by_public_ip_and_by_id(self):
        _, out, _ = self.serve.aws("ec2", "describe-instances", "--filters",
                                   "Name=ip-address,Values=54.210.0.21")
        self.assertEqual([i["InstanceId"] for r in out["Reservations"] for i in r["Instances"]],
                         ["i-0a1b2c3d4e5f60021"])
        code, _, err = self.serve.aws("ec2", "describe-instances", "--instance-ids",
                                      "i-0000000000000dead", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("InvalidInstanceID.NotFound", err)

    def test_cli_paginates_describe_instances(self):
        _, out, _ = self.serve.aws("ec2", "describe-instances", "--page-size", "5",
                                   "--query", "Reservations[].Instances[].InstanceId")
        # The CLI follows NextToken across pages of 5 and gets every EC2 host of the world.
        self.assertEqual(sorted(out), sorted(h["ec2_instance_id"] for h in self.hosts.values()
                                             if h["ec2_instance_id"]))

    def test_cli_describe_volumes_and_addresses(self):
        _, out, _ = self.serve.aws("ec2", "describe-volumes", "--filters",
                                   "Name=attachment.instance-id,Values=i-0a1b2c3d4e5f60023")
        devices = sorted(a["Device"] for v in out["Volumes"] for a in v["Attachments"])
        self.assertEqual(devices, ["/dev/xvdg", "/dev/xvdh"])
        _, out, _ = self.serve.aws("ec2", "describe-addresses")
        self.assertIn("54.210.0.121", [a["PublicIp"] for a in out["Addresses"]])

    # --- botocore's instance-metadata fetchers read a host's metadata service ---

    def test_botocore_fetchers_read_region_and_role_credentials_that_work_on_the_edge(self):
        fetcher, region = metadata_fetchers(self.hosts["ec2-vpc-1"]["metadata_url"])
        self.assertEqual(region.retrieve_region(), "us-east-1")
        creds = fetcher.retrieve_iam_role_credentials()
        self.assertEqual(creds["role_name"], "opsworks-instance-role")
        self.assertTrue(creds["access_key"].startswith("ASIA"))
        sts = boto3.session.Session().client(
            "sts", region_name="us-east-1", endpoint_url=self.serve.endpoint,
            aws_access_key_id=creds["access_key"], aws_secret_access_key=creds["secret_key"],
            aws_session_token=creds["token"])
        self.assertEqual(sts.get_caller_identity()["Arn"],
                         "arn:aws:sts::123456789012:assumed-role/opsworks-instance-role/"
                         "i-0a1b2c3d4e5f60022")

    def test_botocore_fetcher_without_a_role_returns_no_credentials(self):
        fetcher, _ = metadata_fetchers(self.hosts["ec2-web-1"]["metadata_url"])
        self.assertEqual(fetcher.retrieve_iam_role_credentials(), {})

    # --- opsreg register --infrastructure-class ec2 ---

    def test_register_by_instance_id(self):
        r = self.register(MY_STACK, "i-0a1b2c3d4e5f60021", "--output", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        result = json.loads(r.stdout)
        self.assertEqual(result["Ec2InstanceId"], "i-0a1b2c3d4e5f60021")
        inst = self.instance(MY_STACK, result["InstanceId"])
        self.assertEqual(inst["InfrastructureClass"], "ec2")
        self.assertEqual(inst["Ec2InstanceId"], "i-0a1b2c3d4e5f60021")
        self.assertEqual(inst["PublicIp"], "54.210.0.21")
        # Initial setup registered its mounted volume and its Elastic IP with the stack.
        _, vols, _ = self.serve.aws("opsworks", "describe-volumes", "--instance-id",
                                    result["InstanceId"])
        self.assertEqual([(v["Ec2VolumeId"], v["MountPoint"]) for v in vols["Volumes"]],
                         [("vol-0a1b2c3d4e5f60021", "/srv/data")])
        _, eips, _ = self.serve.aws("opsworks", "describe-elastic-ips", "--instance-id",
                                    result["InstanceId"])
        self.assertEqual([e["Ip"] for e in eips["ElasticIps"]], ["54.210.0.121"])

    def test_register_by_private_ip(self):
        r = self.register(MY_STACK, "10.0.1.24", "--output", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["Ec2InstanceId"], "i-0a1b2c3d4e5f60024")

    def test_register_by_name_tag_with_a_volume_on_var_www_fails_setup_naming_it(self):
        r = self.register(MY_STACK, "www", "--output", "json")
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("vol-0a1b2c3d4e5f60023 (device /dev/xvdg) is mounted on /var/www",
                      r.stderr)
        _, out, _ = self.serve.aws("opsworks", "describe-instances", "--stack-id", MY_STACK)
        inst = [i for i in out["Instances"] if i.get("Ec2InstanceId") == "i-0a1b2c3d4e5f60023"][0]
        self.assertEqual(inst["Status"], "setup_failed")
        _, errs, _ = self.serve.aws("opsworks", "describe-service-errors", "--instance-id",
                                    inst["InstanceId"])
        self.assertIn("/var/www", errs["ServiceErrors"][0]["Message"])
        _, vols, _ = self.serve.aws("opsworks", "describe-volumes", "--instance-id",
                                    inst["InstanceId"])
        # The volume on /var/www is reported and not registered; the attached, unmounted one is.
        self.assertEqual([v["Ec2VolumeId"] for v in vols["Volumes"]], ["vol-0a1b2c3d4e5f60024"])

    def test_name_matching_two_instances_fails_with_both_ids_and_no_iam_user(self):
        before = self.iam_users()
        r = self.register(MY_STACK, "twin")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("Found multiple instances matching twin: i-0a1b2c3d4e5f60024, "
                      "i-0a1b2c3d4e5f60025.", r.stderr)
        self.assertEqual(self.iam_users(), before)

    def test_unknown_target_and_the_vpc_rule_fail_with_did_not_find(self):
        r = self.register(MY_STACK, "nosuch")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("Did not find any instance matching nosuch.", r.stderr)
        # ec2-vpc-1 is in a VPC: a stack outside any VPC does not see it.
        r = self.register(MY_STACK, "app")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("Did not find any instance matching app.", r.stderr)

    def test_use_instance_profile_creates_no_iam_user_and_the_role_registers(self):
        before = self.iam_users()
        r = self.register(VPC_STACK, "app", "--use-instance-profile", "--output", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Trying to use the private address", r.stderr)
        self.assertEqual(self.iam_users(), before)
        inst = self.instance(VPC_STACK, json.loads(r.stdout)["InstanceId"])
        self.assertEqual(inst["RegisteredBy"], "arn:aws:sts::123456789012:assumed-role/"
                                               "opsworks-instance-role/i-0a1b2c3d4e5f60022")

    def test_local_with_the_stack_in_another_region_is_refused(self):
        opsworks = self.serve.client("opsworks")
        stack = opsworks.create_stack(
            Name="EuStack", Region="eu-west-1",
            ServiceRoleArn="arn:aws:iam::123456789012:role/aws-opsworks-service-role",
            DefaultInstanceProfileArn="arn:aws:iam::123456789012:instance-profile/x")["StackId"]
        r = subprocess.run(
            [opsreg_binary(), "register", "--local", "--stack-id", stack,
             "--infrastructure-class", "ec2", "--override-hostname", "local-ec2"],
            env={**self.serve.env(),
                 "AWS_EC2_METADATA_SERVICE_ENDPOINT": self.hosts["ec2-web-1"]["metadata_url"]},
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("The stack's and the instance's region must match.", r.stderr)


if __name__ == "__main__":
    main()
