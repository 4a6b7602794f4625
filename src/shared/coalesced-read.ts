// A read asked for again and again (every time a small row changes) that runs at most once per
// interval and never twice at once: the first request reads at once, requests during a read or
// within the interval after it are folded into one more read at the interval's end. What a
// page shows then lags a running mirror by at most the interval, and costs one read per
// interval however many batches are written. A change the person waits for (a run ending: the
// counts are final, the status says "up to date") asks `now`, which skips the pause: it reads at
// once, or right after the read under way, instead of up to an interval later.
export interface CoalescedRead {
  /**
   * Asks for a read; it runs now, or once after the read or pause under way. `now`: no pause,
   * the read runs at once or as soon as the one under way ends.
   */
  request(now?: boolean): void;
  /** No read after this one (the page closed). */
  stop(): void;
}

export function coalescedRead(read: () => Promise<void>, intervalMs: number): CoalescedRead {
  let reading = false;
  let wanted = false;
  let urgent = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    if (stopped) return;
    wanted = false;
    urgent = false;
    reading = true;
    void read()
      .catch((error: unknown) => console.error('Lifeboat: a coalesced read failed', error))
      .finally(() => {
        reading = false;
        if (urgent && !stopped) {
          run();
          return;
        }
        // The pause after a read, whether or not another is wanted yet.
        timer = setTimeout(() => {
          timer = null;
          if (wanted) run();
        }, intervalMs);
      });
  };

  return {
    request(now = false) {
      if (stopped) return;
      if (now && timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      if (reading || timer !== null) {
        wanted = true;
        urgent ||= now;
      } else run();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
