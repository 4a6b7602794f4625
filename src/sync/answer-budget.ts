// One budget in bytes for the multiget answers a run holds at once, shared by the collections it
// mirrors side by side. Each collection's fetch-ahead.ts asks it before launching a batch and
// gives the bytes back once the batch is written. Without it every collection fetched two
// batches ahead of the one it writes, whatever the others held: three collections held up to
// nine answers of about 1 MB (batch-sizer.ts), each kept whole in the worker's heap as long as
// one of its items' texts is (a cut-out string keeps its parent alive in V8), and the worker's
// used heap peaked at 61 to 122 MB in a 21,000-item first mirror against a 64 MB target.
//
// Grants are first come, first served across the run. That order is what rules out a deadlock:
// a collection asks for its batches in listing order, so no batch of it is granted before an
// earlier one, and every held grant belongs to a batch its collection reaches, writes and
// releases without waiting for another grant. A request larger than the whole budget is granted
// once nothing else is held: a single large answer is slow, never stuck.

export interface AnswerGrant {
  /** The answer arrived: hold what it actually weighs rather than the estimate asked for. */
  resize(bytes: number): void;
  /** The batch is written (or dropped): its bytes go back to the budget. Idempotent. */
  release(): void;
}

export interface AnswerBudget {
  /** Resolves once `bytes` more may be held. */
  take(bytes: number): Promise<AnswerGrant>;
  /** Bytes held by the grants not yet released. */
  held(): number;
}

/**
 * 6 MB: each of the three collections mirrored at once can write one answer of about 1 MB while
 * its next is on the wire, so no collection waits for a round trip after each write (4 MB left
 * one answer on the wire for all three: 1.16 times as long in one run of three). Measured on a
 * 21,000-item first mirror against Radicale, in docs/BENCHMARKS.md ("Worker heap peak").
 */
export const DEFAULT_ANSWER_BUDGET_BYTES = 6 * 1024 * 1024;

export function answerBudget(limitBytes: number): AnswerBudget {
  let held = 0;
  const waiting: Array<{ bytes: number; grant: (grant: AnswerGrant) => void }> = [];
  const pump = (): void => {
    while (waiting.length > 0 && (held === 0 || held + waiting[0]!.bytes <= limitBytes)) {
      const { bytes, grant } = waiting.shift()!;
      grant(hold(bytes));
    }
  };
  const hold = (bytes: number): AnswerGrant => {
    let mine = bytes;
    let released = false;
    held += mine;
    return {
      resize(actual) {
        if (released) return;
        held += actual - mine;
        mine = actual;
        pump();
      },
      release() {
        if (released) return;
        released = true;
        held -= mine;
        pump();
      },
    };
  };
  return {
    take(bytes) {
      // No answer is free: a batch whose size nothing predicts yet (a fixed-size sizer before
      // its first answer) still counts, or any number of them would start at once.
      const wanted = Math.max(1, bytes);
      return new Promise((grant) => {
        waiting.push({ bytes: wanted, grant });
        pump();
      });
    },
    held: () => held,
  };
}

/** A budget that grants everything at once: a caller with no run around it (a test, a bench). */
export function unboundedBudget(): AnswerBudget {
  return answerBudget(Number.POSITIVE_INFINITY);
}
