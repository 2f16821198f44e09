// The verify command's help, apart from the command so that --help loads no AWS SDK.
export const VERIFY_USAGE = `Usage: camunda-byok-kms verify --key-arn <arn> --role-arn <arn> [options]

Checks a live Camunda BYOK key, read-only: that it exists and is enabled, symmetric and customer
managed, in the cluster's region; that its policy lets the Camunda role do everything Camunda
needs; rotation; that Camunda uses it (grants); that CloudTrail logs KMS calls in its region; and
the alerts this package deploys. AWS credentials come from the SDK's default chain (AWS_PROFILE,
environment, SSO, instance role); the region from the key ARN; AWS_ENDPOINT_URL is honoured.

Options:
  --key-arn <arn>          the key, or an alias of it, as an ARN (required)
  --role-arn <arn>         the Camunda cluster IAM role ARN the Camunda Console shows (required)
  --backup-key-arn <arn>   the replica, with dual-region backups
  --cluster-region <name>  the Camunda cluster's region (the key must be there)
  --json                   print the report as JSON: { "keyArn", "checks": [{ "id", "status", "message", "fix"? }] }
  --strict                 exit 1 on warnings and skipped checks too
  -h, --help               show this help

Exit status: 0 when no check failed; 1 when one did (or, with --strict, warned or was skipped);
2 on a usage error, or when AWS could not be asked at all (no credentials, no network).`;
