import * as pulumi from "@pulumi/pulumi";
import {
  buildByokSpec,
  ByokValidationError,
  referencedResource,
  renderTemplate,
  type ByokInput,
  type ByokSpec,
  type ResourceSpec,
  type TemplateRenderer,
} from "../shared";
import { claimAwsNames, claimedAwsNames } from "../shared/aws-names";
import { DeployTimeByokError } from "./deploy-time-error";
import { deploymentFacts } from "./deployment-facts";
import { dependsOnPending, isUnresolved, knownNow } from "./pending-inputs";
import { awsProviderOf, nameRegistry } from "./provider-scope";
import { jsonString, refersToResource } from "./rendering";
import { RESOURCE_CLASSES, resourceArgs, type PulumiResource } from "./resources";

/** `ByokInput` with Pulumi Inputs; see `ByokInput` in the core for what each input means. */
export interface CamundaByokKeyArgs {
  /** The Camunda cluster IAM role ARN from the Camunda Console (may be a secret or another stack's output). */
  camundaClusterRoleArn: pulumi.Input<string>;
  /** The cluster's AWS region; the provider's region must be the same. */
  clusterRegion: pulumi.Input<string>;
  /** Short identifier used in AWS names and tags; changing it never replaces the key. */
  clusterName: pulumi.Input<string>;
  /**
   * Dual-region backups: a multi-region key with a replica in this region. A plain string, as it
   * decides which resources exist; choose it up front (adding it later replaces the key).
   * @default none
   */
  backupRegion?: string;
  /** Principals that may manage the key (no cryptographic action, but see `ByokInput.keyAdministratorArns`). @default [] */
  keyAdministratorArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** The account-root `kms:*` statement of Camunda's published policy. @default true */
  enableDefaultAccountAccess?: pulumi.Input<boolean>;
  /** Camunda's grant actions only with `kms:GrantIsForAWSResource`. @default false */
  restrictGrantsToAwsResources?: pulumi.Input<boolean>;
  /** @default `alias/camunda-byok-<clusterName>` */
  aliasName?: pulumi.Input<string>;
  /** 7 to 30. @default 30 */
  deletionWindowInDays?: pulumi.Input<number>;
  /** @default true */
  enableKeyRotation?: pulumi.Input<boolean>;
  /** 90 to 2560. @default 365 */
  rotationPeriodInDays?: pulumi.Input<number>;
  /** `protect: true` on the key and the replica; a resource option, so a plain boolean. @default true */
  preventDestroy?: boolean;
  /** Email subscriptions to a new alert topic; the list's length decides how many. @default [] */
  alertEmails?: pulumi.Input<string>[];
  /** An existing SNS topic in `clusterRegion` instead of a new one. @default none */
  alertTopicArn?: pulumi.Input<string>;
  /** With `alertTopicArn` and `backupRegion`: the existing topic in `backupRegion`. @default none */
  backupAlertTopicArn?: pulumi.Input<string>;
  /** CloudTrail event names that raise an alert. @default DisableKey, ScheduleKeyDeletion, PutKeyPolicy, DisableKeyRotation, UpdatePrimaryRegion */
  monitoredEventNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** A rule alerting on denied KMS calls against the key; decides whether it exists, so plain. @default true */
  monitorAccessDenied?: boolean;
  /** Merged with the package's own tags. @default {} */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export const CAMUNDA_BYOK_KEY_TYPE = "camunda-byok-kms:index:CamundaByokKey";

/**
 * The customer side of Camunda 8 SaaS Bring Your Own Key: a symmetric KMS key whose policy lets
 * the Camunda cluster role use it, its alias, and the alerts that fire when someone disables,
 * deletes or re-scopes it. Paste `keyArn` (and `replicaKeyArn`) into the Camunda Console.
 */
export class CamundaByokKey extends pulumi.ComponentResource {
  /** The key ARN to paste into the Camunda Console. */
  readonly keyArn: pulumi.Output<string>;
  /** The replica's ARN, the Console's second field with dual-region backups; undefined without `backupRegion`. */
  readonly replicaKeyArn: pulumi.Output<string | undefined>;
  readonly keyId: pulumi.Output<string>;
  readonly aliasName: pulumi.Output<string>;
  /** The key policy exactly as applied. */
  readonly keyPolicyJson: pulumi.Output<string>;
  readonly eventRuleArn: pulumi.Output<string>;
  readonly alarmArn: pulumi.Output<string>;
  readonly alertTopicArn: pulumi.Output<string>;

