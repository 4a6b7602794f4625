// Which view of the options page the address asks for: accounts and settings, or browsing
// the mirror (#browse/…).
import { useHashRoute } from '../ui/use-hash-route';
import { OptionsPage } from './options-page';
import { BrowsePage } from './browse/browse-page';

export function OptionsRoot() {
  const route = useHashRoute();
  return route.startsWith('browse') ? <BrowsePage route={route} /> : <OptionsPage />;
}
