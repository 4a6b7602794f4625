// The background service worker. Every listener is registered synchronously at the top
// level: Chrome wakes the worker for an event and delivers it only to listeners that exist
// by the end of the first turn (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
import { browser } from '../shared/browser';
import { registerRpcServer } from './rpc-server';
import { registerCommandRunner } from './command-runner';
import { handlers } from './handlers';
import { SYNC_ALARM } from './schedule';
import { syncAll } from './sync-runner';
import { SNAPSHOT_ALARM, snapshotIfDue } from './snapshots';
import { requestPersistentStorage } from './persistent-storage';
import { resumeInterruptedRuns, scheduleFromSettings } from './resume';
import { refreshBadge } from './attention';
import { RECHECK_ALARM, ensureRecheckAlarm, recheckDuePhotos } from './photo-recheck';
import { resumeLockChange } from '../secrets/lock-state';
import { refreshIcloudOriginRuleQuietly } from './icloud-origin-rule';
import { openDb } from '../db/schema';
import { publishSummaryRecords } from '../db/publish-summary-records';

registerRpcServer(handlers);
// Long commands (adding an account, Sync now) answer at once and report through the database,
// so that they outlast Firefox's idle event page (shared/command-message.ts).
registerCommandRunner(handlers);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM) void syncAll();
  if (alarm.name === RECHECK_ALARM) void recheckDuePhotos().catch((error: unknown) => console.warn('Lifeboat: photo re-check failed', error));
  if (alarm.name === SNAPSHOT_ALARM) void snapshotIfDue().catch((error: unknown) => console.warn('Lifeboat: snapshot failed', error));
});

browser.runtime.onInstalled.addListener(() => {
  void requestPersistentStorage();
});

// At browser start the badge is blank and the passphrase lock's key is gone: say "Locked" at once.
browser.runtime.onStartup.addListener(() => void refreshBadge());

// Every start of the worker: the alarm may have been cleared (browser restart, update), and
// a run may have been cut short when Chrome stopped the previous worker.
void scheduleFromSettings();
void resumeInterruptedRuns();
void refreshBadge();
void ensureRecheckAlarm();
// Session rules end with the browser: iCloud accounts need their Origin rule again.
void refreshIcloudOriginRuleQuietly();
// The popup's first counts: a copy of the summary records in storage.session, kept current while the worker runs.
publishSummaryRecords(openDb());
void resumeLockChange().catch((error: unknown) => console.warn('Lifeboat: could not finish the change of the passphrase lock', error));
