// Which view of the options page the address asks for: the step-by-step setup (#setup), one
// section of the settings (#accounts, #photos…), or browsing the mirror (#browse/…). With no
// account yet and no address, the setup: the first thing to do is the only thing shown.
import { useEffect } from 'preact/hooks';
import { openDb } from '../db/schema';
import { listAccounts } from '../db/accounts';
import { useHashRoute } from '../ui/use-hash-route';
import { useLiveQuery } from '../ui/use-live-query';
import { OptionsPage } from './options-page';
import { BrowsePage } from './browse/browse-page';
import { SetupPage } from './setup/setup-page';
import { sectionOf } from './sections';

export function OptionsRoot() {
  const route = useHashRoute();
  const accounts = useLiveQuery(() => listAccounts(openDb()).then((all) => all.length));
  // The choice is written into the address once, so adding the first account does not swap
  // the setup for the accounts section under the person's eyes.
  const landing = route === '' && accounts !== undefined ? (accounts === 0 ? 'setup' : 'accounts') : null;
  useEffect(() => {
    if (landing) location.replace(`#${landing}`);
  }, [landing]);
  if (route.startsWith('browse')) return <BrowsePage route={route} />;
  if (route === 'setup') return <SetupPage />;
  if (route === '') return <main class="options" aria-busy="true" />;
  return <OptionsPage section={sectionOf(route)} />;
}
