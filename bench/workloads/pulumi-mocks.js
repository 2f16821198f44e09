// Mocks shared by both Pulumi workloads: AWS-like ARNs, one account, eu-central-1.
"use strict";

const pulumi = require("@pulumi/pulumi");

function installMocks() {
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, arn: `arn:aws:mock:eu-central-1:111122223333:${args.name}`, keyId: `${args.name}-id` },
        };
      },
      call(args) {
        if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") {
          return { accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/bench", userId: "bench" };
        }
        return { region: "eu-central-1", name: "eu-central-1" };
      },
    },
    "bench",
    "bench",
    false,
  );
}

module.exports = { installMocks };
