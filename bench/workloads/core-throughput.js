// Validated key policies per second: buildKeyPolicy checks its whole input before building.
"use strict";

const { buildKeyPolicy } = require("camunda-byok-kms");
const { ROLE_ARN, report } = require("./clusters");

const seconds = Number(process.argv[2] ?? 1);
const admins = ["arn:aws:iam::111122223333:role/KmsAdmins"];
let built = 0;
let bytes = 0;
const started = process.hrtime.bigint();
const deadline = started + BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() < deadline) {
  for (let i = 0; i < 1000; i++) {
    const policy = buildKeyPolicy({ camundaClusterRoleArn: ROLE_ARN, keyAccountId: "111122223333", keyAdministratorArns: admins });
    bytes += policy.Statement.length;
  }
  built += 1000;
}
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
report({ policiesPerSecond: Math.round(built / elapsed), statements: bytes });
