// The weekday a week starts on where the person lives: Sunday in the United States, Saturday in
// much of the Middle East, Monday in most of Europe. Intl.Locale's week information
// (https://tc39.es/proposal-intl-locale-info/, `getWeekInfo()` in current browsers, the
// `weekInfo` getter in the first ones that had it); Monday, ISO 8601's first day, where neither
// exists (Firefox before 145). Its `firstDay` is 1 for Monday … 7 for Sunday.
import { personLocale } from '../../catalog/person-locale';

interface WeekInfo {
  firstDay: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** 0 for Sunday … 6 for Saturday, as Date.getDay() counts. */
export function weekStart(language: string | undefined = personLocale()): number {
  try {
    const locale = new Intl.Locale(language ?? 'en') as LocaleWithWeek;
    const firstDay = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
    return firstDay % 7;
  } catch {
    return 1;
  }
}
