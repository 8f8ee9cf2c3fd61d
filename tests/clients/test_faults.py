"""Fault injection seen by real clients: `opsreg serve`'s admin API adds rules, then the AWS CLI,
boto3/botocore and `opsreg register` meet throttling, 5xx errors, dropped connections and SSH
refusals, retry as they do against AWS, and GET /_opsreg/faults counts the hits."""

import json
import subprocess
import unittest

import botocore.exceptions
from botocore.config import Config

from opsreg_serve import main, opsreg_binary, ServeTestCase


class FaultsWithRealClients(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stack_id = cls.serve.info["stacks"][0]["stack_id"]
        cls.hosts = {h["name"]: h for h in cls.serve.info["hosts"]}

    def setUp(self):
        self.serve.admin("DELETE", "faults")

    def add(self, *rules):
        return self.serve.admin("POST", "faults", list(rules))

    def rule(self, index=0):
        return self.serve.admin("GET", "faults")["rules"][index]

    def boto(self, service, mode="standard", attempts=3):
        """A boto3 client in `mode` making at most `attempts` attempts in all."""
        import boto3
        return boto3.session.Session().client(
            service, region_name=self.serve.region, endpoint_url=self.serve.endpoint,
            aws_access_key_id=self.serve.access_key_id,
            aws_secret_access_key=self.serve.secret_access_key,
            config=Config(retries={"mode": mode, "total_max_attempts": attempts},
                          s3={"addressing_style": "path"}))

    def register(self, address, *extra):
        args = [opsreg_binary(), "register", "--ssh-config", self.serve.info["ssh_config"],
                "--stack-id", self.stack_id, "--infrastructure-class", "on-premises",
                "--ssh-username", "ubuntu", *extra, address]
        return subprocess.run(args, env=self.serve.env(), capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)

    def test_cli_retries_throttled_create_user_and_succeeds(self):
        self.add({"service": "iam", "operation": "CreateUser", "error": "Throttling", "count": 2})
        env_mode = dict(self.serve.env(), AWS_RETRY_MODE="standard", AWS_MAX_ATTEMPTS="3")
        proc = subprocess.run(["aws", "--output", "json", "--debug", "iam", "create-user",
                               "--user-name", "throttled-cli"], env=env_mode,
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr[-2000:])
        self.assertEqual(json.loads(proc.stdout)["User"]["UserName"], "throttled-cli")
        self.assertIn("Throttling", proc.stderr)  # the CLI saw the errors it retried
        rule = self.rule()
        self.assertEqual((rule["hits"], rule["remaining"], rule["seen"]), (2, 0, 3))

    def test_boto3_standard_mode_retries_throttled_create_user(self):
        self.add({"service": "iam", "operation": "CreateUser",
                  "error": {"code": "Throttling", "http_status": 400}, "count": 2})
        out = self.boto("iam").create_user(UserName="throttled-boto3")
        self.assertEqual(out["User"]["UserName"], "throttled-boto3")
        self.assertEqual(out["ResponseMetadata"]["RetryAttempts"], 2)
        self.assertEqual(self.rule()["hits"], 2)

    def test_boto3_gives_up_on_internal_failure_after_max_attempts(self):
        self.add({"service": "iam", "operation": "ListUsers", "error": "InternalFailure",
                  "count": 10})
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.boto("iam", attempts=3).list_users()
        err = caught.exception.response
        self.assertEqual(err["Error"]["Code"], "InternalFailure")
        self.assertEqual(err["ResponseMetadata"]["HTTPStatusCode"], 500)
        self.assertEqual(err["ResponseMetadata"]["RetryAttempts"], 2)
        rule = self.rule()
        self.assertEqual((rule["hits"], rule["remaining"]), (3, 7))

    def test_botocore_sees_a_dropped_connection_as_a_connection_error(self):
        self.add({"service": "sts", "drop_connection": True, "count": 1})
        with self.assertRaises(botocore.exceptions.ConnectionClosedError):
            self.boto("sts", mode="standard", attempts=1).get_caller_identity()
        self.assertEqual(self.rule()["hits"], 1)

    def test_botocore_retries_a_dropped_connection(self):
        self.add({"service": "opsworks", "operation": "DescribeStacks", "drop_connection": True,
                  "count": 1})
        out = self.boto("opsworks").describe_stacks()
        self.assertEqual(out["ResponseMetadata"]["RetryAttempts"], 1)
        self.assertEqual(self.rule()["hits"], 1)

    def test_register_recovers_from_a_throttled_create_user(self):
        self.add({"service": "iam", "operation": "CreateUser", "error": "Throttling", "count": 1})
        r = self.register(self.hosts["onprem-web-1"]["address"], "--output", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(json.loads(r.stdout)["InstanceId"])
        self.assertEqual(self.rule()["hits"], 1)
        self.serve.aws("opsworks", "deregister-instance", "--instance-id",
                       json.loads(r.stdout)["InstanceId"])

    def test_register_fails_clearly_when_the_host_refuses_ssh(self):
        host = self.hosts["onprem-web-1"]
        self.add({"host": "onprem-web-1", "refuse": "connection"})
        r = self.register(host["address"])
        self.assertEqual(r.returncode, 1, r.stderr)
        # Named as OpenSSH names it: the ssh_config HostName and Port the address leads to.
        # The same code and words whether the reset reaches the TCP connect or libssh's banner
        # exchange first.
        self.assertIn("step setup-target failed: ConnectionFailed: ssh: connect to host "
                      f"127.0.0.1 port {host['ssh_port']}: Connection reset by peer\n", r.stderr)
        self.assertEqual(self.serve.admin("GET", "faults")["ssh"]["onprem-web-1"]["refuse"],
                         "connection")

    def test_register_fails_with_permission_denied_when_the_host_refuses_auth(self):
        host = self.hosts["onprem-web-1"]
        self.add({"host": "onprem-web-1", "refuse": "auth"})
        r = self.register(host["address"])
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("step setup-target failed: PermissionDenied: ubuntu@127.0.0.1: "
                      "Permission denied (publickey,password).", r.stderr)

if __name__ == "__main__":
    main()
