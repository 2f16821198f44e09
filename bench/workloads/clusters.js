// The inputs every benchmark workload uses for cluster i, so ours and the baselines build the same thing.
"use strict";

const ROLE_ARN = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90";

function clusterInput(i) {
  return {
    camundaClusterRoleArn: ROLE_ARN,
    clusterRegion: "eu-central-1",
    clusterName: `cluster-${i}`,
    alertEmails: [`oncall-${i}@example.com`],
  };
}

/** Reads N from argv, the one argument every workload takes. */
function countFromArgv() {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) throw new Error("usage: node <workload> <number of clusters>");
  return count;
}

/** The line the orchestrator reads: what the process measured about itself. */
function report(extra = {}) {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  const cpuMs = Math.round((userCPUTime + systemCPUTime) / 1000);
  process.stdout.write(`${JSON.stringify({ peakRssMb: Math.round(maxRSS / 1024), cpuMs, ...extra })}\n`);
}

module.exports = { ROLE_ARN, clusterInput, countFromArgv, report };
