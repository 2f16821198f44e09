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

const ROLE_NAME = CAMUNDA_ROLE_ARN.slice(CAMUNDA_ROLE_ARN.lastIndexOf("/") + 1);
/** Camunda calls as a session of its role; the session's name is Camunda's, never known here. */
const CAMUNDA_SESSION = `arn:aws:sts::${CAMUNDA_ACCOUNT}:assumed-role/${ROLE_NAME}/camunda-cluster-1234`;
const OTHER_SESSION = `arn:aws:sts::${CAMUNDA_ACCOUNT}:assumed-role/${ROLE_NAME}/someone-else`;
const CAMUNDA_ROOT = `arn:aws:iam::${CAMUNDA_ACCOUNT}:root`;

const principal = fc.constantFrom<unknown>(
  "*",
  { AWS: "*" },
  { AWS: CAMUNDA_ROLE_ARN },
  { AWS: [CAMUNDA_ROLE_ARN, "arn:aws:iam::444455556666:role/Other"] },
  { AWS: CAMUNDA_ROOT },
  { AWS: CAMUNDA_ACCOUNT },
  { AWS: "arn:aws:iam::444455556666:role/Other" },
  { AWS: `arn:aws:iam::${KEY_ACCOUNT_ID}:root` },
  { Service: "ec2.amazonaws.com" },
  { AWS: CAMUNDA_SESSION },
  { AWS: OTHER_SESSION },
  { AWS: [CAMUNDA_ROLE_ARN, CAMUNDA_ROOT] },
  { AWS: [CAMUNDA_ROLE_ARN, CAMUNDA_SESSION] },
  { AWS: [CAMUNDA_ROLE_ARN, CAMUNDA_ROOT, CAMUNDA_SESSION] },
  { AWS: [OTHER_SESSION, CAMUNDA_ACCOUNT] },
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

  describe("the shapes a review found unsound, by IAM's documented rules", () => {
    const allowCamunda = { Sid: "Camunda", Effect: "Allow", Principal: { AWS: CAMUNDA_ROLE_ARN }, Action: "kms:*", Resource: "*" };
    const verdictsOf = (...extra: object[]) =>
      evaluateKeyPolicy({ Version: "2012-10-17", Statement: [allowCamunda, ...extra] }, ROLE, KEY_ARN, ["kms:Decrypt"])[0];

    it("a Deny with NotPrincipal naming the role but not its account denies the role's sessions", () => {
      // IAM user guide, "AWS JSON policy elements: NotPrincipal": "When you use NotPrincipal, you must also
      // specify the account ARN of the not-denied principal. Otherwise, the policy might deny access to the
      // entire account"; a session is checked as its account, then its role, then the session.
      const deny = { Sid: "OnlyCamunda", Effect: "Deny", NotPrincipal: { AWS: [CAMUNDA_ROLE_ARN] }, Action: "kms:*", Resource: "*" };
      expect(verdictsOf(deny)).to.deep.include({ verdict: "denied" });
      // Listing the account too: IAM still denies a role with a permissions boundary, which no key policy shows.
      const withAccount = { ...deny, NotPrincipal: { AWS: [CAMUNDA_ROLE_ARN, CAMUNDA_ROOT] } };
      expect(verdictsOf(withAccount).verdict).to.equal("undecided");
    });

    it("an Allow naming one session of the role is not the role: every other session is denied", () => {
      // IAM user guide, "AWS JSON policy elements: Principal", role sessions: a session principal matches that session only.
      const sessionOnly = { ...allowCamunda, Principal: { AWS: CAMUNDA_SESSION } };
      const [verdict] = evaluateKeyPolicy({ Version: "2012-10-17", Statement: [sessionOnly] }, ROLE, KEY_ARN, ["kms:Decrypt"]);
      expect(verdict.verdict).to.equal("undecided");
    });

    it("an unconditional Deny on the role's account denies it, rather than leaving it undecided", () => {
      // IAM user guide, "AWS JSON policy elements: Principal", AWS account principals: the account stands for every principal in it.
      const deny = { Sid: "NoCamundaAccount", Effect: "Deny", Principal: { AWS: CAMUNDA_ROOT }, Action: "kms:Decrypt", Resource: "*" };
      expect(verdictsOf(deny)).to.deep.include({ verdict: "denied", reason: '"NoCamundaAccount" denies it' });
      expect(verdictsOf({ ...deny, Principal: { AWS: CAMUNDA_ACCOUNT } }).verdict).to.equal("denied");
    });
  });

  it("is sound: never 'allowed' where AWS denies, never 'denied' where AWS allows, over 2,000 generated policies", async function () {
    this.timeout(300_000);
    const samples = fc.sample(policy, { numRuns: 2000, seed: 7 });
    let decided = 0;
    for (const document of samples) {
      const oracle = documentedRule(document);
      for (const verdict of evaluateKeyPolicy(document, ROLE, KEY_ARN, [
        "kms:Encrypt",
        "kms:CreateGrant",
        "kms:ReEncryptFrom",
        "kms:DescribeKey",
      ])) {
        if (verdict.verdict === "undecided") continue;
        decided++;
        for (const context of CONTEXTS) {
          const simulated = await isAllowed(oracle, CAMUNDA_SESSION, verdict.action, context, KEY_ARN, CAMUNDA_ROLE_ARN);
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
    expect(decided).to.be.greaterThan(1000);
  });
});

/**
 * The policy as IAM's documentation says it behaves, for the simulator, which models NotPrincipal
 * differently: without the not-denied principal's account listed, NotPrincipal "might deny access
 * to the entire account" (IAM user guide, "AWS JSON policy elements: NotPrincipal"), so the role
 * and its sessions listed without their account protect nothing and are dropped.
 */
function documentedRule(document: PolicyDocument): PolicyDocument {
  const statements = (document as unknown as { Statement: Record<string, unknown>[] }).Statement.map((statement) => {
    const notPrincipal = statement.NotPrincipal as { AWS?: unknown } | undefined;
    if (!notPrincipal || typeof notPrincipal !== "object" || notPrincipal.AWS === undefined) return statement;
    const entries = Array.isArray(notPrincipal.AWS) ? notPrincipal.AWS.map(String) : [String(notPrincipal.AWS)];
    if (entries.some((entry) => entry === CAMUNDA_ACCOUNT || entry === CAMUNDA_ROOT)) return statement;
    const kept = entries.filter((entry) => entry !== CAMUNDA_ROLE_ARN && !entry.startsWith(`arn:aws:sts::${CAMUNDA_ACCOUNT}:`));
    return { ...statement, NotPrincipal: { ...notPrincipal, AWS: kept.length > 0 ? kept : "arn:aws:iam::444455556666:root" } };
  });
  return { ...document, Statement: statements } as unknown as PolicyDocument;
}
