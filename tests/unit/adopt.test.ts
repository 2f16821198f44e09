// camunda-byok-kms adopt, as a library (planKeyAdoption) over aws-sdk-client-mock: keys made by
// hand as people made them (tests/support/hand-made-keys.ts), every call read-only.
import { expect } from "chai";
import { buildKeyPolicy } from "../../shared";
import { planKeyAdoption } from "../../verify";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import {
  ACCOUNT,
  BACKUP_VAULT_STATEMENT,
  CONSOLE_ADMIN_ARN,
  CONSOLE_ADMIN_STATEMENT,
  CONSOLE_DEFAULT_POLICY,
  GUIDE_STATEMENTS,
  handMadeKey,
  handMadePair,
  keyArn,
  MULTI_REGION_ID,
  policyOf,
  ACCOUNT_STATEMENT,
  SINGLE_REGION_ID,
} from "../support/hand-made-keys";
import { mockHandMadeKms } from "../support/hand-made-kms";
import { expandKmsActions, isAllowed, kmsKeyActions } from "../support/iam-evaluator";

const base = { keyArn: keyArn(SINGLE_REGION_ID), camundaClusterRoleArn: CAMUNDA_ROLE_ARN, clusterName: "payments-prod" };

describe("adopt: planning a hand-made key's adoption (aws-sdk-client-mock)", () => {
  let kms: ReturnType<typeof mockHandMadeKms> | undefined;
  afterEach(() => kms?.restore());

  it("adopts a guide-made key: the Camunda role gains Encrypt, ReEncrypt*, ListGrants and RevokeGrant, the guard is added, nothing is lost", async () => {
    kms = mockHandMadeKms([handMadeKey()]);
    const plan = await planKeyAdoption(base);
    expect(plan.refusals).to.deep.equal([]);
    expect(plan.adoptable).to.equal(true);
    const byStatement = Object.fromEntries(plan.policy.map((s) => [s.statement, s]));
    expect(byStatement.CamundaClusterKeyUsage.change).to.equal("added");
    expect(byStatement.CamundaClusterKeyUsage.gains).to.deep.equal(["kms:Encrypt", "kms:ReEncrypt*"]);
    expect(byStatement.CamundaClusterGrants.gains).to.deep.equal(["kms:ListGrants", "kms:RevokeGrant"]);
    expect(byStatement.DenyKeyDeletion.change).to.equal("added");
    for (const sid of [ACCOUNT_STATEMENT.Sid, ...GUIDE_STATEMENTS.map((s) => s.Sid)]) expect(byStatement[sid].change).to.equal("replaced");
    expect(plan.terraformImports).to.deep.equal([{ to: "module.camunda_byok.aws_kms_key.this", id: SINGLE_REGION_ID }]);
    expect(plan.inputs).to.include({ adoptKeyId: SINGLE_REGION_ID, clusterRegion: "eu-central-1", clusterName: "payments-prod" });
    const subjects = plan.changes.map((c) => c.subject);
    expect(subjects).to.include.members(["rotation", "description", "tag camunda:cluster", "tag managed-by", "deletion window"]);
    expect(plan.changes.find((c) => c.subject === "rotation")!.detail).to.equal("off → on, every 365 days");
    // The customer's own tag is not the package's: the plan says it goes, and how to keep it.
    expect(plan.changes.find((c) => c.subject === "tag team")!.detail).to.match(/^removed/);
    expect(plan.notes.join("\n")).to.include("alias/camunda-byok");
  });

  it("says 'replaced' only where the independent IAM evaluator allows every principal each action of the live statement under the new policy, but those it names denied", async () => {
    kms = mockHandMadeKms([handMadeKey()]);
    const plan = await planKeyAdoption(base);
    const target = buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: ACCOUNT });
    const live = [ACCOUNT_STATEMENT, ...GUIDE_STATEMENTS];
    const replaced = live.filter((s) => plan.policy.find((p) => p.statement === s.Sid)!.change === "replaced");
    expect(replaced).to.have.length(3);
    // The account's kms:* loses ScheduleKeyDeletion to the deletion guard, and the plan says so.
    expect(plan.policy.find((p) => p.statement === ACCOUNT_STATEMENT.Sid)!.denied).to.deep.equal(["kms:ScheduleKeyDeletion"]);
    for (const statement of replaced) {
      // The actions on a key (kms:* also names custom key store actions, which no key policy governs).
      const onKeys = await kmsKeyActions();
      const actions = (await expandKmsActions([statement.Action].flat())).filter((action) => onKeys.includes(action));
      const denied = plan.policy.find((p) => p.statement === statement.Sid)!.denied ?? [];
      expect(actions.length).to.be.greaterThan(0);
      for (const action of actions)
        expect(await isAllowed(target, statement.Principal.AWS, action), `${statement.Sid}: ${action}`).to.equal(!denied.includes(action));
    }
  });

  it("adopts a key with the console's default policy: the Camunda role gains every action it needs", async () => {
    kms = mockHandMadeKms([handMadeKey(SINGLE_REGION_ID, { policy: CONSOLE_DEFAULT_POLICY })]);
    const plan = await planKeyAdoption(base);
    expect(plan.adoptable).to.equal(true);
    const usage = plan.policy.find((s) => s.statement === "CamundaClusterKeyUsage")!;
    expect(usage.gains).to.deep.equal(["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey", "kms:GenerateDataKey*"]);
    expect(plan.policy.find((s) => s.statement === ACCOUNT_STATEMENT.Sid)!.change).to.equal("replaced");
  });

  it("refuses a key with a statement of the customer's own until the user decides, naming it and saying how to keep it", async () => {
    kms = mockHandMadeKms([
      handMadeKey(SINGLE_REGION_ID, { policy: policyOf(ACCOUNT_STATEMENT, ...GUIDE_STATEMENTS, BACKUP_VAULT_STATEMENT) }),
    ]);
    const refused = await planKeyAdoption(base);
    expect(refused.adoptable).to.equal(false);
    expect(refused.refusals).to.have.length(1);
    expect(refused.refusals[0].input).to.equal("keyPolicy");
    expect(refused.refusals[0].message).to.include('statement "AllowBackupVault"').and.include("AWSBackupDefaultServiceRole");
    expect(refused.refusals[0].message).to.include('--remove-statement "AllowBackupVault"');

    const decided = await planKeyAdoption({ ...base, removeStatements: ["AllowBackupVault"] });
    expect(decided.adoptable).to.equal(true);
    expect(decided.policy.find((s) => s.statement === "AllowBackupVault")!.change).to.equal("removed");
  });

  it("keeps a console key administrator given with --admin, whose statement the package's KeyAdministration replaces", async () => {
    const admin = CONSOLE_ADMIN_ARN;
    const adminStatement = CONSOLE_ADMIN_STATEMENT;
    kms = mockHandMadeKms([handMadeKey(SINGLE_REGION_ID, { policy: policyOf(ACCOUNT_STATEMENT, adminStatement, ...GUIDE_STATEMENTS) })]);
    expect((await planKeyAdoption(base)).refusals.map((r) => r.input)).to.deep.equal(["keyPolicy"]);
    const kept = await planKeyAdoption({ ...base, keyAdministratorArns: [admin] });
    expect(kept.adoptable).to.equal(true);
    expect(kept.policy.find((s) => s.statement === adminStatement.Sid)!.detail).to.include("by KeyAdministration");
    expect(kept.inputs.keyAdministratorArns).to.deep.equal([admin]);
  });

  it("refuses a multi-region key without backupRegion, and a single-region key with it: either would be replaced", async () => {
    kms = mockHandMadeKms([handMadeKey(MULTI_REGION_ID), handMadeKey()]);
    const multi = await planKeyAdoption({ ...base, keyArn: keyArn(MULTI_REGION_ID) });
    expect(multi.adoptable).to.equal(false);
    expect(multi.refusals.map((r) => r.message).join("\n"))
      .to.include("MultiRegion is true")
      .and.include('(got "true")');
    const single = await planKeyAdoption({ ...base, backupRegion: "eu-west-1" });
    expect(single.adoptable).to.equal(false);
    expect(single.refusals.map((r) => r.message).join("\n"))
      .to.include("MultiRegion is false")
      .and.include("backupRegion needs a multi-region key");
  });

  it("refuses an asymmetric key and a key pending deletion, naming the setting and its live value", async () => {
    kms = mockHandMadeKms([handMadeKey(SINGLE_REGION_ID, { metadata: { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" } })]);
    const asymmetric = await planKeyAdoption(base);
    expect(asymmetric.refusals.map((r) => `${r.input}: ${r.message}`)).to.include.members([
      'adoptKeyId: KeySpec must be SYMMETRIC_DEFAULT: Camunda needs a symmetric encryption key, and another spec would replace the key (customer_master_key_spec forces a new key) (got "RSA_2048")',
      'adoptKeyId: KeyUsage must be ENCRYPT_DECRYPT: Camunda encrypts with the key, and another usage would replace the key (key_usage forces a new key) (got "SIGN_VERIFY")',
    ]);
    kms.restore();
    kms = mockHandMadeKms([handMadeKey(SINGLE_REGION_ID, { metadata: { KeyState: "PendingDeletion", Enabled: false } })]);
    const pending = await planKeyAdoption(base);
    expect(pending.refusals.map((r) => r.message).join("\n"))
      .to.include("KeyState must be Enabled or Disabled")
      .and.include('(got "PendingDeletion")');
  });

  it("adopts a hand-made key and replica for dual-region backups, and refuses the key alone when its replica exists", async () => {
    kms = mockHandMadeKms(handMadePair());
    const both = await planKeyAdoption({
      ...base,
      keyArn: keyArn(MULTI_REGION_ID),
      backupRegion: "eu-west-1",
      backupKeyArn: keyArn(MULTI_REGION_ID, "eu-west-1"),
    });
    expect(both.refusals).to.deep.equal([]);
    expect(both.terraformImports.map((i) => i.to)).to.deep.equal([
      "module.camunda_byok.aws_kms_key.this",
      "module.camunda_byok.aws_kms_replica_key.replica[0]",
    ]);
    expect(both.terraformVariables).to.deep.equal({ adopt_key_id: MULTI_REGION_ID, adopt_replica_key_id: MULTI_REGION_ID });
    const alone = await planKeyAdoption({ ...base, keyArn: keyArn(MULTI_REGION_ID), backupRegion: "eu-west-1" });
    expect(alone.refusals.map((r) => r.message).join("\n")).to.include("already has a replica in backupRegion: set adoptReplicaKeyId");
  });

  it("refuses a statement of the replica's own too, named by its Sid, until the user decides", async () => {
    const [primary, replica] = handMadePair();
    replica.policy = policyOf(ACCOUNT_STATEMENT, ...GUIDE_STATEMENTS, BACKUP_VAULT_STATEMENT);
    kms = mockHandMadeKms([primary, replica]);
    const options = {
      ...base,
      keyArn: keyArn(MULTI_REGION_ID),
      backupRegion: "eu-west-1",
      backupKeyArn: keyArn(MULTI_REGION_ID, "eu-west-1"),
    };
    const refused = await planKeyAdoption(options);
    expect(refused.refusals.map((r) => r.input)).to.deep.equal(["replicaKeyPolicy"]);
    expect(refused.replicaPolicy!.find((s) => s.statement === "AllowBackupVault")!.change).to.equal("removed");
    expect((await planKeyAdoption({ ...options, removeStatements: ["AllowBackupVault"] })).adoptable).to.equal(true);
  });

  it("imports an alias of the package's name that already names the key, and refuses one that names another key", async () => {
    kms = mockHandMadeKms([handMadeKey(SINGLE_REGION_ID, { aliases: ["alias/camunda-byok-payments-prod"] })]);
    const own = await planKeyAdoption(base);
    expect(own.inputs.adoptAliases).to.equal(true);
    expect(own.terraformImports).to.deep.include({ to: "module.camunda_byok.aws_kms_alias.this", id: "alias/camunda-byok-payments-prod" });
    kms.restore();
    const other = handMadeKey("0000abcd-12ab-34cd-56ef-1234567890ab", { aliases: ["alias/camunda-byok-payments-prod"] });
    kms = mockHandMadeKms([handMadeKey(), other]);
    const conflict = await planKeyAdoption(base);
    expect(conflict.refusals.map((r) => r.input)).to.deep.equal(["aliasName"]);
    expect(conflict.refusals[0].message).to.include("already names another key").and.include(other.id);
  });

  it("calls only DescribeKey, GetKeyPolicy, GetKeyRotationStatus, ListResourceTags and ListAliases", async () => {
    kms = mockHandMadeKms(handMadePair());
    await planKeyAdoption({
      ...base,
      keyArn: keyArn(MULTI_REGION_ID),
      backupRegion: "eu-west-1",
      backupKeyArn: keyArn(MULTI_REGION_ID, "eu-west-1"),
    });
    const called = new Set(kms.calls().map((call) => call.args[0].constructor.name.replace(/Command$/, "")));
    expect([...called].sort()).to.deep.equal(["DescribeKey", "GetKeyPolicy", "GetKeyRotationStatus", "ListAliases", "ListResourceTags"]);
  });

  it("refuses bad options, naming each, before asking AWS", async () => {
    kms = mockHandMadeKms([]);
    const error = await planKeyAdoption({
      keyArn: "1234",
      camundaClusterRoleArn: "",
      backupKeyArn: keyArn(MULTI_REGION_ID, "eu-west-1"),
    }).catch((e) => e);
    expect(error.problems.map((p: { input: string }) => p.input)).to.deep.equal(["keyArn", "camundaClusterRoleArn", "backupKeyArn"]);
    expect(kms.calls()).to.have.length(0);
  });
});