  constructor(name: string, args: CamundaByokKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Plain bad input throws here, before the component or any child is registered.
    const layout = buildByokSpec(knownNow(args) as ByokInput, { isUnresolved });
    if (layout.resources.some((resource) => resource.forEach !== undefined)) {
      // Pulumi must know how many subscriptions to register; the addresses may be Outputs.
      throw new ByokValidationError([
        { input: "alertEmails", message: "must be a list (its elements may be Outputs), not an Output of a list" },
      ]);
    }
    // Two keys on one provider must not give AWS the same names (alias, topic, rules, alarm).
    const names = claimedAwsNames(layout, args.aliasName !== undefined, isUnresolved);
    claimAwsNames(nameRegistry(awsProviderOf(opts)), names, `CamundaByokKey "${name}"`);
    super(CAMUNDA_BYOK_KEY_TYPE, name, {}, opts);

    for (const warning of layout.warnings) pulumi.log.warn(`${warning.input} ${warning.message}`, this);

    const facts = deploymentFacts(this);
    const spec: pulumi.Output<ByokSpec> = pulumi
      .all([pulumi.output(args as pulumi.Inputs), facts.accountId, facts.region, facts.callerArn])
      .apply(([input, accountId, region, deployerArn]) => {
        try {
          return buildByokSpec(input as unknown as ByokInput, { keyAccountId: accountId, providerRegion: region, deployerArn });
        } catch (error) {
          throw error instanceof ByokValidationError ? new DeployTimeByokError(error, this) : error;
        }
      });

    const children = new Map<string, PulumiResource>();
    const renderer: TemplateRenderer<unknown> = {
      ref(name) {
        if (name === "account.id") return facts.accountId;
        if (name === "partition.name") return facts.callerArn.apply((arn) => arn.split(":")[1]);
        const { logicalId, attribute } = referencedResource(name)!;
        const child = children.get(logicalId);
        if (!child) throw new Error(`camunda-byok-kms: ${name} refers to a resource not created yet`);
        return (child as unknown as Record<string, unknown>)[attribute];
      },
      join: (parts) => pulumi.concat(...(parts as pulumi.Input<string>[])),
      json: jsonString,
    };
    const render = (value: unknown) => pulumi.output(renderTemplate(value, renderer));

    // Every child waits for the full check (provider region, deploying account, values that were
    // Outputs), so a failure leaves nothing half-created: the roots (the key, a new topic) wait
    // for it explicitly, the rest through their references to the roots.
    const checked = spec.apply(() => [] as pulumi.Resource[]);

    // Settings known at construction are passed as they are; only those that involve an Output
    // input come from the spec built at deploy time. Fewer Outputs, and a secret input makes only
    // the settings derived from it secret.
    const settingsOf = (pick: (s: ByokSpec) => Record<string, unknown>, planned: Record<string, unknown>) => {
      let live: pulumi.Output<Record<string, unknown>> | undefined;
      const settings: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(planned)) {
        if (dependsOnPending(value)) {
          live ??= spec.apply((s) => render(pick(s))) as pulumi.Output<Record<string, unknown>>;
          settings[key] = live.apply((values) => values[key]);
        } else {
          settings[key] = renderTemplate(value, renderer);
        }
      }
      return settings;
    };

    for (const planned of layout.resources) {
      const pick = (s: ByokSpec) => (s.resources.find((r) => r.logicalId === planned.logicalId) as ResourceSpec).settings as unknown as Record<string, unknown>;
      const args = resourceArgs(planned, settingsOf(pick, planned.settings as unknown as Record<string, unknown>));
      const child = new RESOURCE_CLASSES[planned.kind](`${name}-${planned.logicalId}`, args, {
        parent: this,
        ...(refersToResource(planned.settings) ? {} : { dependsOn: checked }),
        ...(planned.preventDestroy ? { protect: true } : {}),
      });
      children.set(planned.logicalId, child);
    }

    const outputs = settingsOf((s) => s.outputs as unknown as Record<string, unknown>, layout.outputs as unknown as Record<string, unknown>);
    // Each output also waits for the check: when it fails, the outputs reject with its error on
    // every @pulumi/pulumi version (before 3.249 a child whose inputs failed never settled its own).
    // The gate carries pass or fail only: a secret input must not make every output secret.
    const passed = pulumi.unsecret(spec.apply(() => true));
    const output = <T>(key: string) => pulumi.all([passed, outputs[key] as pulumi.Input<T>]).apply(([, value]) => value) as pulumi.Output<T>;
    this.keyArn = output<string>("keyArn");
    this.replicaKeyArn = output<string | undefined>("replicaKeyArn");
    this.keyId = output<string>("keyId");
    this.aliasName = output<string>("aliasName");
    this.keyPolicyJson = output<string>("keyPolicyJson");
    this.eventRuleArn = output<string>("eventRuleArn");
    this.alarmArn = output<string>("alarmArn");
    this.alertTopicArn = output<string>("alertTopicArn");
    this.registerOutputs({
      keyArn: this.keyArn,
      replicaKeyArn: this.replicaKeyArn,
      keyId: this.keyId,
      aliasName: this.aliasName,
      keyPolicyJson: this.keyPolicyJson,
      eventRuleArn: this.eventRuleArn,
      alarmArn: this.alarmArn,
      alertTopicArn: this.alertTopicArn,
    });
  }
}
