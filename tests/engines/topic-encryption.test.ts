// alertTopicKmsKeyArn in both front ends: the new topics are encrypted with the given keys, each
// site's with its own region's (SNS server-side encryption, `kms_master_key_id`).
import { expect } from "chai";
import { CamundaByokKey } from "../../pulumi";
import { installPulumiMocks, settle, settledValue } from "../../scripts/harness/pulumi-mocks";
import { synthByok, tfResource } from "../support/cdktf";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";

const key = "arn:aws:kms:eu-central-1:111122223333:key/0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d";
const backupKey = "arn:aws:kms:eu-west-1:111122223333:key/9c1a2b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b";
const input = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
  backupRegion: "eu-west-1",
  alertTopicKmsKeyArn: key,
  backupAlertTopicKmsKeyArn: backupKey,
};

describe("the alert topics' encryption (alertTopicKmsKeyArn)", () => {
  it("Pulumi: each new topic is encrypted with its region's key", async () => {
    const registered = installPulumiMocks();
    const byok = new CamundaByokKey("byok", input);
    await settledValue(byok.alertTopicArn);
    await settle();
    const topics = Object.fromEntries(
      registered.filter((r) => r.type === "aws:sns/topic:Topic").map((r) => [r.name, r.inputs.kmsMasterKeyId]),
    );
    expect(topics).to.deep.equal({ "byok-alert-topic": key, "byok-replica-alert-topic": backupKey });
  });

  it("CDKTF: each new topic carries kms_master_key_id, and none without the input", () => {
    const { json } = synthByok(input);
    expect(tfResource(json, "aws_sns_topic", "alert-topic").kms_master_key_id).to.equal(key);
    expect(tfResource(json, "aws_sns_topic", "replica-alert-topic").kms_master_key_id).to.equal(backupKey);
    const plain = synthByok({ ...input, alertTopicKmsKeyArn: undefined, backupAlertTopicKmsKeyArn: undefined }).json;
    expect(tfResource(plain, "aws_sns_topic", "alert-topic")).to.not.have.property("kms_master_key_id");
  });
});
