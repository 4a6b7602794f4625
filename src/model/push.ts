// Copying a mirrored collection (or its past state) into a server's collection: what the page
// asks (through the RPC contract) and what restore/push-to-collection.ts reports back.

export interface PushParams {
  sourceCollectionId: string;
  /** The collection's state at this moment instead of now. */
  asOf?: number;
  targetCollectionHref: string;
  dryRun: boolean;
}

export interface PushReport {
  dryRun: boolean;
  /** Created, or, in a dry run, to be created. */
  created: number;
  alreadyThere: number;
  failed: Array<{ title: string; reason: string }>;
  /** Names of the items created (or to be), the first hundred, for the person to check. */
  titles: string[];
  /** Contacts created (or to be) with labels that the target does not keep (contact-labels.ts). */
  labelsNotKept: number;
}
