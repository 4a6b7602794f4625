// Messages between the background worker and the offscreen document (Chrome only).
import type { ArchiveResult, ExportResult, FileRequest } from '../model/export';

export type OffscreenRequest =
  | { target: 'offscreen'; type: 'build'; request: FileRequest; now: number }
  | { target: 'offscreen'; type: 'revoke'; url: string };

/** A file built in the offscreen document: its blob URL stays valid until revoked. */
export interface OffscreenBuilt {
  url: string;
  fileName: string;
  result: ExportResult | ArchiveResult;
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return typeof message === 'object' && message !== null && (message as { target?: unknown }).target === 'offscreen';
}
