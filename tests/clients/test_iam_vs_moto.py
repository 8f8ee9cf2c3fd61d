"""opsreg's IAM next to moto_server's, driven by the same boto3 calls. Where both follow AWS they
must agree (response members); where moto skips a rule that the AWS IAM API reference states,
opsreg follows AWS and the test says so — each difference is asserted on both sides, so a moto
upgrade that fixes it shows up here."""

import json
import unittest

from botocore.exceptions import ClientError

from moto_server import Moto
from opsreg_serve import Serve, main


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    return None


class IamAgainstMoto(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = Moto()

    @classmethod
    def tearDownClass(cls):
        cls.moto.stop()

    def setUp(self):
        self.serve = Serve()
        self.ours = self.serve.client("iam")
        self.theirs = self.moto.client("iam")
        self.moto_reset()

    def tearDown(self):
        self.serve.stop()

    def moto_reset(self):
        import urllib.request
        urllib.request.urlopen(urllib.request.Request(self.moto.endpoint + "/moto-api/reset",
                                                      method="POST"))

    def both(self, fn):
        return fn(self.ours), fn(self.theirs)

    def test_same_members_for_the_register_calls(self):
        calls = [
            lambda c: c.create_group(GroupName="OpsWorks-stack", Path="/AWS/OpsWorks/")["Group"],
            lambda c: c.create_user(UserName="OpsWorks-MyStack-host",
                                    Path="/AWS/OpsWorks/")["User"],
            lambda c: c.add_user_to_group(GroupName="OpsWorks-stack",
                                          UserName="OpsWorks-MyStack-host")["ResponseMetadata"] and {},
            lambda c: c.create_access_key(UserName="OpsWorks-MyStack-host")["AccessKey"],
            lambda c: c.list_users(PathPrefix="/AWS/OpsWorks/")["Users"][0],
            lambda c: c.get_group(GroupName="OpsWorks-stack")["Group"],
        ]
        for call in calls:
            ours, theirs = self.both(call)
            self.assertEqual(sorted(ours), sorted(theirs), call)

    def test_delete_user_with_access_key_aws_says_delete_conflict(self):
        # IAM API reference, DeleteUser: "you must delete the items attached to the user
        # manually ... access keys" -> DeleteConflict.
        for c in (self.ours, self.theirs):
            c.create_user(UserName="u1")
            c.create_access_key(UserName="u1")
        self.assertEqual(error_code(lambda: self.ours.delete_user(UserName="u1")), "DeleteConflict")
        # moto 5 deletes the user, key and all: it skips this AWS rule.
        self.assertIsNone(error_code(lambda: self.theirs.delete_user(UserName="u1")))

    def test_invalid_user_name_aws_says_validation_error(self):
        # IAM API reference, CreateUser: UserName pattern [\w+=,.@-]+
        self.assertEqual(error_code(lambda: self.ours.create_user(UserName="bad name!")),
                         "ValidationError")
        # moto 5 accepts the name: it does not validate IAM names.
        self.assertIsNone(error_code(lambda: self.theirs.create_user(UserName="bad name!")))

    def test_third_access_key_is_limit_exceeded_in_both(self):
        codes = []
        for c in (self.ours, self.theirs):
            c.create_user(UserName="k")
            c.create_access_key(UserName="k")
            c.create_access_key(UserName="k")
            codes.append(error_code(lambda: c.create_access_key(UserName="k")))
        self.assertEqual(codes, ["LimitExceeded", "LimitExceeded"])

    def test_user_names_are_case_insensitive_in_aws(self):
        # IAM identifiers: "names are not distinguished by case".
        self.ours.create_user(UserName="Carol")
        self.assertEqual(error_code(lambda: self.ours.create_user(UserName="carol")),
                         "EntityAlreadyExists")
        self.theirs.create_user(UserName="Carol")
        # moto 5 treats names as case-sensitive and creates a second user.
        self.assertIsNone(error_code(lambda: self.theirs.create_user(UserName="carol")))

    def test_malformed_policy_document_in_both(self):
        for c in (self.ours, self.theirs):
            c.create_user(UserName="p")
        bad = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]})
        ours = error_code(lambda: self.ours.put_user_policy(UserName="p", PolicyName="x",
                                                            PolicyDocument=bad))
        theirs = error_code(lambda: self.theirs.put_user_policy(UserName="p", PolicyName="x",
                                                                PolicyDocument=bad))
        self.assertEqual(ours, "MalformedPolicyDocument")
        self.assertEqual(theirs, "MalformedPolicyDocument")


if __name__ == "__main__":
    main()
