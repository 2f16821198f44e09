import { expect } from "chai";
import fc from "fast-check";
import {
  buildKeyPolicy,
  CAMUNDA_GRANT_ACTIONS,
  CAMUNDA_KEY_USAGE_ACTIONS,
  CAMUNDA_REQUIRED_ACTIONS,
  type PolicyDocument,
} from "../../shared";
import { evaluateKeyPolicy } from "../../verify/policy-evaluation";
import { CAMUNDA_ROLE_ARN, KEY_ACCOUNT_ID } from "../support/fixtures";
import { expandKmsActions, isAllowed, KEY_ARN } from "../support/iam-evaluator";

const ROLE = { roleArn: CAMUNDA_ROLE_ARN };
const CAMUNDA_ACCOUNT = CAMUNDA_ROLE_ARN.split(":")[4];
const OTHER_KEY = "arn:aws:kms:eu-central-1:111122223333:key/ffffffff-0000-0000-0000-000000000000";

const principal = fc.constantFrom<unknown>(
  "*",
  { AWS: "*" },
  { AWS: CAMUNDA_ROLE_ARN },
  { AWS: [CAMUNDA_ROLE_ARN, "arn:aws:iam::444455556666:role/Other"] },
  { AWS: `arn:aws:iam::${CAMUNDA_ACCOUNT}:root` },
  { AWS: CAMUNDA_ACCOUNT },
  { AWS: "arn:aws:iam::444455556666:role/Other" },
  { AWS: `arn:aws:iam::${KEY_ACCOUNT_ID}:root` },
  { Service: "ec2.amazonaws.com" },
);
const actions = fc.constantFrom<unknown>(
  "kms:*",
  "*",
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:Generate*",
  "kms:GenerateDataKey",
  "kms:*Grant*",
  "kms:ReEncrypt*",
  "kms:Describe*",
  "kms:CreateGrant",
  "kms:List*",
  ["kms:Encrypt", "kms:Decrypt"],
  "kms:ReEncryptFrom",
  "KMS:ENCRYPT",
);
const resource = fc.constantFrom<unknown>("*", KEY_ARN, OTHER_KEY, "arn:aws:kms:*:*:key/*", [OTHER_KEY, KEY_ARN]);
const condition = fc.constantFrom<unknown>(
  undefined,
  { Bool: { "aws:SecureTransport": "true" } },
  { StringEquals: { "kms:CallerAccount": CAMUNDA_ACCOUNT } },
  { Bool: { "kms:GrantIsForAWSResource": "true" } },
);
const statement = fc
  .record({
    Effect: fc.constantFrom("Allow", "Deny"),
    principalKind: fc.constantFrom("Principal", "Principal", "Principal", "NotPrincipal"),
    principal,
    actionKind: fc.constantFrom("Action", "Action", "Action", "NotAction"),
    action: actions,
    resourceKind: fc.constantFrom("Resource", "Resource", "NotResource"),
    resource,
    condition,
  })
  .map((s) => ({
    Effect: s.Effect,
    [s.principalKind]: s.principal,
    [s.actionKind]: s.action,
    [s.resourceKind]: s.resource,
    ...(s.condition ? { Condition: s.condition } : {}),
  }));
const policy = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((Statement) => ({ Version: "2012-10-17", Statement }) as unknown as PolicyDocument);

/** Request contexts a real call may carry: whatever the context, "allowed" must hold. */
const CONTEXTS: Record<string, string>[] = [
  {},
  { "aws:SecureTransport": "true", "kms:CallerAccount": CAMUNDA_ACCOUNT, "kms:GrantIsForAWSResource": "true" },
  { "aws:SecureTransport": "false", "kms:CallerAccount": "999999999999", "kms:GrantIsForAWSResource": "false" },
];

describe("key policy evaluation (verify's judge), against @cloud-copilot/iam-simulate", () => {
  it("names the concrete actions Camunda's statements grant, as AWS's action list spells out their wildcards", async () => {
    const expanded = await expandKmsActions([...CAMUNDA_KEY_USAGE_ACTIONS, ...CAMUNDA_GRANT_ACTIONS]);
    expect([...CAMUNDA_REQUIRED_ACTIONS].sort()).to.deep.equal(expanded.sort());
  });

  it("allows every required action under the package's own policy", () => {
    const verdicts = evaluateKeyPolicy(
      buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: KEY_ACCOUNT_ID }),
      ROLE,
      KEY_ARN,
      CAMUNDA_REQUIRED_ACTIONS,
    );
    expect(verdicts.filter((v) => v.verdict !== "allowed")).to.deep.equal([]);
  });

  it("cannot decide the grant actions under the opt-in grant condition, and says so", () => {
    const hardened = buildKeyPolicy({
      camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
      keyAccountId: KEY_ACCOUNT_ID,
      restrictGrantsToAwsResources: true,
    });
    const verdicts = evaluateKeyPolicy(hardened, ROLE, KEY_ARN, CAMUNDA_REQUIRED_ACTIONS);
    expect(verdicts.filter((v) => v.verdict === "undecided").map((v) => v.action)).to.deep.equal([...CAMUNDA_GRANT_ACTIONS]);
  });

  it("is sound: never 'allowed' where AWS denies, never 'denied' where AWS allows, over generated policies", async function () {
    this.timeout(300_000);
    const samples = fc.sample(policy, { numRuns: 150, seed: 7 });
    let decided = 0;
    for (const document of samples) {
      for (const verdict of evaluateKeyPolicy(document, ROLE, KEY_ARN, [
        "kms:Encrypt",
        "kms:CreateGrant",
        "kms:ReEncryptFrom",
        "kms:DescribeKey",
      ])) {
        if (verdict.verdict === "undecided") continue;
        decided++;
        for (const context of CONTEXTS) {
          const simulated = await isAllowed(document, CAMUNDA_ROLE_ARN, verdict.action, context);
          const expected = verdict.verdict === "allowed";
          if (simulated !== expected) {
            throw new Error(
              `${verdict.verdict} (${verdict.reason}) but the simulator says ${simulated ? "allowed" : "denied"} for ${verdict.action} with ${JSON.stringify(context)} under ${JSON.stringify(document)}`,
            );
          }
        }
      }
    }
    // The generator must exercise both decided verdicts, not only "undecided".
    expect(decided).to.be.greaterThan(100);
  });
});
