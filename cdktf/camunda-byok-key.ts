import {
  Annotations,
  Fn,
  TerraformIterator,
  TerraformStack,
  Token,
  type TerraformProvider,
  type TerraformResource,
  type TerraformResourceLifecycle,
} from "cdktf";
import { Construct } from "constructs";
import { buildByokSpec, type ByokInput, ByokValidationError } from "../shared";
import {
  ACCOUNT_ID,
  claimAwsNames,
  claimedAwsNames,
  collectReferences,
  DEPLOYER_ARN,
  DOCUMENT_LISTS,
  describeProblem,
  EACH_VALUE,
  PARTITION,
  PROVIDER_REGION,
  referencedResource,
  renderTemplate,
  type TemplateRenderer,
  undecidedInputs,
} from "../shared/internal";
import { AdoptedKeyReads } from "./adopted-keys";
import { keyPreconditions } from "./preconditions";
import { awsProviderOf, literalRegion, nameRegistry } from "./provider-scope";
import { RESOURCE_CLASSES, resourceConfig } from "./resources";
import { providerLookups, type ProviderLookups } from "./provider-lookups";

/**
 * The construct's inputs, declared once in `ByokInputs` (see each input there): any string may be
 * a Terraform token (a `TerraformVariable`'s value, another resource's attribute) and any number a
 * `Token.asNumber`; checks on them become preconditions on the key. Plus the AWS provider to use.
 */
export interface CamundaByokKeyProps extends ByokInput {
  /**
   * The AWS provider for the key and everything around it; its region must be `clusterRegion`
   * (a literal region is checked at synth, any other by a precondition). Lets one stack hold
   * clusters in several regions.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** The attributes of each resource that other settings or the outputs refer to. */
function referencedAttributes(spec: unknown): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const target of collectReferences(spec).map(referencedResource)) {
    if (!target) continue;
    const attributes = found.get(target.logicalId) ?? [];
    if (!attributes.includes(target.attribute)) attributes.push(target.attribute);
    found.set(target.logicalId, attributes);
  }
  return found;
}

/**
 * The customer side of Camunda 8 SaaS Bring Your Own Key: a symmetric KMS key whose policy lets
 * the Camunda cluster role use it, its alias, and the alerts that fire when someone disables,
 * deletes or re-scopes it. Paste `keyArn` (and `replicaKeyArn`) into the Camunda Console.
 */
export class CamundaByokKey extends Construct {
  /** The key's ARN (a Terraform reference): paste it into the Camunda Console. */
  readonly keyArn: string;
  /** The replica's ARN, for the Console's backup-region key field; undefined without `backupRegion`. */
  readonly replicaKeyArn?: string;
  /** The key's id (`1234abcd-...`, or `mrk-...` for a multi-region key). */
  readonly keyId: string;
  /** The alias, `alias/camunda-byok-<clusterName>` unless `aliasName` says otherwise. */
  readonly aliasName: string;
  /** The key policy exactly as applied (with the account id as a Terraform reference). */
  readonly keyPolicyJson: string;
  /** The ARN of the EventBridge rule that watches the key's calls (in the cluster's region). */
  readonly eventRuleArn: string;
  /** The ARN of the CloudWatch alarm on that rule, which notifies the alert topic. */
  readonly alarmArn: string;
  /** The ARN of the alert topic in the cluster's region (new, or `alertTopicArn`). */
  readonly alertTopicArn: string;
  /** The alias's ARN, for IAM policies that name the key by alias. */
  readonly aliasArn: string;
  /** The ARN of the EventBridge rule for denied calls on the key; undefined with `monitorAccessDenied` false. */
  readonly accessDeniedRuleArn?: string;
  /** The replica's id (a replica has its primary's `mrk-` id); undefined without `backupRegion`. */
  readonly replicaKeyId?: string;
  /** The replica's alias in the backup region (the key's alias name); undefined without `backupRegion`. */
  readonly replicaAliasName?: string;
  /** The ARN of the replica's alias; undefined without `backupRegion`. */
  readonly replicaAliasArn?: string;
  /** The ARN of the alert topic in the backup region (new, or `backupAlertTopicArn`); undefined without `backupRegion`. */
  readonly replicaAlertTopicArn?: string;
  /** The ARN of the EventBridge rule that watches the replica's calls, in the backup region; undefined without `backupRegion`. */
  readonly replicaEventRuleArn?: string;
  /** The ARN of the CloudWatch alarm on the replica's rule; undefined without `backupRegion`. */
  readonly replicaAlarmArn?: string;
  /** The ARN of the rule for denied calls on the replica; undefined without `backupRegion`, or with `monitorAccessDenied` false. */
  readonly replicaAccessDeniedRuleArn?: string;
  /** Every resource created, by logical id (`key`, `replica-key`, `alias`, ...), for escape hatches. */
  readonly resources: ReadonlyMap<string, TerraformResource>;

