// Which connector the pages below use: the real worker unless a test provides another.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { extensionConnector, type Connector } from './connector';

const ConnectorContext = createContext<Connector>(extensionConnector);

export function ConnectorProvider({ connector, children }: { connector: Connector; children: ComponentChildren }) {
  return <ConnectorContext.Provider value={connector}>{children}</ConnectorContext.Provider>;
}

export function useConnector(): Connector {
  return useContext(ConnectorContext);
}
