import * as pulumi from "@pulumi/pulumi";
import type { ByokInputs, ByokOutputsSpec, ByokSpec, ResourceSpec } from "../shared";
import {
  ACCOUNT_ID,
  claimAwsNames,
  claimedAwsNames,
  collectReferences,
  describeProblem,
  PARTITION,
  referencedResource,
  type TemplateRenderer,
} from "../shared/internal";
import { adoptedKeys } from "./adopted-keys";
import { isUnknown, specKnownNow, TwoPhaseSpec } from "./two-phase-spec";
import { providerLookups } from "./provider-lookups";
import { awsProviderOf, nameRegistry } from "./provider-scope";
import { jsonString } from "./rendering";
import { RESOURCE_CLASSES, resourceArgs, type PulumiResource } from "./resources";

/**
 * The component's inputs, declared once in `ByokInputs` (see each input there): any value may be
 * a Pulumi Input (another resource's Output, a secret), except `backupRegion`, `preventDestroy`,
 * `monitorAccessDenied` and the `alertEmails` list itself, which decide which resources exist, and
 * the adoption inputs, which decide how the keys are registered.
 */
export interface CamundaByokKeyArgs
  extends ByokInputs<
    pulumi.Input<string>,
    pulumi.Input<number>,
    pulumi.Input<boolean>,
    pulumi.Input<pulumi.Input<string>[]>,
    pulumi.Input<Record<string, pulumi.Input<string>>>
  > {}

export const CAMUNDA_BYOK_KEY_TYPE = "camunda-byok-kms:index:CamundaByokKey";

/** Every output, in the core's order (ByokOutputsSpec): each is a field of the component, declared and documented below. */
const OUTPUT_NAMES = [
  "keyArn",
  "replicaKeyArn",
  "keyId",
  "aliasName",
  "keyPolicyJson",
  "eventRuleArn",
  "alarmArn",
  "alertTopicArn",
  "aliasArn",
  "accessDeniedRuleArn",
  "replicaKeyId",
  "replicaAliasName",
  "replicaAliasArn",
  "replicaAlertTopicArn",
  "replicaEventRuleArn",
  "replicaAlarmArn",
  "replicaAccessDeniedRuleArn",
] as const satisfies readonly (keyof ByokOutputsSpec)[];

/** Why an adoption takes two updates under Pulumi: its import must match the live key exactly. */
export const ADOPTION_NOTE =
  "adoptKeyId: this update imports the key as it is (Pulumi's import takes no change, so the key's policy, rotation, description and tags are left alone). Once it has succeeded, remove adoptKeyId (and adoptReplicaKeyId, adoptAliases): the next update applies the package's settings to the key in place, which `camunda-byok-kms adopt` lists.";

/**
 * The customer side of Camunda 8 SaaS Bring Your Own Key: a symmetric KMS key whose policy lets
 * the Camunda cluster role use it, its alias, and the alerts that fire when someone disables,
 * deletes or re-scopes it. Paste `keyArn` (and `replicaKeyArn`) into the Camunda Console.
 */
export class CamundaByokKey extends pulumi.ComponentResource {
  /** The key's ARN: paste it into the Camunda Console (the cluster's KMS key ARN field). */
  readonly keyArn: pulumi.Output<string>;
  /** The replica's ARN, for the Console's backup-region key field; undefined without `backupRegion`. */
  readonly replicaKeyArn: pulumi.Output<string | undefined>;
  /** The key's id (`1234abcd-...`, or `mrk-...` for a multi-region key). */
  readonly keyId: pulumi.Output<string>;
  /** The alias, `alias/camunda-byok-<clusterName>` unless `aliasName` says otherwise. */
  readonly aliasName: pulumi.Output<string>;
  /** The key policy exactly as applied, as JSON. */
  readonly keyPolicyJson: pulumi.Output<string>;
  /** The ARN of the EventBridge rule that watches the key's calls (in the cluster's region). */
  readonly eventRuleArn: pulumi.Output<string>;
  /** The ARN of the CloudWatch alarm on that rule, which notifies the alert topic. */
  readonly alarmArn: pulumi.Output<string>;
  /** The ARN of the alert topic in the cluster's region (new, or `alertTopicArn`). */
  readonly alertTopicArn: pulumi.Output<string>;
  /** The alias's ARN, for IAM policies that name the key by alias. */
  readonly aliasArn: pulumi.Output<string>;
  /** The ARN of the EventBridge rule for denied calls on the key; undefined with `monitorAccessDenied` false. */
  readonly accessDeniedRuleArn: pulumi.Output<string | undefined>;
  /** The replica's id (a replica has its primary's `mrk-` id); undefined without `backupRegion`. */
  readonly replicaKeyId: pulumi.Output<string | undefined>;
  /** The replica's alias in the backup region (the key's alias name); undefined without `backupRegion`. */
  readonly replicaAliasName: pulumi.Output<string | undefined>;
  /** The ARN of the replica's alias; undefined without `backupRegion`. */
  readonly replicaAliasArn: pulumi.Output<string | undefined>;
  /** The ARN of the alert topic in the backup region (new, or `backupAlertTopicArn`); undefined without `backupRegion`. */
  readonly replicaAlertTopicArn: pulumi.Output<string | undefined>;
  /** The ARN of the EventBridge rule that watches the replica's calls, in the backup region; undefined without `backupRegion`. */
  readonly replicaEventRuleArn: pulumi.Output<string | undefined>;
  /** The ARN of the CloudWatch alarm on the replica's rule; undefined without `backupRegion`. */
  readonly replicaAlarmArn: pulumi.Output<string | undefined>;
  /** The ARN of the rule for denied calls on the replica; undefined without `backupRegion`, or with `monitorAccessDenied` false. */
  readonly replicaAccessDeniedRuleArn: pulumi.Output<string | undefined>;