  /**
   * @param scope The stack (or construct) to add the key to.
   * @param id The construct's id: Terraform addresses derive from it alone, so renaming the cluster
   *   never replaces the key.
   * @param props The inputs: see `ByokInputs`, plus `provider`.
   */
  constructor(scope: Construct, id: string, props: CamundaByokKeyProps) {
    // Known bad input throws here, before anything is added to the tree: the provider's region
    // when it is a literal, and names another key on the same provider already took.
    const { provider, ...input } = props;
    const stack = TerraformStack.of(scope);
    const awsProvider = awsProviderOf(stack, provider);
    const isUnknown = (value: unknown) => Token.isUnresolved(value);
    const spec = buildByokSpec(input, {
      isUnknown,
      providerRegion: literalRegion(awsProvider),
      // cdktf writes the policy, the patterns and the tags at synth: a whole token list or map cannot go in.
      writtenOut: [...DOCUMENT_LISTS, "tags"],
    });
    // cdktf writes every resource and document at synth: a choice it cannot make then is refused by name.
    const undecided = undecidedInputs(spec.resources);
    if (undecided.length > 0) {
      throw new ByokValidationError(
        undecided.map((name) => ({
          input: name,
          message:
            "must be written in the program, not a Terraform value: it decides which resources or policy statements the construct writes at synth",
        })),
      );
    }
    const owner = `CamundaByokKey "${[scope.node.path, id].filter(Boolean).join("/")}"`;
    claimAwsNames(nameRegistry(stack, awsProvider), claimedAwsNames(spec, input.aliasName !== undefined, isUnknown), owner);
    super(scope, id);
    for (const warning of spec.warnings) Annotations.of(this).addWarning(describeProblem(warning));

    const lookups = providerLookups(this, provider);
    const adopted = new AdoptedKeyReads(this, input, provider);
    const children = new Map<string, TerraformResource>();
    // One token per attribute: cdktf records a stack trace for every token it creates.
    const references = new Map<string, unknown>();
    const referenced = referencedAttributes(spec);
    const renderer: TemplateRenderer<unknown> = {
      ref: (name) => {
        if (!references.has(name)) references.set(name, adopted.reference(name) ?? this.reference(name, children, lookups));
        return references.get(name);
      },
      join: (parts) => parts.join(""),
      // Token strings survive JSON.stringify; cdktf turns them into Terraform references.
      json: (rendered) => JSON.stringify(rendered),
      computed: (node) => {
        if (node.$fn !== "accountOfArn")
          throw new Error(`camunda-byok-kms: the construct cannot compute ${node.$fn} from a Terraform value`);
        return Fn.element(Fn.split(":", renderTemplate(node.of, renderer) as string), 4);
      },
    };

    const preconditions = keyPreconditions(spec, renderer, {
      deployerArn: () => lookups.deployerArn(),
      root: () => `arn:${lookups.partition()}:iam::${lookups.accountId}:root`,
    });

    for (const planned of spec.resources) {
      const forEach = planned.forEach === undefined ? undefined : TerraformIterator.fromList(planned.forEach as string[]);
      const settings = renderTemplate(planned.settings, {
        ...renderer,
        ref: (name) => (name === EACH_VALUE.$ref && forEach ? forEach.value : renderer.ref(name)),
      }) as Record<string, unknown>;
      const lifecycle: TerraformResourceLifecycle = {
        ...(planned.preventDestroy ? { preventDestroy: true } : {}),
        ...(planned.kind === "kmsKey" ? { precondition: preconditions } : {}),
      };
      const meta = {
        ...(Object.keys(lifecycle).length > 0 ? { lifecycle } : {}),
        ...(forEach ? { forEach } : {}),
        ...(provider ? { provider } : {}),
      };
      const child = new RESOURCE_CLASSES[planned.kind](this, planned.logicalId, resourceConfig(planned, settings, meta));
      // An adopted key, replica or alias: an `import` block (Terraform imports and updates it in one plan).
      if (planned.adopt) child.importFrom(planned.adopt.importId as string, provider);
      children.set(planned.logicalId, child);
      // Taken here, close to the stack's root: cdktf records a full stack trace per token.
      for (const attribute of referenced.get(planned.logicalId) ?? []) {
        references.set(`${planned.logicalId}.${attribute}`, (child as unknown as Record<string, unknown>)[attribute]);
      }
    }
    this.resources = children;

    const outputs = renderTemplate(spec.outputs, renderer) as Record<string, string | undefined>;
    this.keyArn = outputs.keyArn as string;
    this.replicaKeyArn = outputs.replicaKeyArn;
    this.keyId = outputs.keyId as string;
    this.aliasName = outputs.aliasName as string;
    this.keyPolicyJson = outputs.keyPolicyJson as string;
    this.eventRuleArn = outputs.eventRuleArn as string;
    this.alarmArn = outputs.alarmArn as string;
    this.alertTopicArn = outputs.alertTopicArn as string;
    this.aliasArn = outputs.aliasArn as string;
    this.accessDeniedRuleArn = outputs.accessDeniedRuleArn;
    this.replicaKeyId = outputs.replicaKeyId;
    this.replicaAliasName = outputs.replicaAliasName;
    this.replicaAliasArn = outputs.replicaAliasArn;
    this.replicaAlertTopicArn = outputs.replicaAlertTopicArn;
    this.replicaEventRuleArn = outputs.replicaEventRuleArn;
    this.replicaAlarmArn = outputs.replicaAlarmArn;
    this.replicaAccessDeniedRuleArn = outputs.replicaAccessDeniedRuleArn;
  }

  private reference(name: string, children: ReadonlyMap<string, TerraformResource>, lookups: ProviderLookups): unknown {
    if (name === ACCOUNT_ID.$ref) return lookups.accountId;
    if (name === PARTITION.$ref) return lookups.partition();
    if (name === PROVIDER_REGION.$ref) return lookups.region();
    if (name === DEPLOYER_ARN.$ref) return lookups.deployerArn();
    const { logicalId, attribute } = referencedResource(name)!;
    const child = children.get(logicalId);
    if (!child) throw new Error(`camunda-byok-kms: ${name} refers to a resource not created yet`);
    return (child as unknown as Record<string, unknown>)[attribute];
  }
}
