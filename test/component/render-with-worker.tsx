// A page under test handed the stand-in worker, and fields typed into by their labels, as a
// person finds them. The test file mocks src/shared/browser first (vi.mock is hoisted, and
// covers this module's imports too).
import type { ComponentChildren } from 'preact';
import { fireEvent, render, screen } from '@testing-library/preact';
import { ConnectorProvider } from '../../src/ui/connect/use-connector';
import type { MockConnector } from './mock-connector';

export function renderWithWorker(connector: MockConnector, page: ComponentChildren): void {
  render(<ConnectorProvider connector={connector}>{page}</ConnectorProvider>);
}

/** Types each value into the field its label names. */
export function typeInto(values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) fireEvent.input(screen.getByLabelText(label), { target: { value } });
}
