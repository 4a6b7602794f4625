// A read asked for again and again (every time a small row changes) that runs at most once per
// interval and never twice at once: the first request reads at once, requests during a read or
// within the interval after it are folded into one more read at the interval's end. What a
// page shows then lags a running mirror by at most the interval, and costs one read per
// interval however many batches are written.
export interface CoalescedRead {
  /** Asks for a read; it runs now, or once after the read or pause under way. */
  request(): void;
  /** No read after this one (the page closed). */
  stop(): void;
}

export function coalescedRead(read: () => Promise<void>, intervalMs: number): CoalescedRead {
  let reading = false;
  let wanted = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    if (stopped) return;
    wanted = false;
    reading = true;
    void read()
      .catch((error: unknown) => console.error('Lifeboat: a read for the page failed', error))
      .finally(() => {
        reading = false;
        // The pause after a read, whether or not another is wanted yet.
        timer = setTimeout(() => {
          timer = null;
          if (wanted) run();
        }, intervalMs);
      });
  };

  return {
    request() {
      if (stopped) return;
      if (reading || timer !== null) wanted = true;
      else run();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
