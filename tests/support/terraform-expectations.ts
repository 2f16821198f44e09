// What the core says a deployed construct must hold, as `terraform test` assertions over the
// synthesized resources: the key policy, both event patterns and the alarm, byte for byte.
import type { TerraformResource } from "cdktf";
import { buildAccessDeniedEventPattern, buildAlarmSettings, buildEventPattern, buildKeyPolicy, type ByokInput } from "../../shared";
import { defaultAliasName, LOGICAL_IDS, monitoringNames } from "../../shared/internal";
import type { CamundaByokKey } from "../../cdktf";
import { hclString, hclValue } from "./terraform";
import { MOCK_ACCOUNT_ID, mockArns } from "./terraform-mocks";

export function terraformAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function assertion(condition: string, what: string): string {
  return `  assert {\n    condition     = ${condition}\n    error_message = ${hclString(`${what} differs from the core's`)}\n  }`;
}

/**
 * Assertions that the construct `byok`, deployed with `input` (the values its variables take),
 * holds what the core builds for the same input and the mocked provider's answers.
 */
export function coreAssertions(byok: CamundaByokKey, input: ByokInput): string[] {
  const at = (logicalId: string) => terraformAddress(byok.resources.get(logicalId)!);
  const multiRegion = input.backupRegion !== undefined;
  const policy = JSON.stringify(buildKeyPolicy({
    camundaClusterRoleArn: input.camundaClusterRoleArn,
    keyAccountId: MOCK_ACCOUNT_ID,
    keyAdministratorArns: input.keyAdministratorArns,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources,
  }));
  const names = monitoringNames(input.clusterName);
  const aliasName = input.aliasName ?? defaultAliasName(input.clusterName);
  const sites: { ids: (typeof LOGICAL_IDS)[keyof typeof LOGICAL_IDS]; region: string; key: string; topic?: string }[] = [{ ids: LOGICAL_IDS.primary, region: input.clusterRegion, key: "key", topic: input.alertTopicArn }];
  if (input.backupRegion) {
    sites.push({ ids: LOGICAL_IDS.replica, region: input.backupRegion, key: "replica key", topic: input.backupAlertTopicArn });
  }
  const assertions: string[] = [];
  for (const site of sites) {
    const arns = mockArns(site.region, multiRegion);
    assertions.push(assertion(`${at(site.ids.key)}.policy == ${hclString(policy)}`, `${site.ids.key} policy`));
    const keyEvents = buildEventPattern({ keyArn: arns.key, camundaClusterRoleArn: input.camundaClusterRoleArn, site: site.ids === LOGICAL_IDS.primary ? "primary" : "replica" });
    assertions.push(assertion(`${at(site.ids.keyEventsRule)}.event_pattern == ${hclString(JSON.stringify(keyEvents))}`, `${site.ids.keyEventsRule} pattern`));
    if (input.monitorAccessDenied !== false) {
      const denied = buildAccessDeniedEventPattern({ keyArn: arns.key, keyId: arns.keyId, aliasNames: [aliasName] });
      assertions.push(assertion(`${at(site.ids.accessDeniedRule)}.event_pattern == ${hclString(JSON.stringify(denied))}`, `${site.ids.accessDeniedRule} pattern`));
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
      const actual = `${at(site.ids.alarm)}.${snakeCase(field)}`;
      assertions.push(assertion(`jsonencode(${actual}) == jsonencode(${hclValue(value)})`, `${site.ids.alarm} ${field}`));
    }
  }
  return assertions;
}
