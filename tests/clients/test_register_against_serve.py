"""`opsreg register` on its real-AWS code path, pointed at `opsreg serve` with AWS_ENDPOINT_URL
and the operator's keys, reaching the served hosts through serve's ssh_config; the installed AWS
CLI then sees the registered instance and the IAM user under /AWS/OpsWorks/."""

import json
import os
import re
import subprocess
import unittest

from opsreg_serve import Serve, main, opsreg_binary, ServeTestCase

DEFAULT_WORLD = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "worlds",
                             "default.json")


class RegisterAgainstServe(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stack_id = cls.serve.info["stacks"][0]["stack_id"]
        cls.hosts = {h["name"]: h for h in cls.serve.info["hosts"]}
        cls.first = cls.register(cls.hosts["onprem-web-1"]["address"], "--output", "json")

    @classmethod
    def register(cls, address, *extra, env=None):
        args = [opsreg_binary(), "register", "--ssh-config", cls.serve.info["ssh_config"],
                "--stack-id", cls.stack_id, "--infrastructure-class", "on-premises",
                "--ssh-username", "ubuntu", *extra, address]
        return subprocess.run(args, env={**cls.serve.env(), **(env or {})}, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)

    def iam_users(self):
        _, out, _ = self.serve.aws("iam", "list-users", "--path-prefix", "/AWS/OpsWorks/")
        return {u["UserName"]: u for u in out["Users"]}

    def test_register_exits_0_and_prints_the_result_as_json(self):
        self.assertEqual(self.first.returncode, 0, self.first.stderr)
        result = json.loads(self.first.stdout)
        self.assertTrue(result["InstanceId"])
        self.assertEqual(result["Hostname"], "onprem-web-1")
        self.assertEqual(result["StackId"], self.stack_id)
        self.assertTrue(result["IamUserName"].startswith("OpsWorks-MyStack-"))

    def test_cli_waiter_and_describe_instances_see_it_registered(self):
        instance_id = json.loads(self.first.stdout)["InstanceId"]
        self.serve.aws("opsworks", "wait", "instance-registered", "--instance-ids", instance_id)
        _, out, _ = self.serve.aws("opsworks", "describe-instances", "--stack-id", self.stack_id)
        inst = [i for i in out["Instances"] if i["InstanceId"] == instance_id][0]
        self.assertEqual(inst["Status"], "registered")
        self.assertEqual(inst["Hostname"], "onprem-web-1")
        self.assertEqual(inst["PrivateIp"], "10.0.0.11")
        self.assertEqual(inst["InfrastructureClass"], "on-premises")

    def test_cli_lists_the_iam_user_under_the_opsworks_path(self):
        result = json.loads(self.first.stdout)
        user = self.iam_users()[result["IamUserName"]]
        self.assertEqual(user["Path"], "/AWS/OpsWorks/")
        self.assertEqual(user["Arn"], result["IamUserArn"])

    def test_taken_override_hostname_fails_and_leaves_no_iam_user(self):
        before = set(self.iam_users())
        r = self.register(self.hosts["onprem-web-1"]["address"], "--override-hostname",
                          "onprem-web-1")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("Hostnames must be unique within a stack", r.stderr)
        self.assertEqual(set(self.iam_users()), before)

    def test_password_host_registers_with_OPSREG_SSH_PASSWORD(self):
        with open(DEFAULT_WORLD) as f:
            db = [h for h in json.load(f)["hosts"] if h["name"] == "onprem-db-1"][0]
        r = self.register(self.hosts["onprem-db-1"]["address"], "--output", "json",
                          env={"OPSREG_SSH_PASSWORD": db["users"][0]["password"]})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["Hostname"], "onprem-db-1")

    def test_debug_shows_requests_but_no_secret(self):
        r = self.register(self.hosts["onprem-web-1"]["address"], "--debug",
                          "--override-hostname", "web-debug")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout + r.stderr
        self.assertIn("CreateAccessKey", out)  # the requests are shown...
        self.assertNotIn(self.serve.secret_access_key, out)  # ...the operator's secret is not,
        new_user_secrets = re.findall(r"<SecretAccessKey>([^<]*)</SecretAccessKey>", out)
        self.assertTrue(new_user_secrets)  # the CreateAccessKey response is shown...
        self.assertEqual(set(new_user_secrets), {"REDACTED"})  # ...without the new secret,
        preconfig_secrets = re.findall(r":secret_access_key: (.*)", out)
        self.assertTrue(preconfig_secrets)
        self.assertEqual({v.strip() for v in preconfig_secrets}, {'"REDACTED"'})  # nor preconfig's,
        self.assertNotRegex(out, r"Signature=[0-9a-f]{64}")  # nor a request signature.

    def test_override_ssh_runs_the_script_through_openssh(self):
        # --override-ssh replaces `ssh` (docs/register.md §1): here the stock OpenSSH client,
        # reaching the host through serve's config.
        ssh = f"ssh -F {self.serve.info['ssh_config']} -o BatchMode=yes onprem-web-1"
        args = [opsreg_binary(), "register", "--override-ssh", ssh, "--stack-id", self.stack_id,
                "--infrastructure-class", "on-premises", "--override-hostname", "web-via-ssh",
                "--output", "json", "onprem-web-1"]
        r = subprocess.run(args, env=self.serve.env(), capture_output=True, text=True,
                           timeout=120, stdin=subprocess.DEVNULL)
        self.assertEqual(r.returncode, 0, r.stderr)
        instance_id = json.loads(r.stdout)["InstanceId"]
        _, out, _ = self.serve.aws("opsworks", "describe-instances", "--instance-ids", instance_id)
        self.assertEqual(out["Instances"][0]["Hostname"], "web-via-ssh")
        self.assertEqual(out["Instances"][0]["Status"], "registered")


if __name__ == "__main__":
    main()
