// A site: the key, or its replica in the backup region, with what watches it in its own region.
// Its monitoring is built from a MonitoringInput alone, so the Terraform module can write it once,
// as a submodule whose variables are exactly these (their texts are the variables' descriptions).
import type { LOGICAL_IDS, SiteRole } from "./names";
import type { Tags } from "./spec-types";
import type { TemplateString } from "./template";

export interface MonitoringInput {
  /** The cluster's short name, in the names of the rules, alarms and topic. */
  clusterName: string;
  /** How descriptions and alarms name the key watched: `key`, or `replica key`. */
  keyLabel: string;
  /** The ARN of the key watched. */
  keyArn: TemplateString;
  /** The id of the key watched (`1234abcd-...`, or `mrk-...` for a multi-region key). */
  keyId: TemplateString;
  /** The key's alias, as calls may name the key by it. */
  aliasName: TemplateString;
  /** The key's region, as the recovery commands in the alarm's description name it. */
  region: TemplateString;
  /** The Camunda cluster's IAM role: its routine grant calls raise no alert. */
  camundaClusterRoleArn: TemplateString;
  /** CloudTrail event names on the key that raise the alarm. */
  monitoredEventNames: readonly string[] | TemplateString;
  /** Whether a second rule alerts on KMS calls against the key denied with `AccessDenied*`. */
  monitorAccessDenied: boolean | TemplateString;
  /** Email addresses subscribed to the new alert topic. */
  alertEmails: readonly TemplateString[] | TemplateString;
  /** An existing SNS topic in the key's region for the alerts, instead of a new one. */
  alertTopicArn?: TemplateString;
  /** A KMS key in the key's region (never the key watched) that encrypts the new alert topic. */
  alertTopicKmsKeyArn?: TemplateString;
  /** Tags for every resource. */
  tags: Tags;
}

/** Where a site's resources go in Pulumi and CDKTF: their logical ids, and the region they are pinned to. */
export interface SitePlace {
  role: SiteRole;
  ids: (typeof LOGICAL_IDS)[SiteRole];
  /** The backup region, for the replica's resources; none for the provider's own region. */
  region?: string;
}

/** What every resource of a site carries. */
export interface ResourcePlace {
  site: SiteRole;
  preventDestroy: false;
  region?: string;
}

export function resourcePlace(site: SitePlace): ResourcePlace {
  return { site: site.role, preventDestroy: false, ...(site.region !== undefined ? { region: site.region } : {}) };
}
