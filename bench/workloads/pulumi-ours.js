// N Camunda BYOK keys through the Pulumi component, under Pulumi's mocks, until every resource is registered.
"use strict";

const pulumi = require("@pulumi/pulumi");
const { clusterInput, countFromArgv, report } = require("./clusters");
const { installMocks } = require("./pulumi-mocks");

const count = countFromArgv();
installMocks();
const { CamundaByokKey } = require("camunda-byok-kms/pulumi");

pulumi.runtime
  .runInPulumiStack(async () => {
    const keys = [];
    for (let i = 0; i < count; i++) keys.push(new CamundaByokKey(`cluster-${i}`, clusterInput(i)));
    return { keyArns: keys.map((key) => key.keyArn) };
  })
  .then(() => report())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
