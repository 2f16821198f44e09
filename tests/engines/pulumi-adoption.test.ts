// The Pulumi component adopting keys made by hand (adoptKeyId, adoptReplicaKeyId, adoptAliases)
// under mocks: what it registers with Pulumi's `import` option, and what it refuses, reading the
// live key with aws.kms.getKey, before anything is registered.
import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { ByokValidationError } from "../../shared";
import { CamundaByokKey, type CamundaByokKeyArgs } from "../../pulumi";
import { ADOPTION_NOTE } from "../../pulumi/camunda-byok-key";
import { installPulumiMocks, settle, settledValue } from "../../scripts/harness/pulumi-mocks";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";

const SINGLE = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MULTI = "mrk-1234abcd12ab34cd56ef1234567890ab";
const baseArgs: CamundaByokKeyArgs = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
};

function create(args: CamundaByokKeyArgs) {
  const options = new Map<string, pulumi.ResourceOptions>();
  const component = new CamundaByokKey("byok", args, {
    transformations: [
      (t) => {
        options.set(t.name, t.opts);
        return undefined;
      },
    ],
  });
  return { component, options };
}

async function refusal(output: pulumi.Output<unknown>): Promise<ByokValidationError> {
  const error = await settledValue(output).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).to.be.instanceOf(ByokValidationError);
  return error as ByokValidationError;
}

describe("Pulumi component adopting a hand-made key (under mocks)", () => {
  it("imports the key with its id, keeping what it would change until adoptKeyId is removed", async () => {
    const registered = installPulumiMocks({ existingKeys: [{ keyId: SINGLE }] });
    const { component, options } = create({ ...baseArgs, adoptKeyId: `arn:aws:kms:eu-central-1:111122223333:key/${SINGLE}` });
    expect(await settledValue(component.keyArn)).to.equal(`arn:aws:kms:eu-central-1:111122223333:key/${SINGLE}`);
    await settle();
    const key = registered.find((r) => r.type === "aws:kms/key:Key")!;
    expect(key.importId).to.equal(SINGLE);
    expect(options.get("byok-key")).to.deep.include({ import: SINGLE, protect: true, retainOnDelete: true });
    expect(options.get("byok-key")!.ignoreChanges).to.include.members(["policy", "description", "tags", "enableKeyRotation"]);
    expect(options.get("byok-key")!.ignoreChanges).not.to.include.members(["multiRegion"]);
    // The alias is new unless adoptAliases says it exists; the monitoring is new.
    expect(registered.find((r) => r.type === "aws:kms/alias:Alias")!.importId).to.equal(undefined);
    expect(ADOPTION_NOTE).to.include("remove adoptKeyId");
  });

  it("imports the replica in the backup region as <id>@<region>, and the aliases with adoptAliases", async () => {
    const registered = installPulumiMocks({
      existingKeys: [
        { keyId: MULTI, replicaRegions: ["eu-west-1"] },
        { keyId: MULTI, region: "eu-west-1", primaryRegion: "eu-central-1" },
      ],
    });
    const { component } = create({
      ...baseArgs,
      backupRegion: "eu-west-1",
      adoptKeyId: MULTI,
      adoptReplicaKeyId: MULTI,
      adoptAliases: true,
    });
    expect(await settledValue(component.replicaKeyArn)).to.equal(`arn:aws:kms:eu-west-1:111122223333:key/${MULTI}`);
    await settle();
    const imports = Object.fromEntries(registered.filter((r) => r.importId).map((r) => [r.name, r.importId]));
    expect(imports).to.deep.equal({
      "byok-key": MULTI,
      "byok-replica-key": `${MULTI}@eu-west-1`,
      "byok-alias": "alias/camunda-byok-payments-prod",
      "byok-replica-alias": "alias/camunda-byok-payments-prod@eu-west-1",
    });
  });

  it("refuses, reading the live key, an asymmetric key or one pending deletion, and registers no AWS resource", async () => {
    for (const [live, words] of [
      [
        { keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" },
        'KeySpec must be SYMMETRIC_DEFAULT: Camunda needs a symmetric encryption key, and another spec would replace the key (customer_master_key_spec forces a new key) (got "RSA_2048")',
      ],
      [{ keyState: "PendingDeletion" }, '(got "PendingDeletion")'],
    ] as const) {
      const registered = installPulumiMocks({ existingKeys: [{ keyId: SINGLE, ...live }] });
      const { component } = create({ ...baseArgs, adoptKeyId: SINGLE });
      const error = await refusal(component.keyArn);
      expect(error.problems.map((p) => p.input)).to.include("adoptKeyId");
      expect(error.message).to.include(words);
      await settle();
      expect(registered.filter((r) => r.type.startsWith("aws:"))).to.deep.equal([]);
    }
  });

  it("refuses a single-region key with backupRegion before registering anything, from its id alone", () => {
    installPulumiMocks({ existingKeys: [{ keyId: SINGLE }] });
    expect(() => create({ ...baseArgs, backupRegion: "eu-west-1", adoptKeyId: SINGLE })).to.throw(
      ByokValidationError,
      "adoptKeyId: is a single-region key (its id does not start with mrk-), but backupRegion needs a multi-region key",
    );
  });

  it("refuses at deploy time a multi-region key whose replica in backupRegion is not adopted, and a replica of another key", async () => {
    installPulumiMocks({ existingKeys: [{ keyId: MULTI, replicaRegions: ["eu-west-1"] }] });
    const alone = create({ ...baseArgs, backupRegion: "eu-west-1", adoptKeyId: MULTI });
    expect((await refusal(alone.component.keyArn)).message).to.include("already has a replica in backupRegion: set adoptReplicaKeyId");

    const other = "mrk-ffffabcd12ab34cd56ef1234567890ab";
    installPulumiMocks({
      existingKeys: [
        { keyId: MULTI, replicaRegions: ["eu-west-1"] },
        { keyId: other, region: "eu-west-1", primaryRegion: "eu-central-1" },
      ],
    });
    const wrong = create({ ...baseArgs, backupRegion: "eu-west-1", adoptKeyId: MULTI, adoptReplicaKeyId: other });
    expect((await refusal(wrong.component.keyArn)).message).to.include(
      'adoptReplicaKeyId: must be a replica of adoptKeyId: its primary key differs (PrimaryKey is "arn:aws:kms:eu-central-1:111122223333:key/mrk-ffffabcd12ab34cd56ef1234567890ab"',
    );
  });
});
