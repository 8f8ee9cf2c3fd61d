// IAM and STS through the AWS SDK for JavaScript v3: a user, a key, the key's identity, a
// policy; errors raised by the SDK by name.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { requireSdk, startServe } = require("./serve.cjs");

const iam = requireSdk("@aws-sdk/client-iam");
const sts = requireSdk("@aws-sdk/client-sts");

test("IAM and STS with the JavaScript SDK", async (t) => {
  const serve = await startServe();
  t.after(() => serve.stop());
  const iamClient = serve.client(iam.IAMClient);

  await t.test("the operator's identity", async () => {
    const id = await serve.client(sts.STSClient).send(new sts.GetCallerIdentityCommand({}));
    assert.strictEqual(id.Account, serve.info.account_id);
    assert.match(id.Arn, /^arn:aws:iam::\d{12}:/);
  });

  await t.test("a user, its key, and the key's identity", async () => {
    const user = await iamClient.send(new iam.CreateUserCommand({ UserName: "js-user" }));
    assert.strictEqual(user.User.UserName, "js-user");
    assert.ok(user.User.CreateDate instanceof Date);
    const key = await iamClient.send(new iam.CreateAccessKeyCommand({ UserName: "js-user" }));
    assert.match(key.AccessKey.AccessKeyId, /^AKIA/);
    const asUser = serve.client(sts.STSClient, {
      credentials: { accessKeyId: key.AccessKey.AccessKeyId, secretAccessKey: key.AccessKey.SecretAccessKey },
    });
    const id = await asUser.send(new sts.GetCallerIdentityCommand({}));
    assert.strictEqual(id.Arn, user.User.Arn);
    const listed = await iamClient.send(new iam.ListUsersCommand({}));
    assert.ok(listed.Users.some((u) => u.UserName === "js-user"));
  });

  await t.test("an inline policy round trip", async () => {
    const doc = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "opsworks:RegisterInstance", Resource: "*" }],
    });
    await iamClient.send(new iam.PutUserPolicyCommand({ UserName: "js-user", PolicyName: "p", PolicyDocument: doc }));
    const got = await iamClient.send(new iam.GetUserPolicyCommand({ UserName: "js-user", PolicyName: "p" }));
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(got.PolicyDocument)), JSON.parse(doc));
  });

  await t.test("errors by name", async () => {
    await assert.rejects(iamClient.send(new iam.GetUserCommand({ UserName: "nobody" })),
      (e) => e instanceof iam.NoSuchEntityException && e.name === "NoSuchEntityException" &&
        e.$metadata.httpStatusCode === 404);
    await assert.rejects(iamClient.send(new iam.CreateUserCommand({ UserName: "js-user" })),
      (e) => e instanceof iam.EntityAlreadyExistsException);
    const wrong = serve.client(sts.STSClient, {
      credentials: { accessKeyId: serve.info.operator.access_key_id, secretAccessKey: "wrong" },
    });
    await assert.rejects(wrong.send(new sts.GetCallerIdentityCommand({})),
      (e) => e.name === "SignatureDoesNotMatch" && e.$metadata.httpStatusCode === 403);
  });
});
