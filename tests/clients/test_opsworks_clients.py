"""The installed AWS CLI (with the OpsWorks model from fixtures/aws-models) and boto3 against
`opsreg serve`'s OpsWorks: the default world's stack, its provisioning parameters, and an
instance registered through the API, waited for with the CLI's own waiter."""

import pathlib
import unittest
import urllib.request

from botocore.exceptions import ClientError

from opsreg_serve import main, ServeTestCase


# A real RSA public key in PEM: RegisterInstance refuses any other RsaPublicKey.
PUBLIC_KEY = (pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "ec2" /
              "identity-signing.pub.pem").read_text()


class OpsWorksWithRealClients(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stack = cls.serve.info["stacks"][0]

    def test_cli_describe_stacks_lists_the_default_stack(self):
        _, out, _ = self.serve.aws("opsworks", "describe-stacks")
        self.assertIn(self.stack["stack_id"], [s["StackId"] for s in out["Stacks"]])
        self.assertEqual(out["Stacks"][0]["Region"], "us-east-1")

    def test_cli_provisioning_parameters_point_at_a_downloadable_installer(self):
        _, out, _ = self.serve.aws("opsworks", "describe-stack-provisioning-parameters",
                                   "--stack-id", self.stack["stack_id"])
        self.assertTrue(out["AgentInstallerUrl"].startswith(self.serve.endpoint + "/"))
        self.assertIn("assets_download_bucket", out["Parameters"])
        with urllib.request.urlopen(out["AgentInstallerUrl"]) as r:
            self.assertEqual(r.status, 200)
            self.assertGreater(len(r.read()), 100)

    def test_cli_unknown_stack_is_resource_not_found(self):
        code, _, err = self.serve.aws("opsworks", "describe-stack-provisioning-parameters",
                                      "--stack-id", "00000000-0000-0000-0000-000000000000",
                                      check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(ResourceNotFoundException)", err)

    def test_register_instance_then_cli_waiter_sees_it_registered(self):
        ow = self.serve.client("opsworks")
        instance_id = ow.register_instance(StackId=self.stack["stack_id"], Hostname="web-1",
                                           PrivateIp="10.0.0.5", PublicIp="203.0.113.5",
                                           RsaPublicKey=PUBLIC_KEY,
                                           RsaPublicKeyFingerprint="aa:bb")["InstanceId"]
        self.serve.aws("opsworks", "wait", "instance-registered", "--instance-ids", instance_id)
        _, out, _ = self.serve.aws("opsworks", "describe-instances",
                                   "--stack-id", self.stack["stack_id"])
        inst = [i for i in out["Instances"] if i["InstanceId"] == instance_id][0]
        self.assertEqual(inst["Status"], "registered")
        self.assertEqual(inst["Hostname"], "web-1")
        self.assertEqual(inst["InfrastructureClass"], "on-premises")
        self.assertEqual(inst["RegisteredBy"], f"arn:aws:iam::{self.serve.info['account_id']}:root")
        with self.assertRaises(ClientError) as ctx:
            ow.register_instance(StackId=self.stack["stack_id"], Hostname="web-1")
        self.assertEqual(ctx.exception.response["Error"]["Code"], "ValidationException")


if __name__ == "__main__":
    main()
