// How much room the copy takes, how much the browser allows, and whether the browser promised
// to keep it when the disk runs low (navigator.storage: https://storage.spec.whatwg.org/).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { formatBytes } from '../ui/format-bytes';
import { useNow } from '../ui/use-now';
import { usePersistence } from '../ui/use-persistence';

export function StorageUse() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const { persisted, requestPersistence } = usePersistence();
  const now = useNow();
  useEffect(() => {
    void navigator.storage?.estimate?.().then(setEstimate);
  }, [now]);
  return (
    <div class="storage-use">
      {estimate?.usage !== undefined && estimate.quota !== undefined ? (
        <>
          <p data-testid="storage-used">{t('storageUsed', formatBytes(estimate.usage), formatBytes(estimate.quota))}</p>
          <meter min={0} max={estimate.quota} value={estimate.usage} aria-label={t('storageMeter')} />
        </>
      ) : (
        <p>{t('storageUnknown')}</p>
      )}
      {persisted === true && <p class="status-ok">{t('storagePersistent')}</p>}
      {persisted === false && (
        <p>
          {t('warningNotPersistent')}{' '}
          <button type="button" onClick={() => void requestPersistence()}>
            {t('warningNotPersistentAction')}
          </button>
        </p>
      )}
    </div>
  );
}
