"""The agents' life after registration against `opsreg serve` (docs/register.md §4): an agent
whose IAM user is deleted (the proper teardown the AWS CLI allows, after DeleteConflict) goes
connection_lost once the clock passes threshold x interval, while an agent on the instance
profile stays registered across role-credential rotations. The clock moves through the admin
API (no sleeping); statuses are read from the admin snapshot afterwards, because the AWS CLI
signs with the machine's time and the edge refuses signatures 15 minutes off its clock."""

import json
import subprocess
import unittest

from opsreg_serve import Serve, main, opsreg_binary
from test_ec2_against_serve import VPC_STACK, MY_STACK, metadata_fetchers


class AgentLifeAgainstServe(unittest.TestCase):
    def register(self, serve, stack, infra, target, *extra):
        r = subprocess.run(
            [opsreg_binary(), "register", "--ssh-config", serve.info["ssh_config"],
             "--stack-id", stack, "--infrastructure-class", infra, "--output", "json",
             *extra, target],
            env=serve.env(), capture_output=True, text=True, timeout=120,
            stdin=subprocess.DEVNULL)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def status(self, serve, instance_id):
        for stack in serve.admin("GET", "world")["opsworks"]["stacks"]:
            for inst in stack["Instances"]:
                if inst["InstanceId"] == instance_id:
                    return inst["Status"]
        raise AssertionError(f"instance {instance_id} is not in the world")

    def delete_user_properly(self, serve, user):
        """What IAM demands before DeleteUser, after first showing that it demands it."""
        code, _, err = serve.aws("iam", "delete-user", "--user-name", user, check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("DeleteConflict", err)
        _, keys, _ = serve.aws("iam", "list-access-keys", "--user-name", user)
        for k in keys["AccessKeyMetadata"]:
            serve.aws("iam", "delete-access-key", "--user-name", user, "--access-key-id",
                      k["AccessKeyId"])
        _, pols, _ = serve.aws("iam", "list-attached-user-policies", "--user-name", user)
        for p in pols["AttachedPolicies"]:
            serve.aws("iam", "detach-user-policy", "--user-name", user, "--policy-arn",
                      p["PolicyArn"])
        _, inline, _ = serve.aws("iam", "list-user-policies", "--user-name", user)
        for name in inline["PolicyNames"]:
            serve.aws("iam", "delete-user-policy", "--user-name", user, "--policy-name", name)
        _, groups, _ = serve.aws("iam", "list-groups-for-user", "--user-name", user)
        for g in groups["Groups"]:
            serve.aws("iam", "remove-user-from-group", "--user-name", user, "--group-name",
                      g["GroupName"])
        serve.aws("iam", "delete-user", "--user-name", user)

    def test_deleted_user_loses_contact_and_the_instance_profile_survives_rotations(self):
        with Serve() as serve:
            hosts = {h["name"]: h for h in serve.info["hosts"]}
            onprem = self.register(serve, MY_STACK, "on-premises", "onprem-web-1",
                                   "--ssh-username", "ubuntu")
            profiled = self.register(serve, VPC_STACK, "ec2", "app", "--use-instance-profile")
            self.delete_user_properly(serve, onprem["IamUserName"])

            fetcher, _ = metadata_fetchers(hosts["ec2-vpc-1"]["metadata_url"])
            first_key = fetcher.retrieve_iam_role_credentials()["access_key"]

            # Default rule: a contact a minute, connection_lost after 3 missed (3 minutes).
            serve.admin("POST", "clock/advance", {"by": "2m"})
            self.assertEqual(self.status(serve, onprem["InstanceId"]), "registered")
            serve.admin("POST", "clock/advance", {"by": "2m"})
            self.assertEqual(self.status(serve, onprem["InstanceId"]), "connection_lost")
            self.assertEqual(self.status(serve, profiled["InstanceId"]), "registered")

            # Role credentials are issued for 6 hours and replaced 15 minutes before they end.
            serve.admin("POST", "clock/advance", {"by": "7h"})
            self.assertEqual(self.status(serve, profiled["InstanceId"]), "registered")
            self.assertEqual(self.status(serve, onprem["InstanceId"]), "connection_lost")
            rotated = fetcher.retrieve_iam_role_credentials()["access_key"]
            self.assertNotEqual(rotated, first_key, "the role's credentials rotated")

            serve.admin("POST", "clock/advance", {"by": "90d"})
            self.assertEqual(self.status(serve, profiled["InstanceId"]), "registered")


if __name__ == "__main__":
    main()
