"""One Camunda 8 SaaS cluster's BYOK key, from a Pulumi Python program.

`pulumi package add <this repository>.git/pulumi@<version>` generates the SDK imported below
(pulumi_camunda_byok_kms) from the component's schema; see the README.
"""
import pulumi
import pulumi_camunda_byok_kms as camunda_byok_kms

config = pulumi.Config()

byok = camunda_byok_kms.CamundaByokKey(
    "camunda-byok",
    camunda_cluster_role_arn=config.require_secret("camundaClusterRoleArn"),
    cluster_region=config.require("clusterRegion"),
    cluster_name=config.require("clusterName"),
    # Decide on dual-region backups before the first `pulumi up` (backup_region="eu-west-1", say).
    alert_emails=[config.require("alertEmail")],
    deletion_window_in_days=30,
    tags={"team": "payments"},
)

# Paste into the Camunda Console: your cluster > Encryption at rest > KMS key ARN.
pulumi.export("keyArn", byok.key_arn)
pulumi.export("aliasName", byok.alias_name)
# What the alarm's recovery steps read back: `pulumi stack output keyPolicyJson --show-secrets`.
pulumi.export("keyPolicyJson", byok.key_policy_json)
