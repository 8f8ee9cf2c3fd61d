"""The installed AWS CLI and boto3 against `opsreg serve`'s S3 (path-style): make a bucket, copy
files in and out (including a multipart upload), list, ranged reads, and the agent installer
that anyone may download."""

import hashlib
import io
import os
import subprocess
import tarfile
import tempfile
import unittest
import urllib.error
import urllib.request

from botocore.exceptions import ClientError

from opsreg_serve import main, ServeTestCase


class S3WithRealClients(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.tmp.cleanup()

    def test_cli_mb_cp_ls_and_back(self):
        aws = self.serve.aws
        src = os.path.join(self.tmp.name, "hello.txt")
        with open(src, "w") as f:
            f.write("hello from opsreg\n")
        aws("s3", "mb", "s3://cli-bucket")
        aws("s3", "cp", src, "s3://cli-bucket/dir/hello world.txt")
        proc = subprocess.run(["aws", "s3", "ls", "s3://cli-bucket/dir/"], env=self.serve.env(),
                              capture_output=True, text=True, check=True)
        self.assertIn("hello world.txt", proc.stdout)
        self.assertIn(" 18 ", proc.stdout)
        dst = os.path.join(self.tmp.name, "back.txt")
        aws("s3", "cp", "s3://cli-bucket/dir/hello world.txt", dst)
        with open(dst) as f:
            self.assertEqual(f.read(), "hello from opsreg\n")

    def test_cli_multipart_upload_of_ten_mebibytes(self):
        src = os.path.join(self.tmp.name, "big.bin")
        data = os.urandom(10 * 1024 * 1024)
        with open(src, "wb") as f:
            f.write(data)
        self.serve.aws("s3", "mb", "s3://big-bucket")
        self.serve.aws("s3", "cp", src, "s3://big-bucket/big.bin")
        head = self.serve.client("s3").head_object(Bucket="big-bucket", Key="big.bin")
        self.assertEqual(head["ContentLength"], len(data))
        self.assertRegex(head["ETag"], r'^"[0-9a-f]{32}-2"$')
        body = self.serve.client("s3").get_object(Bucket="big-bucket", Key="big.bin")["Body"].read()
        self.assertEqual(hashlib.sha256(body).hexdigest(), hashlib.sha256(data).hexdigest())

    def test_boto3_range_and_etag(self):
        s3 = self.serve.client("s3")
        s3.create_bucket(Bucket="range-bucket")
        s3.put_object(Bucket="range-bucket", Key="k", Body=b"0123456789abcdef")
        part = s3.get_object(Bucket="range-bucket", Key="k", Range="bytes=2-5")
        self.assertEqual(part["Body"].read(), b"2345")
        self.assertEqual(part["ContentRange"], "bytes 2-5/16")
        whole = s3.get_object(Bucket="range-bucket", Key="k")
        self.assertEqual(whole["ETag"], '"' + hashlib.md5(b"0123456789abcdef").hexdigest() + '"')

    def test_cli_cp_between_buckets_and_copy_object_with_replaced_metadata(self):
        aws = self.serve.aws
        aws("s3", "mb", "s3://copy-from")
        aws("s3", "mb", "s3://copy-to")
        self.serve.client("s3").put_object(Bucket="copy-from", Key="dir/f.txt", Body=b"copied\n",
                                           ContentType="text/plain", Metadata={"owner": "ops"})
        aws("s3", "cp", "s3://copy-from/dir/f.txt", "s3://copy-to/f.txt")  # CopyObject
        s3 = self.serve.client("s3")
        got = s3.get_object(Bucket="copy-to", Key="f.txt")
        self.assertEqual(got["Body"].read(), b"copied\n")
        self.assertEqual(got["Metadata"], {"owner": "ops"})
        _, out, _ = aws("s3api", "copy-object", "--bucket", "copy-to", "--key", "g.txt",
                        "--copy-source", "copy-from/dir/f.txt", "--metadata-directive", "REPLACE",
                        "--content-type", "text/x-log", "--metadata", "team=web")
        self.assertEqual(out["CopyObjectResult"]["ETag"],
                         '"' + hashlib.md5(b"copied\n").hexdigest() + '"')
        head = s3.head_object(Bucket="copy-to", Key="g.txt")
        self.assertEqual((head["ContentType"], head["Metadata"]), ("text/x-log", {"team": "web"}))
        code, _, err = aws("s3api", "copy-object", "--bucket", "copy-to", "--key", "h",
                           "--copy-source", "copy-from/missing", check=False)
        self.assertEqual(code, 255)  # AWS CLI v1: a service error
        self.assertIn("(NoSuchKey)", err)
        # A source key botocore has to percent-encode (the HTTP layer decodes header values:
        # the edge encodes x-amz-copy-source back as SDKs send it, so the signature holds).
        s3.put_object(Bucket="copy-from", Key="a b+c%d.txt", Body=b"odd name")
        s3.copy_object(Bucket="copy-to", Key="odd.txt", CopySource="copy-from/a b+c%d.txt")
        self.assertEqual(s3.get_object(Bucket="copy-to", Key="odd.txt")["Body"].read(),
                         b"odd name")

    def test_boto3_missing_key_is_no_such_key(self):
        s3 = self.serve.client("s3")
        s3.create_bucket(Bucket="empty-bucket")
        with self.assertRaises(ClientError) as ctx:
            s3.get_object(Bucket="empty-bucket", Key="nothing")
        self.assertEqual(ctx.exception.response["Error"]["Code"], "NoSuchKey")

    def test_agent_installer_downloads_anonymously_and_unpacks(self):
        installer = self.serve.info.get("agent_installer_url") or (
            self.serve.endpoint + "/opsworks-instance-agent-us-east-1/installer/"
            "opsworks-agent-installer.tgz")
        with urllib.request.urlopen(installer) as r:
            blob = r.read()
        with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
            entry = tar.getmember("opsworks-agent-installer/boot-registration")
            self.assertTrue(entry.mode & 0o100)

    def test_private_object_is_access_denied_anonymously(self):
        s3 = self.serve.client("s3")
        s3.create_bucket(Bucket="private-bucket")
        s3.put_object(Bucket="private-bucket", Key="secret", Body=b"x")
        with self.assertRaises(urllib.error.HTTPError) as ctx:
            urllib.request.urlopen(self.serve.endpoint + "/private-bucket/secret")
        self.assertEqual(ctx.exception.code, 403)
        self.assertIn(b"<Code>AccessDenied</Code>", ctx.exception.read())


if __name__ == "__main__":
    main()
