// N Camunda BYOK keys through the construct, synthesized as `cdktf synth` does.
"use strict";

const os = require("node:os");
const path = require("node:path");
const { mkdtempSync } = require("node:fs");
const { App, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { CamundaByokKey } = require("camunda-byok-kms/cdktf");
const { clusterInput, countFromArgv, report } = require("./clusters");

const count = countFromArgv();
const app = new App({ outdir: mkdtempSync(path.join(os.tmpdir(), "bench-cdktf-")) });
const stack = new TerraformStack(app, "bench");
new AwsProvider(stack, "aws", { region: "eu-central-1" });
const constructStarted = process.hrtime.bigint();
for (let i = 0; i < count; i++) new CamundaByokKey(stack, `cluster-${i}`, clusterInput(i));
const synthStarted = process.hrtime.bigint();
app.synth();
const ms = (from, to) => Math.round(Number(to - from) / 1e6);
report({ constructMs: ms(constructStarted, synthStarted), synthMs: ms(synthStarted, process.hrtime.bigint()) });
