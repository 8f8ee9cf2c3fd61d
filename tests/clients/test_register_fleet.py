"""`opsreg register-fleet` against `opsreg serve`, as a serve user runs it: hosts chosen by a
pattern over serve's ssh_config, each registered through its own SSH session, the JSON summary
checked against what OpsWorks and IAM then hold (boto3); usage errors exit 2."""

import json
import subprocess
import unittest

from opsreg_serve import main, opsreg_binary, ServeTestCase

STACK = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"


class RegisterFleetAgainstServe(ServeTestCase):
    def fleet(self, *args, password=None):
        env = self.serve.env()
        if password:
            env["OPSREG_SSH_PASSWORD"] = password
        return subprocess.run(
            [opsreg_binary(), "register-fleet", "--ssh-config", self.serve.info["ssh_config"],
             "--stack-id", STACK, "--infrastructure-class", "on-premises", *args],
            env=env, capture_output=True, text=True, timeout=300)

    def test_a_pattern_registers_every_matching_host(self):
        run = self.fleet("--hosts", "onprem-*", "--concurrency", "2", "--output", "json",
                         password="opsreg-db-1")
        self.assertEqual(run.returncode, 0, run.stderr)
        out = json.loads(run.stdout)
        self.assertEqual((out["targets"], out["registered"], out["failed"]), (2, 2, 0))
        self.assertEqual(sorted(out["instances"]), ["onprem-db-1", "onprem-web-1"])
        described = self.serve.client("opsworks").describe_instances(StackId=STACK)["Instances"]
        ids = {i["Hostname"]: i["InstanceId"] for i in described}
        for host, instance_id in out["instances"].items():
            self.assertEqual(ids.get(host), instance_id)
        users = self.serve.client("iam").list_users(PathPrefix="/AWS/OpsWorks/")["Users"]
        names = [u["UserName"] for u in users]
        for host in out["instances"]:
            self.assertIn(f"OpsWorks-MyStack-{host}", names)
        # Registering them again: each host's agent is registered already and its script
        # fails; every failure is printed with what it left behind, and the exit status is 1.
        again = self.fleet("--hosts", "onprem-web-1,onprem-db-1", password="opsreg-db-1")
        self.assertEqual(again.returncode, 1)
        self.assertIn("Registered 0 of 2 hosts", again.stdout)
        self.assertIn("RemoteScriptFailed × 2", again.stdout)
        for host in ("onprem-web-1", "onprem-db-1"):
            self.assertIn(f"{host}: step setup-target failed", again.stderr)
            self.assertIn(f"IAM user OpsWorks-MyStack-{host}+1", again.stderr)
        self.assertNotIn(self.serve.secret_access_key, again.stderr + again.stdout)

    def test_usage_errors_exit_2_and_say_why(self):
        for args, why in [
            ([], "the following arguments are required: --hosts"),
            (["--hosts", "nomatch-*"], "matches 'nomatch-*'"),
            (["--hosts", "a", "--concurrency", "0"], "--concurrency must be a number"),
            (["--hosts", "a", "onprem-web-1"], "not as TARGET"),
            (["--hosts", "a", "--local"], "--local is not for register-fleet"),
        ]:
            with self.subTest(args=args):
                run = self.fleet(*args)
                self.assertEqual(run.returncode, 2, run.stderr)
                self.assertIn(why, run.stderr)


if __name__ == "__main__":
    main()
