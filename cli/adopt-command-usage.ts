// The adopt command's help, apart from the command so that --help loads no AWS SDK.
export const ADOPT_USAGE = `Usage: camunda-byok-kms adopt --key-arn <arn> --role-arn <arn> [options]

Plans taking a key made by hand (in the KMS console, with Camunda's guide) under this package,
read-only: whether it can be adopted without replacing it (Camunda cannot follow a new key), the
Terraform import blocks, the Pulumi and CDKTF inputs, and what the first apply changes on the live
key, statement by statement. AWS credentials come from the SDK's default chain; the region from
the key ARN; AWS_ENDPOINT_URL is honoured. Calls DescribeKey, GetKeyPolicy, GetKeyRotationStatus,
ListResourceTags and ListAliases only.

Options:
  --key-arn <arn>            the key, or an alias of it, as an ARN (required)
  --role-arn <arn>           the Camunda cluster IAM role ARN the Camunda Console shows (required)
  --backup-region <region>   dual-region backups: the backup region (the key must be multi-region)
  --backup-key-arn <arn>     the key's existing replica in the backup region
  --cluster-name <name>      the package's clusterName: compares the alias, description and tags too
  --admin <arn>              a key administrator to keep (keyAdministratorArns); repeat for more
  --remove-statement <sid>   agree that the package's policy drops this live statement (its Sid, or
                             "statement <n>" for one without); repeat for more
  --module-name <name>       the Terraform module block's name (default camunda_byok)
  --json                     print the plan as JSON: { "keyArn", "keyId", "verdict", "refusals",
                             "imports", "policy", "changes", "notes" }
  -h, --help                 show this help

Exit status: 0 when the key can be adopted without replacement; 1 when it cannot (every reason
listed); 2 on a usage error, or when AWS could not be asked (no credentials, no network, a read
refused).`;
