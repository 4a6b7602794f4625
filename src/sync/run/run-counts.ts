// What a run counts, whatever it mirrors (items or photos): the numbers the run log shows.
import type { RunRecord } from '../../model/run';

export type RunCounts = Pick<RunRecord, 'added' | 'changed' | 'deletedUpstream' | 'unchanged'>;

export const noCounts = (): RunCounts => ({ added: 0, changed: 0, deletedUpstream: 0, unchanged: 0 });
