// The mocked AWS provider of the Terraform suites: what AWS would answer, per provider and region,
// and the HCL blocks that make `terraform test` use it instead of AWS.
import { hclValue } from "./terraform";

export const MOCK_ACCOUNT_ID = "111122223333";
export const MOCK_DEPLOYER_ARN = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/deployer`;
export const MOCK_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const MOCK_MULTI_REGION_KEY_ID = `mrk-${MOCK_KEY_ID.replace(/-/g, "")}`;

/** The ARNs the mocked provider gives each kind of resource in `region`. */
export function mockArns(region: string, multiRegion = false) {
  const keyId = multiRegion ? MOCK_MULTI_REGION_KEY_ID : MOCK_KEY_ID;
  return {
    keyId,
    key: `arn:aws:kms:${region}:${MOCK_ACCOUNT_ID}:key/${keyId}`,
    topic: `arn:aws:sns:${region}:${MOCK_ACCOUNT_ID}:camunda-byok-alerts`,
    rule: `arn:aws:events:${region}:${MOCK_ACCOUNT_ID}:rule/camunda-byok-rule`,
    alarm: `arn:aws:cloudwatch:${region}:${MOCK_ACCOUNT_ID}:alarm:camunda-byok-alarm`,
  };
}

type Config = Record<string, any>;

/** Who deploys: what sts:GetCallerIdentity says, and the IAM role or user the session context resolves it to. */
export interface MockDeployer {
  callerArn?: string;
  /** For an assumed role, the role's ARN with its IAM path, as aws_iam_session_context gives it. */
  issuerArn?: string;
}

/** A provider block's region, reading a variable's default where the region is a variable. */
function providerRegion(config: Config, provider: Config): string {
  const region = String(provider.region ?? "");
  const variable = /^\$\{var\.([\w-]+)\}$/.exec(region);
  if (variable) return String(config.variable?.[variable[1]]?.default);
  return region;
}

/**
 * One `mock_provider "aws"` block per provider configuration of `config` (the default one and
 * each alias), answering for that provider's region. `awsProviderMajor` picks the region
 * look-up's attributes: 5.x has `name`, 6.x `region`; both have `id`.
 */
export function mockProviderBlocks(config: Config, awsProviderMajor: number, deployer: MockDeployer = {}): string {
  const providers: Config[] = config.provider?.aws ?? [{}];
  const multiRegion = Object.values<Config>(config.resource?.aws_kms_key ?? {}).some((key) => key.multi_region === true);
  return providers
    .map((provider) =>
      mockProviderBlock({ region: providerRegion(config, provider), alias: provider.alias, multiRegion, awsProviderMajor, deployer }),
    )
    .join("\n\n");
}

/** One `mock_provider "aws"` block: what AWS answers through a provider configured for `region`. */
export function mockProviderBlock(options: {
  region: string;
  alias?: string;
  multiRegion: boolean;
  awsProviderMajor: number;
  deployer?: MockDeployer;
}): string {
  const { region, alias, multiRegion, awsProviderMajor, deployer = {} } = options;
  const arns = mockArns(region, multiRegion);
  const regionAttributes = awsProviderMajor >= 6 ? { id: region, region } : { id: region, name: region };
  const data: Record<string, object> = {
    aws_caller_identity: { account_id: MOCK_ACCOUNT_ID, arn: deployer.callerArn ?? MOCK_DEPLOYER_ARN, user_id: "AROAEXAMPLE" },
    aws_partition: { partition: "aws", dns_suffix: "amazonaws.com" },
    aws_region: regionAttributes,
    aws_iam_session_context: {
      issuer_arn: deployer.issuerArn ?? deployer.callerArn ?? MOCK_DEPLOYER_ARN,
      issuer_name: "deployer",
      issuer_id: "AROAEXAMPLE",
      session_name: "",
    },
  };
  const resources: Record<string, object> = {
    aws_kms_key: { arn: arns.key, key_id: arns.keyId },
    aws_kms_replica_key: { arn: arns.key, key_id: arns.keyId },
    aws_sns_topic: { arn: arns.topic },
    aws_cloudwatch_event_rule: { arn: arns.rule },
    aws_cloudwatch_metric_alarm: { arn: arns.alarm },
  };
  const lines = [`mock_provider "aws" {`];
  if (alias) lines.push(`  alias = ${hclValue(alias)}`);
  for (const [type, defaults] of Object.entries(data)) lines.push(`  mock_data "${type}" {\n    defaults = ${hclValue(defaults)}\n  }`);
  for (const [type, defaults] of Object.entries(resources))
    lines.push(`  mock_resource "${type}" {\n    defaults = ${hclValue(defaults)}\n  }`);
  lines.push("}");
  return lines.join("\n");
}
