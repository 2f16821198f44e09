import { expect } from "chai";
import fc from "fast-check";
import { buildByokSpec, buildKeyPolicy, MAX_KEY_POLICY_BYTES, type ByokInput } from "../../shared";
import { REGIONS_BY_PARTITION, resolveTemplate } from "../../shared/internal";
import { buildKeyPolicyTemplate, keyPolicyBytes, keyPolicyBytesUpperBound, knownChoices } from "../../shared/key-policy";
import { expectValidationError } from "../support/errors";
import { isAllowed } from "../support/iam-evaluator";

const account = fc.stringMatching(/^\d{12}$/);
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,64}$/);
const iamPath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/), { maxLength: 3 })
  .map((parts) => `/${parts.map((p) => `${p}/`).join("")}`);
const roleArn = fc.tuple(account, iamPath, iamName).map(([id, path, name]) => `arn:aws:iam::${id}:role${path}${name}`);
const region = fc.constantFrom(...REGIONS_BY_PARTITION.aws);
const clusterName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/);

const validInput = fc.record(
  {
    camundaClusterRoleArn: roleArn,
    clusterRegion: region,
    clusterName,
    keyAdministratorArns: fc.array(
      fc.tuple(account, iamName).map(([id, name]) => `arn:aws:iam::${id}:role/${name}`),
      { maxLength: 4 },
    ),
    deletionWindowInDays: fc.integer({ min: 7, max: 30 }),
    rotationPeriodInDays: fc.integer({ min: 90, max: 2560 }),
    restrictGrantsToAwsResources: fc.boolean(),
    alertEmails: fc.uniqueArray(fc.emailAddress(), { maxLength: 3, selector: (e) => e.toLowerCase() }),
  },
  { requiredKeys: ["camundaClusterRoleArn", "clusterRegion", "clusterName"] },
);

/** A valid input with one input made invalid, and the name that must appear in the error. */
const mutation = fc.oneof(
  fc.constant({ input: "camundaClusterRoleArn", value: "arn:aws:iam::123456789012:role/*" }),
  fc.constant({ input: "camundaClusterRoleArn", value: "arn:aws:iam::123456789012:user/alice" }),
  fc.string({ maxLength: 20 }).map((s) => ({ input: "camundaClusterRoleArn", value: `x${s}` })),
  fc.string({ maxLength: 12 }).map((s) => ({ input: "clusterRegion", value: `${s}-nowhere` })),
  fc.string({ minLength: 1, maxLength: 10 }).map((s) => ({ input: "clusterName", value: ` ${s}` })),
  fc.oneof(fc.integer({ max: 6 }), fc.integer({ min: 31 })).map((n) => ({ input: "deletionWindowInDays", value: n })),
  fc.oneof(fc.integer({ max: 89 }), fc.integer({ min: 2561 })).map((n) => ({ input: "rotationPeriodInDays", value: n })),
  fc.stringMatching(/^[A-Za-z0-9/_-]{1,20}$/).map((s) => ({ input: "aliasName", value: `alias/aws/${s}` })),
  fc
    .string({ maxLength: 10 })
    .filter((s) => !s.includes("@"))
    .map((s) => ({ input: "alertEmails[0]", value: [s] })),
);

describe("properties (fast-check)", () => {
  it("valid inputs always give a policy the evaluator accepts for Camunda and the account", async () => {
    await fc.assert(
      fc.asyncProperty(validInput, account, async (input, keyAccountId) => {
        const spec = buildByokSpec(input as ByokInput, { keyAccountId });
        const policy = JSON.parse(resolveTemplate(spec.outputs.keyPolicyJson, {}) as string);
        expect(policy).to.deep.equal(buildKeyPolicy({ ...input, keyAccountId }));
        const keyArn = `arn:aws:kms:${input.clusterRegion}:${keyAccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
        const grantContext: Record<string, string> = input.restrictGrantsToAwsResources ? { "kms:GrantIsForAWSResource": "true" } : {};
        expect(await isAllowed(policy, input.camundaClusterRoleArn, "kms:Decrypt", {}, keyArn)).to.equal(true);
        expect(await isAllowed(policy, input.camundaClusterRoleArn, "kms:CreateGrant", grantContext, keyArn)).to.equal(true);
        expect(await isAllowed(policy, input.camundaClusterRoleArn, "kms:PutKeyPolicy", {}, keyArn)).to.equal(false);
        // The account manages the key through IAM, but may not schedule its deletion (DenyKeyDeletion).
        expect(await isAllowed(policy, `arn:aws:iam::${keyAccountId}:role/Ops`, "kms:CancelKeyDeletion", {}, keyArn)).to.equal(true);
        expect(await isAllowed(policy, `arn:aws:iam::${keyAccountId}:role/Ops`, "kms:ScheduleKeyDeletion", {}, keyArn)).to.equal(false);
      }),
      { numRuns: 60 },
    );
  });

  it("mutated inputs are always rejected with the offending input named", () => {
    fc.assert(
      fc.property(validInput, mutation, (input, { input: name, value }) => {
        const field = name.replace(/\[\d+\]$/, "");
        const mutated = { ...input, [field]: value } as ByokInput;
        const error = expectValidationError(() => buildByokSpec(mutated));
        expect(error.problems.map((p) => p.input)).to.include(name);
        expect(error.message).to.include(name);
      }),
      { numRuns: 300 },
    );
  });
});

describe("policy size bound (fast-check)", () => {
  it("never under-estimates the serialized size, whatever the strings hold", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string(),
        fc.array(fc.string({ unit: "binary" }), { maxLength: 5 }),
        (role, account, admins) => {
          const strings = { camundaClusterRoleArn: role, keyAccountId: account, partition: "aws-us-gov", keyAdministratorArns: admins };
          for (const enableDefaultAccountAccess of [true, false]) {
            for (const restrictGrantsToAwsResources of [true, false]) {
              const policy = buildKeyPolicyTemplate(
                strings,
                knownChoices({ ...strings, enableDefaultAccountAccess, restrictGrantsToAwsResources }),
              );
              expect(keyPolicyBytesUpperBound(strings)).to.be.at.least(keyPolicyBytes(policy));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("still accepts a policy just under AWS's limit and rejects one just over it", () => {
    const admin = (i: number) => `arn:aws:iam::111122223333:role/a${String(i).padStart(5, "0")}`;
    const input = (count: number) => ({
      camundaClusterRoleArn: "arn:aws:iam::123456789012:role/x",
      keyAccountId: "111122223333",
      keyAdministratorArns: Array.from({ length: count }, (_, i) => admin(i)),
    });
    const bytes = (count: number) =>
      keyPolicyBytes(
        buildKeyPolicyTemplate(
          { ...input(count), partition: "aws" },
          knownChoices({ ...input(count), enableDefaultAccountAccess: true, restrictGrantsToAwsResources: false, preventDestroy: true }),
        ),
      );
    let count = 1;
    while (bytes(count + 1) <= MAX_KEY_POLICY_BYTES) count++;
    expect(keyPolicyBytes(buildKeyPolicy(input(count)))).to.be.at.most(MAX_KEY_POLICY_BYTES);
    const error = expectValidationError(() => buildKeyPolicy(input(count + 1)));
    expect(error.problems[0].input).to.equal("keyAdministratorArns");
  });
});
