// AWS's answers for a healthy Camunda BYOK key, shaped as the API references' examples, for
// aws-sdk-client-mock. Tests change one answer at a time.
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  LookupEventsCommand,
} from "@aws-sdk/client-cloudtrail";
import {
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListGrantsCommand } from "@aws-sdk/client-kms";
import { ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { buildEventPattern, buildKeyPolicy } from "../../shared";
import { CAMUNDA_ROLE_ARN } from "./fixtures";

export const ACCOUNT = "111122223333";
export const KEY_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";
export const KEY_ARN = `arn:aws:kms:eu-central-1:${ACCOUNT}:key/${KEY_ID}`;
export const REPLICA_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${KEY_ID}`;
export const TOPIC_ARN = `arn:aws:sns:eu-central-1:${ACCOUNT}:camunda-byok-payments-prod-alerts`;
const CAMUNDA_ACCOUNT = CAMUNDA_ROLE_ARN.split(":")[4];

export function keyMetadata(arn = KEY_ARN, overrides: Record<string, unknown> = {}) {
  const region = arn.split(":")[3];
  return {
    AWSAccountId: ACCOUNT,
    KeyId: KEY_ID,
    Arn: arn,
    CreationDate: new Date("2026-01-10T09:00:00Z"),
    Enabled: true,
    Description: "Camunda 8 SaaS BYOK key for cluster payments-prod (encrypts its disks, backups and documents)",
    KeyUsage: "ENCRYPT_DECRYPT",
    KeyState: "Enabled",
    Origin: "AWS_KMS",
    KeyManager: "CUSTOMER",
    CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
    KeySpec: "SYMMETRIC_DEFAULT",
    EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
    MultiRegion: true,
    MultiRegionConfiguration: {
      MultiRegionKeyType: region === "eu-central-1" ? "PRIMARY" : "REPLICA",
      PrimaryKey: { Arn: KEY_ARN, Region: "eu-central-1" },
      ReplicaKeys: [{ Arn: REPLICA_ARN, Region: "eu-west-1" }],
    },
    ...overrides,
  } as any;
}

export const POLICY = JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: ACCOUNT }));

export function mockHealthyAws() {
  const kms = mockClient(KMSClient);
  const cloudtrail = mockClient(CloudTrailClient);
  const events = mockClient(EventBridgeClient);
  const cloudwatch = mockClient(CloudWatchClient);
  const sns = mockClient(SNSClient);
  const organizations = mockClient(OrganizationsClient);
  // The account in one OU under the root, which carries only AWS's default RCP (Organizations API reference).
  organizations
    .on(ListParentsCommand, { ChildId: ACCOUNT })
    .resolves({ Parents: [{ Id: "ou-ab12-11111111", Type: "ORGANIZATIONAL_UNIT" }] });
  organizations.on(ListParentsCommand, { ChildId: "ou-ab12-11111111" }).resolves({ Parents: [{ Id: "r-ab12", Type: "ROOT" }] });
  organizations.on(ListPoliciesForTargetCommand).resolves({ Policies: [] });
  organizations
    .on(ListPoliciesForTargetCommand, { TargetId: "r-ab12" })
    .resolves({ Policies: [{ Id: "p-RCPFullAWSAccess", Name: "RCPFullAWSAccess", Type: "RESOURCE_CONTROL_POLICY", AwsManaged: true }] });
  organizations.on(DescribePolicyCommand, { PolicyId: "p-RCPFullAWSAccess" }).resolves({
    Policy: {
      PolicySummary: { Id: "p-RCPFullAWSAccess", Name: "RCPFullAWSAccess", AwsManaged: true },
      Content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }),
    },
  });
  kms
    .on(DescribeKeyCommand)
    .callsFake((input: { KeyId: string }) => ({ KeyMetadata: keyMetadata(input.KeyId.includes("eu-west-1") ? REPLICA_ARN : KEY_ARN) }));
  kms.on(GetKeyPolicyCommand).resolves({ Policy: POLICY, PolicyName: "default" });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, KeyId: KEY_ARN, RotationPeriodInDays: 365 });
  kms.on(ListGrantsCommand).resolves({
    Grants: [
      {
        KeyId: KEY_ARN,
        GrantId: "0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60",
        Name: "",
        CreationDate: new Date("2026-01-10T10:00:00Z"),
        GranteePrincipal: `arn:aws:sts::${CAMUNDA_ACCOUNT}:assumed-role/aws:ec2-infrastructure/i-0123456789abcdef0`,
        IssuingAccount: `arn:aws:iam::${CAMUNDA_ACCOUNT}:root`,
        Operations: ["Decrypt"],
        Constraints: { EncryptionContextSubset: { "aws:ebs:id": "vol-0123456789abcdef0" } },
      },
    ],
    Truncated: false,
  });
  cloudtrail.on(DescribeTrailsCommand).resolves({
    trailList: [
      {
        Name: "management-events",
        TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`,
        HomeRegion: "us-east-1",
        IsMultiRegionTrail: true,
        S3BucketName: "aws-cloudtrail-logs-111122223333",
        IncludeGlobalServiceEvents: true,
        IsOrganizationTrail: false,
      },
    ],
  });
  // Camunda decrypted with the key 3 hours ago: an event as CloudTrail's LookupEvents returns it,
  // the record the owner's account gets of a call from another account (userIdentity AWSAccount).
  cloudtrail.on(LookupEventsCommand).callsFake((input: { EndTime?: Date }) => ({
    Events: [camundaEvent(new Date((input.EndTime ?? new Date()).getTime() - 3 * 3_600_000))],
  }));
  cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true, LatestDeliveryTime: new Date("2026-11-29T07:00:00Z") });
  cloudtrail.on(GetEventSelectorsCommand).resolves({
    TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`,
    EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
  });
  events.on(ListRulesCommand).resolves({
    Rules: [
      {
        Name: "camunda-byok-payments-prod-key-events",
        Arn: `arn:aws:events:eu-central-1:${ACCOUNT}:rule/camunda-byok-payments-prod-key-events`,
        EventPattern: JSON.stringify(
          buildEventPattern({ keyArn: KEY_ARN, keyId: KEY_ARN.split("/")[1], camundaClusterRoleArn: CAMUNDA_ROLE_ARN }),
        ),
        State: "ENABLED",
        EventBusName: "default",
      },
      // The replica's rule, in eu-west-1 (the mocked client answers every region alike).
      {
        Name: "camunda-byok-payments-prod-key-events",
        Arn: `arn:aws:events:eu-west-1:${ACCOUNT}:rule/camunda-byok-payments-prod-key-events`,
        EventPattern: JSON.stringify(
          buildEventPattern({ keyArn: REPLICA_ARN, keyId: REPLICA_ARN.split("/")[1], camundaClusterRoleArn: CAMUNDA_ROLE_ARN }),
        ),
        State: "ENABLED",
        EventBusName: "default",
      },
      {
        Name: "camunda-byok-other-cluster-key-events",
        Arn: `arn:aws:events:eu-central-1:${ACCOUNT}:rule/camunda-byok-other-cluster-key-events`,
        EventPattern: JSON.stringify(buildEventPattern({ keyArn: KEY_ARN.replace("mrk-1234", "mrk-ffff") })),
        State: "DISABLED",
        EventBusName: "default",
      },
    ],
  });
  events.on(ListTargetsByRuleCommand).resolves({ Targets: [{ Id: "camunda-byok-alerts", Arn: TOPIC_ARN }] });
  cloudwatch.on(DescribeAlarmsCommand).resolves({
    MetricAlarms: [
      {
        AlarmName: "camunda-byok-payments-prod-key-deletion",
        StateValue: "OK",
        ActionsEnabled: true,
        MetricName: "TriggeredRules",
        Namespace: "AWS/Events",
        Dimensions: [{ Name: "RuleName", Value: "camunda-byok-payments-prod-key-events" }],
      },
    ],
  });
  // No failed delivery: each query's one daily datapoint is 0 (CloudWatch API reference, GetMetricData).
  cloudwatch.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: { Id: string }[] }) => ({
    MetricDataResults: input.MetricDataQueries.map((query) => ({
      Id: query.Id,
      Label: "FailedInvocations",
      StatusCode: "Complete",
      Timestamps: [],
      Values: [],
    })),
  }));
  sns.on(ListSubscriptionsByTopicCommand).resolves({
    Subscriptions: [
      {
        SubscriptionArn: `${TOPIC_ARN}:5f7c5e2d-0b5e-4a5d-9c2e-1d1f1a7b8c9d`,
        Owner: ACCOUNT,
        Protocol: "email",
        Endpoint: "oncall@example.com",
        TopicArn: TOPIC_ARN,
      },
    ],
  });
  return { kms, cloudtrail, events, cloudwatch, sns, organizations, all: [kms, cloudtrail, events, cloudwatch, sns, organizations] };
}

/** A LookupEvents entry for a Decrypt by Camunda's account on the key (CloudTrail API reference, Event). */
export function camundaEvent(time: Date, overrides: Record<string, unknown> = {}) {
  const record = {
    eventVersion: "1.08",
    userIdentity: { type: "AWSAccount", principalId: "AROAEXAMPLECAMUNDA:camunda", accountId: CAMUNDA_ACCOUNT },
    eventTime: time.toISOString(),
    eventSource: "kms.amazonaws.com",
    eventName: "Decrypt",
    awsRegion: "eu-central-1",
    requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT" },
    resources: [{ accountId: ACCOUNT, type: "AWS::KMS::Key", ARN: KEY_ARN }],
    readOnly: true,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    sharedEventID: "dce1c7a0-0000-4000-8000-000000000001",
    eventCategory: "Management",
    ...overrides,
  };
  return {
    EventId: "11111111-2222-3333-4444-555555555555",
    EventName: record.eventName,
    ReadOnly: "true",
    EventTime: time,
    EventSource: "kms.amazonaws.com",
    Resources: [{ ResourceType: "AWS::KMS::Key", ResourceName: KEY_ARN }],
    CloudTrailEvent: JSON.stringify(record),
  };
}
