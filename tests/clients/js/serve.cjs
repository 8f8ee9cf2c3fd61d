// Test support for the JavaScript SDK tests: starts `opsreg serve --port 0` (the binary in
// $OPSREG), reads its JSON line, and makes AWS SDK v3 clients pointed at it with the
// operator's keys. Loopback only. Fails loudly when the SDK is not installed (`make test`
// installs it from package-lock.json).
"use strict";

const { spawn } = require("node:child_process");
const readline = require("node:readline");

function requireSdk(name) {
  try {
    return require(name);
  } catch (e) {
    throw new Error(`${name} is not installed: run \`make test\` (npm ci from tests/clients/js): ${e.message}`);
  }
}

// Resolves to { info, endpoint, stop(), client(Class, extra) } once serve has printed its line.
function startServe(...args) {
  const binary = process.env.OPSREG;
  if (!binary) throw new Error("OPSREG must name the opsreg binary");
  const proc = spawn(binary, ["serve", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: proc.stdout });
    lines.once("line", (line) => {
      const info = JSON.parse(line);
      resolve({
        info,
        endpoint: info.endpoint,
        stop: () => new Promise((done) => {
          if (proc.exitCode !== null) return done();
          proc.once("exit", () => done());
          proc.kill("SIGTERM");
        }),
        client: (ClientClass, extra = {}) => new ClientClass({
          region: info.region,
          endpoint: info.endpoint,
          forcePathStyle: true,
          maxAttempts: 1,
          credentials: {
            accessKeyId: info.operator.access_key_id,
            secretAccessKey: info.operator.secret_access_key,
          },
          ...extra,
        }),
      });
    });
    proc.once("exit", (code) => reject(new Error(`opsreg serve exited (${code}): ${stderr}`)));
  });
}

module.exports = { requireSdk, startServe };
