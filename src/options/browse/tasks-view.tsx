// Tasks, by name, with their due date.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { listTasks } from '../../db/browse-items';
import { t } from '../../shared/i18n';
import { formatMoment } from '../../ui/format-when';
import { useLiveQuery } from '../../ui/use-live-query';
import { ItemList } from './item-list';
import { BrowseSplit } from './browse-split';
import { usePaged } from './use-paged';

export function TasksView({ showDeleted }: { showDeleted: boolean }) {
  const [selected, setSelected] = useState<string | null>(null);
  const { limit, more } = usePaged('tasks');
  const tasks = useLiveQuery(() => listTasks(openDb(), { limit, showDeleted }), [limit, showDeleted]);
  return (
    <BrowseSplit selectedId={selected}>
      <ItemList
        items={tasks}
        label={t('browseTasks')}
        selectedId={selected}
        onSelect={setSelected}
        describe={(item) => (item.end ? t('taskDue', formatMoment(item.end)) : '')}
        empty={t('browseNoTasks')}
        onMore={tasks?.length === limit ? more : undefined}
      />
    </BrowseSplit>
  );
}
