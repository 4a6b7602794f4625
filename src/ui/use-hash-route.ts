// The part of the address after "#": the options page's views ("#browse/contacts") can be
// linked to from the popup, bookmarked, and reached with the browser's Back button.
import { useEffect, useState } from 'preact/hooks';

const current = () => decodeURIComponent(location.hash.replace(/^#/, ''));

export function useHashRoute(): string {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
