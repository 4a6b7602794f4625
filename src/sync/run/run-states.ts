// The life of one run of an account, as a table: it begins, reports progress and saves
// checkpoints (and alarms) while it runs, and ends once, either finished or failed. A step the
// table does not allow is a bug in an engine (progress written after the run was closed would
// show a finished account as still syncing), so it throws instead of writing.

export type RunState = 'new' | 'running' | 'finished' | 'failed';
export type RunStep = 'begin' | 'progress' | 'checkpoint' | 'alarm' | 'finish' | 'fail';

export const RUN_TRANSITIONS: Readonly<Record<RunState, Partial<Record<RunStep, RunState>>>> = {
  new: { begin: 'running' },
  running: { progress: 'running', checkpoint: 'running', alarm: 'running', finish: 'finished', fail: 'failed' },
  finished: {},
  failed: {},
};

export class RunStepError extends Error {
  constructor(
    readonly state: RunState,
    readonly step: RunStep,
  ) {
    // A programming error, never shown to a person: English is enough.
    super(`A run that is ${state} cannot ${step}`);
  }
}

/** The state after `step`, or RunStepError when the table does not allow it. */
export function nextRunState(state: RunState, step: RunStep): RunState {
  const next = RUN_TRANSITIONS[state][step];
  if (next === undefined) throw new RunStepError(state, step);
  return next;
}
