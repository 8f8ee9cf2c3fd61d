"""The installed AWS CLI and boto3 against `opsreg serve`'s IAM: the commands a user runs, the
rules real IAM enforces, and errors for a deleted key and a denied action."""

import json
import unittest

from botocore.exceptions import ClientError

from opsreg_serve import Serve, main


class IamWithRealClients(unittest.TestCase):
    def setUp(self):
        self.serve = Serve()

    def tearDown(self):
        self.serve.stop()

    def test_cli_create_user_key_list_and_delete(self):
        aws = self.serve.aws
        _, out, _ = aws("iam", "create-user", "--user-name", "alice", "--path", "/AWS/OpsWorks/")
        self.assertEqual(out["User"]["UserName"], "alice")
        self.assertEqual(out["User"]["Arn"],
                         f"arn:aws:iam::{self.serve.info['account_id']}:user/AWS/OpsWorks/alice")
        _, key, _ = aws("iam", "create-access-key", "--user-name", "alice")
        self.assertTrue(key["AccessKey"]["AccessKeyId"].startswith("AKIA"))
        self.assertEqual(len(key["AccessKey"]["SecretAccessKey"]), 40)
        _, users, _ = aws("iam", "list-users", "--path-prefix", "/AWS/OpsWorks/")
        self.assertEqual([u["UserName"] for u in users["Users"]], ["alice"])

        # Real IAM refuses to delete a user that still has a key.
        code, _, err = aws("iam", "delete-user", "--user-name", "alice", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(DeleteConflict)", err)

        aws("iam", "delete-access-key", "--user-name", "alice",
            "--access-key-id", key["AccessKey"]["AccessKeyId"])
        aws("iam", "delete-user", "--user-name", "alice")
        _, users, _ = aws("iam", "list-users")
        self.assertEqual(users["Users"], [])

    def test_cli_duplicate_user_is_entity_already_exists(self):
        self.serve.aws("iam", "create-user", "--user-name", "bob")
        code, _, err = self.serve.aws("iam", "create-user", "--user-name", "BOB", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(EntityAlreadyExists)", err)

    def test_cli_list_users_paginates_with_marker(self):
        for i in range(7):
            self.serve.aws("iam", "create-user", "--user-name", f"user-{i}")
        # The CLI follows Marker across pages of 3.
        _, out, _ = self.serve.aws("iam", "list-users", "--page-size", "3")
        self.assertEqual(len(out["Users"]), 7)
        page = self.serve.client("iam").list_users(MaxItems=3)
        self.assertTrue(page["IsTruncated"])
        self.assertIn("Marker", page)

    def test_deleted_key_is_invalid_client_token_id(self):
        iam = self.serve.client("iam")
        iam.create_user(UserName="carol")
        key = iam.create_access_key(UserName="carol")["AccessKey"]
        iam.put_user_policy(UserName="carol", PolicyName="self", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]}))
        carol = self.serve.client("iam", key["AccessKeyId"], key["SecretAccessKey"])
        self.assertEqual(carol.get_user()["User"]["UserName"], "carol")
        iam.delete_access_key(UserName="carol", AccessKeyId=key["AccessKeyId"])
        with self.assertRaises(ClientError) as ctx:
            carol.get_user()
        self.assertEqual(ctx.exception.response["Error"]["Code"], "InvalidClientTokenId")

    def test_inactive_key_is_refused(self):
        iam = self.serve.client("iam")
        iam.create_user(UserName="dave")
        key = iam.create_access_key(UserName="dave")["AccessKey"]
        iam.update_access_key(UserName="dave", AccessKeyId=key["AccessKeyId"], Status="Inactive")
        code, _, err = self.serve.aws("sts", "get-caller-identity",
                                      access_key_id=key["AccessKeyId"],
                                      secret_access_key=key["SecretAccessKey"], check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(InvalidClientTokenId)", err)

    def test_action_no_policy_allows_is_access_denied(self):
        iam = self.serve.client("iam")
        iam.create_user(UserName="erin")
        key = iam.create_access_key(UserName="erin")["AccessKey"]
        code, _, err = self.serve.aws("iam", "create-user", "--user-name", "mallory",
                                      access_key_id=key["AccessKeyId"],
                                      secret_access_key=key["SecretAccessKey"], check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(AccessDenied)", err)
        self.assertIn("iam:CreateUser", err)

    def test_condition_past_its_date_is_access_denied(self):
        # An inline policy like the register command's, with a DateLessThan deadline on
        # aws:CurrentTime. The deadline is 5 minutes out so that moving the world clock past it
        # keeps botocore's signatures (made with the machine's time) within the 15-minute skew.
        import datetime
        iam = self.serve.client("iam")
        iam.create_user(UserName="frank")
        key = iam.create_access_key(UserName="frank")["AccessKey"]
        now = datetime.datetime.strptime(self.serve.admin("GET", "clock")["clock"][:19],
                                         "%Y-%m-%dT%H:%M:%S")
        deadline = (now + datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        iam.put_user_policy(UserName="frank", PolicyName="OpsWorks-Instance",
                            PolicyDocument=json.dumps({
                                "Version": "2012-10-17",
                                "Statement": [{"Effect": "Allow", "Action": "iam:GetUser",
                                               "Resource": "*",
                                               "Condition": {"DateLessThan": {
                                                   "aws:CurrentTime": deadline}}}]}))
        frank = self.serve.client("iam", key["AccessKeyId"], key["SecretAccessKey"])
        self.assertEqual(frank.get_user()["User"]["UserName"], "frank")
        self.serve.admin("POST", "clock/advance", {"by": "4m"})
        self.assertEqual(frank.get_user()["User"]["UserName"], "frank")
        self.serve.admin("POST", "clock/advance", {"by": "2m"})
        with self.assertRaises(ClientError) as ctx:
            frank.get_user()
        self.assertEqual(ctx.exception.response["Error"]["Code"], "AccessDenied")


if __name__ == "__main__":
    main()