  /**
   * @param name The unique name of this component; its children are named `<name>-<role>`
   *   (`<name>-key`, ...), so renaming the cluster never renames a child.
   * @param args The inputs: see `ByokInputs`.
   * @param opts Resource options; `providers: { aws }` (or `provider`) reaches every child and the
   *   account and region look-ups.
   */
  constructor(name: string, args: CamundaByokKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Plain bad input throws here, before the component or any child is registered (see
    // two-phase-spec.ts for the two phases).
    const now = specKnownNow(args);
    // Two keys on one provider must not give AWS the same names (alias, topic, rules, alarm).
    claimAwsNames(
      nameRegistry(awsProviderOf(opts)),
      claimedAwsNames(now, args.aliasName !== undefined, isUnknown),
      `CamundaByokKey "${name}"`,
    );
    super(CAMUNDA_BYOK_KEY_TYPE, name, {}, opts);

    for (const warning of now.warnings) pulumi.log.warn(describeProblem(warning), this);
    if (args.adoptKeyId !== undefined) pulumi.log.warn(ADOPTION_NOTE, this);

    const lookups = providerLookups(this);
    const spec = new TwoPhaseSpec(now, args, lookups, this, adoptedKeys(args, this));
    const children = new Map<string, PulumiResource>();
    const renderer: TemplateRenderer<unknown> = {
      ref(name) {
        if (name === ACCOUNT_ID.$ref) return lookups.accountId;
        if (name === PARTITION.$ref) return lookups.callerArn.apply((arn) => arn.split(":")[1]);
        const { logicalId, attribute } = referencedResource(name)!;
        const child = children.get(logicalId);
        if (!child) throw new Error(`camunda-byok-kms: ${name} refers to a resource not created yet`);
        return (child as unknown as Record<string, unknown>)[attribute];
      },
      join: (parts) => pulumi.concat(...(parts as pulumi.Input<string>[])),
      json: jsonString,
    };

    // Every child waits for the full check, so a failure leaves nothing half-created: the roots
    // (the key, a new topic) wait for it explicitly, the rest through their references to them.
    for (const planned of now.resources) {
      const pick = (s: ByokSpec) =>
        (s.resources.find((r) => r.logicalId === planned.logicalId) as ResourceSpec).settings as unknown as Record<string, unknown>;
      const args = resourceArgs(planned, spec.settings(planned.settings as unknown as Record<string, unknown>, pick, renderer));
      const child = new RESOURCE_CLASSES[planned.kind](`${name}-${planned.logicalId}`, args, {
        parent: this,
        ...(collectReferences(planned.settings).some(referencedResource) ? {} : { dependsOn: spec.checked }),
        // AWS CDK retains keys by default too: a deleted key loses the cluster's data.
        ...(planned.preventDestroy ? { protect: true, retainOnDelete: true } : {}),
        // Pulumi's import refuses any difference from the live resource: the settings the package
        // would change are kept as found until adoptKeyId is removed (see ADOPTION_NOTE).
        ...(planned.adopt ? { import: planned.adopt.importId as string, ignoreChanges: [...planned.adopt.keepAsIs] } : {}),
      });
      children.set(planned.logicalId, child);
    }

    const outputs = spec.settings(
      now.outputs as unknown as Record<string, unknown>,
      (s) => s.outputs as unknown as Record<string, unknown>,
      renderer,
    );
    // Each output also waits for the check: when it fails, the outputs reject with its error on
    // every @pulumi/pulumi version (before 3.249 a child whose inputs failed never settled its own).
    // One apply each (it flattens the Output it returns and keeps that Output's secretness).
    const output = <T>(key: string) => spec.passed.apply(() => outputs[key] as pulumi.Input<T>) as pulumi.Output<T>;
    this.keyArn = output<string>("keyArn");
    this.replicaKeyArn = output<string | undefined>("replicaKeyArn");
    this.keyId = output<string>("keyId");
    this.aliasName = output<string>("aliasName");
    this.keyPolicyJson = output<string>("keyPolicyJson");
    this.eventRuleArn = output<string>("eventRuleArn");
    this.alarmArn = output<string>("alarmArn");
    this.alertTopicArn = output<string>("alertTopicArn");
    this.aliasArn = output<string>("aliasArn");
    this.accessDeniedRuleArn = output<string | undefined>("accessDeniedRuleArn");
    this.replicaKeyId = output<string | undefined>("replicaKeyId");
    this.replicaAliasName = output<string | undefined>("replicaAliasName");
    this.replicaAliasArn = output<string | undefined>("replicaAliasArn");
    this.replicaAlertTopicArn = output<string | undefined>("replicaAlertTopicArn");
    this.replicaEventRuleArn = output<string | undefined>("replicaEventRuleArn");
    this.replicaAlarmArn = output<string | undefined>("replicaAlarmArn");
    this.replicaAccessDeniedRuleArn = output<string | undefined>("replicaAccessDeniedRuleArn");
    this.registerOutputs(Object.fromEntries(OUTPUT_NAMES.map((name) => [name, this[name]])));
  }
}
