// What the core says a deployment must hold, as `terraform test` assertions over the deployed
// resources: the key policy, both event patterns and the alarm, byte for byte as sent to AWS.
import type { TerraformResource } from "cdktf";
import {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildEventPattern,
  buildKeyPolicy,
  buildMonitoringChangesPattern,
  type ByokInput,
} from "../../shared";
import { defaultAliasName, LOGICAL_IDS, monitoringNames, resourcePrefix } from "../../shared/internal";
import type { CamundaByokKey } from "../../cdktf";
import { hclString, hclValue } from "./terraform";
import { MOCK_ACCOUNT_ID, mockArns } from "../../scripts/harness/terraform-mocks";

export function terraformAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function assertion(condition: string, what: string): string {
  return `  assert {\n    condition     = ${condition}\n    error_message = ${hclString(`${what} differs from the core's`)}\n  }`;
}

/** One attribute the core decides: a JSON document (policy, pattern) or a plain value. */
export interface CoreExpectation {
  logicalId: string;
  attribute: string;
  what: string;
  document?: unknown;
  value?: unknown;
}

/** What the core says the resources deployed for `input` hold, given the mocked provider's answers. */
export function coreExpectations(input: ByokInput): CoreExpectation[] {
  const multiRegion = input.backupRegion !== undefined;
  const policy = buildKeyPolicy({
    camundaClusterRoleArn: input.camundaClusterRoleArn,
    keyAccountId: MOCK_ACCOUNT_ID,
    keyAdministratorArns: input.keyAdministratorArns,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources,
    preventDestroy: input.preventDestroy,
    keyDeletionAllowedArns: input.keyDeletionAllowedArns,
  });
  const names = monitoringNames(input.clusterName);
  const aliasName = input.aliasName ?? defaultAliasName(input.clusterName);
  const sites: { ids: (typeof LOGICAL_IDS)[keyof typeof LOGICAL_IDS]; region: string; key: string; topic?: string }[] = [
    { ids: LOGICAL_IDS.primary, region: input.clusterRegion, key: "key", topic: input.alertTopicArn },
  ];
  if (input.backupRegion) {
    sites.push({ ids: LOGICAL_IDS.replica, region: input.backupRegion, key: "replica key", topic: input.backupAlertTopicArn });
  }
  const expectations: CoreExpectation[] = [];
  for (const site of sites) {
    const arns = mockArns(site.region, multiRegion);
    expectations.push({ logicalId: site.ids.key, attribute: "policy", what: `${site.ids.key} policy`, document: policy });
    const keyEvents = buildEventPattern({
      keyArn: arns.key,
      keyId: arns.keyId,
      camundaClusterRoleArn: input.camundaClusterRoleArn,
      monitoredEventNames: input.monitoredEventNames,
      monitoringChangesRuleName: names.monitoringChangesRule,
    });
    expectations.push({
      logicalId: site.ids.keyEventsRule,
      attribute: "event_pattern",
      what: `${site.ids.keyEventsRule} pattern`,
      document: keyEvents,
    });
    expectations.push({
      logicalId: site.ids.monitoringChangesRule,
      attribute: "event_pattern",
      what: `${site.ids.monitoringChangesRule} pattern`,
      document: buildMonitoringChangesPattern({
        namePrefix: `${resourcePrefix(input.clusterName)}-`,
        alertTopicArn: site.topic ?? arns.topic,
      }),
    });
    if (input.monitorAccessDenied !== false) {
      const denied = buildAccessDeniedEventPattern({ keyArn: arns.key, keyId: arns.keyId, aliasNames: [aliasName] });
      expectations.push({
        logicalId: site.ids.accessDeniedRule,
        attribute: "event_pattern",
        what: `${site.ids.accessDeniedRule} pattern`,
        document: denied,
      });
    }
    const alarm = buildAlarmSettings({
      alarmName: names.alarm,
      ruleName: names.keyEventsRule,
      alertTopicArn: site.topic ?? arns.topic,
      keyDescription: `the Camunda BYOK ${site.key} of cluster ${input.clusterName}`,
      keyArn: arns.key,
      region: site.region,
    });
    for (const [field, value] of Object.entries(alarm)) {
      expectations.push({ logicalId: site.ids.alarm, attribute: snakeCase(field), what: `${site.ids.alarm} ${field}`, value });
    }
  }
  return expectations;
}

/**
 * The expectations as `terraform test` assertions: `address` names each logical id's resource,
 * `serialize` writes a document as the engine sends it to AWS.
 */
export function expectationAssertions(
  expectations: CoreExpectation[],
  address: (logicalId: string) => string,
  serialize: (document: unknown) => string,
): string[] {
  return expectations.map((expected) => {
    const actual = `${address(expected.logicalId)}.${expected.attribute}`;
    if (expected.document !== undefined) return assertion(`${actual} == ${hclString(serialize(expected.document))}`, expected.what);
    return assertion(`jsonencode(${actual}) == jsonencode(${hclValue(expected.value)})`, expected.what);
  });
}

/**
 * Assertions that the construct `byok`, deployed with `input` (the values its variables take),
 * holds what the core builds for the same input and the mocked provider's answers, byte for byte.
 */
export function coreAssertions(byok: CamundaByokKey, input: ByokInput): string[] {
  return expectationAssertions(
    coreExpectations(input),
    (logicalId) => terraformAddress(byok.resources.get(logicalId)!),
    (document) => JSON.stringify(document),
  );
}

/** JSON as Terraform's jsonencode writes it: object keys sorted, `<`, `>` and `&` escaped. */
export function terraformJson(value: unknown): string {
  const sorted = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sorted);
    if (typeof item === "object" && item !== null) {
      return Object.fromEntries(
        Object.keys(item)
          .sort()
          .map((key) => [key, sorted((item as Record<string, unknown>)[key])]),
      );
    }
    return item;
  };
  return JSON.stringify(sorted(value)).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
