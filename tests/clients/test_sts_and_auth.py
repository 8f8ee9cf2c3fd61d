"""The AWS CLI and boto3 against `opsreg serve`: STS GetCallerIdentity, and the errors real AWS
gives for a wrong secret, an unknown key, an expired signature and an unsigned request."""

import unittest
import urllib.error
import urllib.request

from opsreg_serve import main, ServeTestCase


class StsAndAuth(ServeTestCase):
    def test_cli_get_caller_identity_is_the_root_operator(self):
        _, out, _ = self.serve.aws("sts", "get-caller-identity")
        self.assertEqual(out["Account"], self.serve.info["account_id"])
        self.assertEqual(out["Arn"], f"arn:aws:iam::{self.serve.info['account_id']}:root")

    def test_boto3_get_caller_identity(self):
        out = self.serve.client("sts").get_caller_identity()
        self.assertEqual(out["Account"], self.serve.info["account_id"])

    def test_wrong_secret_is_signature_does_not_match(self):
        code, _, err = self.serve.aws("sts", "get-caller-identity",
                                      secret_access_key="wrong-secret", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(SignatureDoesNotMatch)", err)

    def test_unknown_key_is_invalid_client_token_id(self):
        code, _, err = self.serve.aws("sts", "get-caller-identity",
                                      access_key_id="AKIANOSUCHKEY0000000", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("(InvalidClientTokenId)", err)

    def test_unsigned_request_is_missing_authentication_token(self):
        req = urllib.request.Request(self.serve.endpoint + "/", method="POST",
                                     data=b"Action=GetCallerIdentity&Version=2011-06-15",
                                     headers={"Host": "sts.amazonaws.com"})
        with self.assertRaises(urllib.error.HTTPError) as ctx:
            urllib.request.urlopen(req)
        self.assertEqual(ctx.exception.code, 403)
        self.assertIn(b"<Code>MissingAuthenticationToken</Code>", ctx.exception.read())

    def test_signature_older_than_fifteen_minutes_is_expired(self):
        # Sign with botocore at "now", then move the world clock 16 minutes on and send it.
        import botocore.auth
        import botocore.awsrequest
        import botocore.credentials
        creds = botocore.credentials.Credentials(self.serve.access_key_id,
                                                 self.serve.secret_access_key)
        request = botocore.awsrequest.AWSRequest(
            method="POST", url=self.serve.endpoint + "/",
            data=b"Action=GetCallerIdentity&Version=2011-06-15",
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        botocore.auth.SigV4Auth(creds, "sts", self.serve.region).add_auth(request)
        self.serve.admin("POST", "clock/advance", {"by": "16m"})
        try:
            prepared = request.prepare()
            req = urllib.request.Request(prepared.url, method="POST", data=prepared.body,
                                         headers=dict(prepared.headers))
            with self.assertRaises(urllib.error.HTTPError) as ctx:
                urllib.request.urlopen(req)
            body = ctx.exception.read().decode()
            self.assertEqual(ctx.exception.code, 403)
            self.assertIn("<Code>SignatureDoesNotMatch</Code>", body)
            self.assertIn("Signature expired", body)
        finally:
            self.serve.admin("POST", "reset")


if __name__ == "__main__":
    main()
