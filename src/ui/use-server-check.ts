// A form that asks the worker to contact a server (add an account, a feed): "Contacting the
// server…" while it runs, the buttons disabled, then the outcome or the error as the message.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Message } from './controls/status-line';

export interface ServerCheck {
  busy: boolean;
  message: Message;
  setMessage: (message: Message) => void;
  /** Runs `work`, which resolves to the sentence to show on success. */
  check: (work: () => Promise<string>) => Promise<boolean>;
}

export function useServerCheck(): ServerCheck {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  async function check(work: () => Promise<string>): Promise<boolean> {
    setBusy(true);
    setMessage({ text: t('addAccountChecking'), error: false });
    try {
      setMessage({ text: await work(), error: false });
      return true;
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, setMessage, check };
}
