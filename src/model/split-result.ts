// A file of many cards or calendar objects cut into one text each (restore/split-vcards.ts,
// calendars/split-calendar.ts): the texts exactly as written, and what could not be cut cleanly.

export interface SplitResult {
  items: string[];
  /** What could not be cut out cleanly, in words for a person. */
  problems: string[];
}
