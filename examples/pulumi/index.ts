import * as pulumi from "@pulumi/pulumi";
import { CamundaByokKey } from "camunda-byok-kms/pulumi";

const config = new pulumi.Config();

const byok = new CamundaByokKey("camunda-byok", {
  camundaClusterRoleArn: config.require("camundaClusterRoleArn"),
  clusterRegion: config.require("clusterRegion"),
  clusterName: config.require("clusterName"),
  // Dual-region backups need a replica: decide before the first `pulumi up`.
  backupRegion: config.get("backupRegion"),
  keyAdministratorArns: config.getObject<string[]>("keyAdministratorArns"),
  alertEmails: config.getObject<string[]>("alertEmails") ?? [],
});

export const keyArn = byok.keyArn;
// The Console's second key field, for dual-region backups; null for a single-region key.
export const replicaKeyArn = byok.replicaKeyArn.apply((arn) => arn ?? null);
export const aliasName = byok.aliasName;
export const alertTopicArn = byok.alertTopicArn;
// What the alarm's recovery steps read back: `pulumi stack output keyPolicyJson --show-secrets > policy.json`.
export const keyPolicyJson = byok.keyPolicyJson;
export const consoleHint = pulumi.interpolate`Camunda Console > your cluster > Encryption at rest: paste ${byok.keyArn} as the KMS key ARN`;
