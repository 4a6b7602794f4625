// What a finished run reports to the worker that started it: its record's counts and errors,
// and the alarms it raised (for the badge and the notification).
import type { AlarmRecord } from './alarm';
import type { RunRecord } from './run';

export type RunSummary = Omit<RunRecord, 'id' | 'accountId' | 'startedAt'> & { alarms: AlarmRecord[] };
