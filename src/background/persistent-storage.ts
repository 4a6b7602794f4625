// Asks the browser not to evict the mirror under storage pressure. With unlimitedStorage
// Chrome already treats the origin as persistent; Firefox needs the explicit request.
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
