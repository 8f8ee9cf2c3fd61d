// S3 through the AWS SDK for JavaScript v3, with its defaults: CRC32 checksums on every upload
// (a header for a buffer, an aws-chunked trailer for a stream), path-style addressing, a ranged
// read, a listing, a multipart upload; errors by name.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { Readable } = require("node:stream");
const { requireSdk, startServe } = require("./serve.cjs");

const s3 = requireSdk("@aws-sdk/client-s3");

test("S3 with the JavaScript SDK", async (t) => {
  const serve = await startServe();
  t.after(() => serve.stop());
  const client = serve.client(s3.S3Client);
  const Bucket = "js-bucket";
  await client.send(new s3.CreateBucketCommand({ Bucket }));

  await t.test("a buffer upload carries a CRC32 the fake checks", async () => {
    const put = await client.send(new s3.PutObjectCommand({ Bucket, Key: "a.txt", Body: "hello opsreg" }));
    assert.ok(put.ETag);
    assert.strictEqual(put.ChecksumCRC32, "JiF+Mw==");  // CRC32 of "hello opsreg", big-endian, base64
    const got = await client.send(new s3.GetObjectCommand({ Bucket, Key: "a.txt", ChecksumMode: "ENABLED" }));
    assert.strictEqual(await got.Body.transformToString(), "hello opsreg");
    assert.strictEqual(got.ChecksumCRC32, put.ChecksumCRC32);
    await assert.rejects(
      client.send(new s3.PutObjectCommand({ Bucket, Key: "b.txt", Body: "hello opsreg", ChecksumCRC32: "AAAAAA==" })),
      (e) => e.name === "BadDigest" && e.$metadata.httpStatusCode === 400);
  });

  await t.test("a streaming upload (aws-chunked with a trailing checksum)", async () => {
    const data = Buffer.alloc(200 * 1024, "z");
    const Body = Readable.from([data.subarray(0, 70000), data.subarray(70000)]);
    await client.send(new s3.PutObjectCommand({ Bucket, Key: "stream.bin", Body, ContentLength: data.length }));
    const got = await client.send(new s3.GetObjectCommand({ Bucket, Key: "stream.bin", Range: "bytes=0-9" }));
    assert.strictEqual(got.$metadata.httpStatusCode, 206);
    assert.strictEqual(await got.Body.transformToString(), "zzzzzzzzzz");
    const head = await client.send(new s3.HeadObjectCommand({ Bucket, Key: "stream.bin" }));
    assert.strictEqual(head.ContentLength, data.length);
  });

  await t.test("a listing and a multipart upload", async () => {
    const listed = await client.send(new s3.ListObjectsV2Command({ Bucket }));
    assert.deepStrictEqual(listed.Contents.map((o) => o.Key).sort(), ["a.txt", "stream.bin"]);
    const { UploadId } = await client.send(new s3.CreateMultipartUploadCommand({ Bucket, Key: "mp" }));
    const part1 = await client.send(new s3.UploadPartCommand({
      Bucket, Key: "mp", UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, "a"),
    }));
    const part2 = await client.send(new s3.UploadPartCommand({ Bucket, Key: "mp", UploadId, PartNumber: 2, Body: "end" }));
    await client.send(new s3.CompleteMultipartUploadCommand({
      Bucket, Key: "mp", UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part1.ETag }, { PartNumber: 2, ETag: part2.ETag }] },
    }));
    const head = await client.send(new s3.HeadObjectCommand({ Bucket, Key: "mp" }));
    assert.strictEqual(head.ContentLength, 5 * 1024 * 1024 + 3);
  });

  await t.test("errors by name", async () => {
    await assert.rejects(client.send(new s3.GetObjectCommand({ Bucket, Key: "missing" })),
      (e) => e instanceof s3.NoSuchKey && e.$metadata.httpStatusCode === 404);
    await assert.rejects(client.send(new s3.ListObjectsV2Command({ Bucket: "no-such-bucket-js" })),
      (e) => e instanceof s3.NoSuchBucket);
    await assert.rejects(client.send(new s3.HeadObjectCommand({ Bucket, Key: "missing" })),
      (e) => e.name === "NotFound" && e.$metadata.httpStatusCode === 404);
  });
});
