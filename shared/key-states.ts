// What a key's state means for the Camunda cluster that uses it (Camunda's key-state page, and
// AWS's KeyState values in DescribeKey).

/** The one state in which Camunda can use the key. */
export const USABLE_KEY_STATE = "Enabled";

/**
 * States that freeze the cluster or keep it from starting, each with what to tell its owner.
 * Disabled and PendingDeletion are recoverable; a completed deletion loses the data.
 */
export const FREEZING_KEY_STATES: Readonly<Record<string, string>> = {
  Disabled: "the key is disabled: the Camunda cluster cannot use it and freezes",
  PendingDeletion: "the key is scheduled for deletion: the Camunda cluster freezes, and its data is lost when the deletion completes",
  PendingReplicaDeletion: "the multi-region primary waits for its replicas to be deleted, then is deleted itself: the cluster freezes",
  Unavailable: "the key's custom key store is disconnected: the cluster cannot use the key",
  PendingImport: "the key has no key material yet: the cluster cannot use it",
  Creating: "the key is still being created",
  Updating: "the key is being updated (a multi-region primary moving region)",
};
