// Messages between the background worker and the offscreen document (Chrome only).
import type { ExportKind } from '../exporters/build-export';
import type { ExportParams, ExportResult } from './rpc-contract';

export type OffscreenRequest =
  | { target: 'offscreen'; type: 'build-export'; kind: ExportKind; params: ExportParams; now: number }
  | { target: 'offscreen'; type: 'revoke'; url: string };

export interface OffscreenExport extends ExportResult {
  url: string;
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return typeof message === 'object' && message !== null && (message as { target?: unknown }).target === 'offscreen';
}
