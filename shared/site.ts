// A site: the key or the replica, with everything that watches it in its own region.
import type { LOGICAL_IDS, SiteRole } from "./names";
import type { TemplateString } from "./template";

export interface Site {
  role: SiteRole;
  ids: (typeof LOGICAL_IDS)[SiteRole];
  /** Placement shared by every resource of the site (the replica's carry their region). */
  place: { site: SiteRole; preventDestroy: false; region?: string };
  /** The site's region as messages show it (clusterRegion may be an engine value). */
  regionName: TemplateString;
  /** An existing alert topic in the site's region, instead of a new one. */
  existingTopicArn?: string;
}
