import { App, TerraformOutput, TerraformStack, TerraformVariable } from "cdktn";
import type { Construct } from "constructs";
import { AwsProvider } from "@cdktn/provider-aws/lib/provider";
import { CamundaByokKey } from "camunda-byok-kms/cdktn";

/**
 * The CDKTF example (examples/cdktf) on CDK Terrain, CDKTF's maintained continuation: the same app,
 * with cdktn's packages. It synthesizes the same Terraform, so a stack moved from cdktf keeps its
 * state addresses. Pass the values as Terraform variables:
 * `cdktn deploy --var camunda_cluster_role_arn=arn:aws:iam::...`.
 */
export class CamundaByokStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const roleArn = new TerraformVariable(this, "camunda_cluster_role_arn", {
      type: "string",
      description: "The cluster IAM role ARN the Camunda Console shows (Encryption at rest = External)",
    });
    const clusterRegion = new TerraformVariable(this, "cluster_region", {
      type: "string",
      default: "eu-central-1",
      description: "The Camunda cluster's AWS region; the key is created there",
    });
    const clusterName = new TerraformVariable(this, "cluster_name", {
      type: "string",
      default: "payments-prod",
      description: "Short name used in AWS names and tags",
    });
    const alertEmails = new TerraformVariable(this, "alert_emails", {
      type: "list(string)",
      default: ["oncall@example.com"],
      description: "Addresses subscribed to the key's alerts (each must confirm by email)",
    });

    new AwsProvider(this, "aws", { region: clusterRegion.stringValue });

    const byok = new CamundaByokKey(this, "camunda-byok", {
      camundaClusterRoleArn: roleArn.stringValue,
      clusterRegion: clusterRegion.stringValue,
      clusterName: clusterName.stringValue,
      alertEmails: alertEmails.listValue,
    });

    new TerraformOutput(this, "key_arn", {
      value: byok.keyArn,
      description: "Paste into Camunda Console > your cluster > Encryption at rest",
    });
    new TerraformOutput(this, "alias_name", { value: byok.aliasName });
    new TerraformOutput(this, "alert_topic_arn", { value: byok.alertTopicArn });
    // What the alarm's recovery steps read back: `terraform output -raw key_policy_json > policy.json`.
    new TerraformOutput(this, "key_policy_json", { value: byok.keyPolicyJson });
  }
}

if (require.main === module) {
  const app = new App();
  new CamundaByokStack(app, "camunda-byok");
  app.synth();
}
