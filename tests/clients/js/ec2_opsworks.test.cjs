// EC2 and OpsWorks through the AWS SDK for JavaScript v3 (@aws-sdk/client-opsworks, which npm
// still serves): the world's instances by filter and paginator, then what an enrolment tool
// does: the stack, its provisioning parameters, RegisterInstance with a real RSA key, the
// instance and its service errors; errors by name.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { requireSdk, startServe } = require("./serve.cjs");

const ec2 = requireSdk("@aws-sdk/client-ec2");
const opsworks = requireSdk("@aws-sdk/client-opsworks");

const PUBLIC_KEY = fs.readFileSync(
  path.join(__dirname, "..", "..", "..", "fixtures", "ec2", "identity-signing.pub.pem"), "utf8");

test("EC2 and OpsWorks with the JavaScript SDK", async (t) => {
  const serve = await startServe();
  t.after(() => serve.stop());

  await t.test("EC2 instances by tag filter, and every page of them", async () => {
    const client = serve.client(ec2.EC2Client);
    const out = await client.send(new ec2.DescribeInstancesCommand({
      Filters: [{ Name: "tag:Name", Values: ["twin"] }],
    }));
    const ids = out.Reservations.flatMap((r) => r.Instances.map((i) => i.InstanceId)).sort();
    assert.deepStrictEqual(ids, ["i-0a1b2c3d4e5f60024", "i-0a1b2c3d4e5f60025"]);
    const all = [];
    for await (const page of ec2.paginateDescribeInstances({ client, pageSize: 5 }, {}))
      all.push(...page.Reservations.flatMap((r) => r.Instances.map((i) => i.InstanceId)));
    const expected = serve.info.hosts.map((h) => h.ec2_instance_id).filter(Boolean).sort();
    assert.deepStrictEqual(all.sort(), expected);
    await assert.rejects(client.send(new ec2.DescribeInstancesCommand({ InstanceIds: ["i-0000000000000dead"] })),
      (e) => e.name === "InvalidInstanceID.NotFound" && e.$metadata.httpStatusCode === 400);
  });

  await t.test("an enrolment tool's OpsWorks calls", async () => {
    const client = serve.client(opsworks.OpsWorksClient);
    const StackId = serve.info.stacks[0].stack_id;
    const stacks = await client.send(new opsworks.DescribeStacksCommand({}));
    assert.ok(stacks.Stacks.some((s) => s.StackId === StackId));
    const params = await client.send(new opsworks.DescribeStackProvisioningParametersCommand({ StackId }));
    assert.ok(params.AgentInstallerUrl.startsWith(serve.endpoint + "/"));
    assert.ok("assets_download_bucket" in params.Parameters);
    const { InstanceId } = await client.send(new opsworks.RegisterInstanceCommand({
      StackId, Hostname: "js-web-1", PrivateIp: "10.0.0.9", PublicIp: "203.0.113.9",
      RsaPublicKey: PUBLIC_KEY, RsaPublicKeyFingerprint: "aa:bb",
    }));
    const described = await client.send(new opsworks.DescribeInstancesCommand({ InstanceIds: [InstanceId] }));
    assert.strictEqual(described.Instances[0].Hostname, "js-web-1");
    assert.strictEqual(described.Instances[0].InfrastructureClass, "on-premises");
    assert.ok(["requested", "registering", "registered"].includes(described.Instances[0].Status));
    const errors = await client.send(new opsworks.DescribeServiceErrorsCommand({ StackId }));
    assert.ok(Array.isArray(errors.ServiceErrors));
  });

  await t.test("OpsWorks errors by name", async () => {
    const client = serve.client(opsworks.OpsWorksClient);
    await assert.rejects(client.send(new opsworks.DescribeStackProvisioningParametersCommand({
      StackId: "00000000-0000-0000-0000-000000000000",
    })), (e) => e instanceof opsworks.ResourceNotFoundException && e.$metadata.httpStatusCode === 400);
    // The hostname registered above is taken.
    await assert.rejects(client.send(new opsworks.RegisterInstanceCommand({
      StackId: serve.info.stacks[0].stack_id, Hostname: "js-web-1",
    })), (e) => e instanceof opsworks.ValidationException);
  });
});
