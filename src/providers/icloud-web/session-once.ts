// One validate per run, shared by every call of the run's sources: the source factories are
// synchronous (providers/provider-engine.ts), so the session is opened on first use. A failed
// validate is not remembered: the next call asks again.
import type { HttpContext } from '../../http/http-context';
import { validateSession, type IcloudSession } from './web-session';

export type SessionGetter = () => Promise<IcloudSession>;

export function sessionOnce(ctx: HttpContext, setupUrl: string): SessionGetter {
  let opened: Promise<IcloudSession> | null = null;
  return () => {
    opened ??= validateSession(ctx, setupUrl).catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };
}
