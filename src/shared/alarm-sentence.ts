// One sentence that says what happened upstream, and that nothing was lost locally.
import type { AlarmRecord } from '../model/alarm';
import { t } from './i18n';

export function alarmSentence(alarm: AlarmRecord): string {
  switch (alarm.kind) {
    case 'collection-gone':
      return t('alarmCollectionGone', alarm.collectionName, alarm.liveBefore);
    case 'emptied':
      return t('alarmEmptied', alarm.collectionName, alarm.liveBefore);
    case 'mass-change':
      return t('alarmMassChange', alarm.collectionName, alarm.deleted, alarm.changed, alarm.liveBefore);
    case 'slow-decline':
      return t('alarmSlowDecline', alarm.collectionName, alarm.liveBefore, alarm.liveBefore - alarm.deleted);
  }
}
