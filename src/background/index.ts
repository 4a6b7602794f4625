// The background service worker. Every listener is registered synchronously at the top
// level: Chrome wakes the worker for an event and delivers it only to listeners that exist
// by the end of the first turn (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
import { browser } from '../shared/browser';
import { registerRpcServer } from './rpc-server';
import { handlers } from './handlers';
import { SYNC_ALARM, ensureSyncAlarm } from './schedule';
import { syncAll } from './sync-runner';
import { requestPersistentStorage } from './persistent-storage';

registerRpcServer(handlers);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM) void syncAll();
});

browser.runtime.onInstalled.addListener(() => {
  void requestPersistentStorage();
});

void ensureSyncAlarm();
