// One line of a diff between two texts of an item: kept, added or removed.
export type DiffLine = { change: 'same' | 'added' | 'removed'; text: string };
