// The CDKTF construct adopting keys made by hand: Terraform `import` blocks in the synthesized
// configuration, and `data "aws_kms_key"` preconditions that stop the plan before an adoption that
// would replace a key, in the core's words.
import { expect } from "chai";
import { ByokValidationError } from "../../shared";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { synthByok, tfAddress, tfResource } from "../support/cdktf";

const SINGLE = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MULTI = "mrk-1234abcd12ab34cd56ef1234567890ab";
const base = { camundaClusterRoleArn: CAMUNDA_ROLE_ARN, clusterRegion: "eu-central-1", clusterName: "payments-prod" };

describe("CDKTF construct adopting a hand-made key", () => {
  it('writes an import block for the key and reads it with data "aws_kms_key"', () => {
    const { json } = synthByok({ ...base, adoptKeyId: `arn:aws:kms:eu-central-1:111122223333:key/${SINGLE}` });
    expect(json.import).to.deep.equal([{ to: tfAddress(json, "aws_kms_key", "key"), id: SINGLE }]);
    const [data] = Object.values(json.data.aws_kms_key) as Record<string, unknown>[];
    expect(data).to.deep.equal({ key_id: `arn:aws:kms:eu-central-1:111122223333:key/${SINGLE}` });
    // Terraform imports and updates in one plan: nothing is kept as found.
    expect(tfResource(json, "aws_kms_key", "key").lifecycle.ignore_changes).to.equal(undefined);
  });

  it("refuses, in the plan, a live key that would be replaced, naming the setting and its live value", () => {
    const { json } = synthByok({ ...base, adoptKeyId: SINGLE });
    const preconditions = tfResource(json, "aws_kms_key", "key").lifecycle.precondition as { condition: string; error_message: string }[];
    const adopted = preconditions.filter((p) => p.condition.includes("data.aws_kms_key."));
    const messages = adopted.map((p) => p.error_message);
    for (const setting of ["KeySpec", "KeyUsage", "KeyManager", "Origin", "KeyState", "MultiRegionKeyType", "MultiRegion"])
      expect(
        messages.some((m) => m.startsWith(`camunda-byok-kms: adoptKeyId ${setting} `)),
        setting,
      ).to.equal(true);
    const keySpec = adopted.find((p) => p.error_message.includes("KeySpec"))!;
    expect(keySpec.condition).to.match(/^\$\{contains\(\["SYMMETRIC_DEFAULT"\], data\.aws_kms_key\.[^.]+\.key_spec\)\}$/);
    expect(keySpec.error_message).to.match(/\(got \$\{data\.aws_kms_key\.[^.]+\.key_spec\}\)\.$/);
    // Without backupRegion the key must be single-region.
    expect(adopted.find((p) => p.error_message.includes("MultiRegion is true"))!.condition).to.include('contains(["false"], tostring(');
  });

  it("imports the replica and both aliases in their regions (id@region), and checks the replica is the key's", () => {
    const { json } = synthByok({ ...base, backupRegion: "eu-west-1", adoptKeyId: MULTI, adoptReplicaKeyId: MULTI, adoptAliases: true });
    expect(json.import).to.deep.equal([
      { to: tfAddress(json, "aws_kms_key", "key"), id: MULTI },
      { to: tfAddress(json, "aws_kms_alias", "alias"), id: "alias/camunda-byok-payments-prod" },
      { to: tfAddress(json, "aws_kms_replica_key", "replica-key"), id: `${MULTI}@eu-west-1` },
      { to: tfAddress(json, "aws_kms_alias", "replica-alias"), id: "alias/camunda-byok-payments-prod@eu-west-1" },
    ]);
    const sources = Object.values(json.data.aws_kms_key) as Record<string, unknown>[];
    expect(sources).to.deep.include({ key_id: MULTI, region: "eu-west-1" });
    const preconditions = tfResource(json, "aws_kms_key", "key").lifecycle.precondition as { condition: string; error_message: string }[];
    expect(preconditions.map((p) => p.error_message)).to.include(
      "camunda-byok-kms: adoptReplicaKeyId must be a replica of adoptKeyId: its primary key differs.",
    );
  });

  it("refuses at synth what the ids alone tell: a single-region key with backupRegion, a replica without adoptKeyId", () => {
    expect(() => synthByok({ ...base, backupRegion: "eu-west-1", adoptKeyId: SINGLE })).to.throw(
      ByokValidationError,
      "adoptKeyId: is a single-region key",
    );
    expect(() => synthByok({ ...base, adoptKeyId: MULTI })).to.throw(ByokValidationError, "adoptKeyId: is a multi-region key");
    expect(() => synthByok({ ...base, backupRegion: "eu-west-1", adoptReplicaKeyId: MULTI })).to.throw(
      ByokValidationError,
      "adoptReplicaKeyId: is only used with adoptKeyId",
    );
    expect(() => synthByok({ ...base, adoptKeyId: "alias/mine" })).to.throw(ByokValidationError, "adoptKeyId: must be a KMS key id");
  });
});
