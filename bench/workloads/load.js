// The cost of loading one entry point in a fresh process: time, peak memory, and what it pulled in.
"use strict";

const { report } = require("./clusters");

/** The provider modules the CDKTF construct imports, for "cdktf and what it uses". */
const CDKTF_DEPENDENCIES = [
  "cdktf",
  "constructs",
  ...[
    "cloudwatch-event-rule",
    "cloudwatch-event-target",
    "cloudwatch-metric-alarm",
    "data-aws-caller-identity",
    "data-aws-iam-session-context",
    "data-aws-partition",
    "data-aws-region",
    "kms-alias",
    "kms-key",
    "kms-replica-key",
    "sns-topic",
    "sns-topic-policy",
    "sns-topic-subscription",
  ].map((module) => `@cdktf/provider-aws/lib/${module}`),
];

const target = process.argv[2];
const specifiers = target === "cdktf-dependencies" ? CDKTF_DEPENDENCIES : [target];
const started = process.hrtime.bigint();
for (const specifier of specifiers) require(specifier);
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;

const files = Object.keys(require.cache).filter((file) => !file.includes("/bench/workloads/"));
const packages = [
  ...new Set(
    files.map((file) => {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
      return match ? match[1] : "(this package)";
    }),
  ),
].sort();
report({ loadMs: Math.round(loadMs * 10) / 10, modules: files.length, packages, files });
