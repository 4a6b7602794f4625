// zip.js, the build of it that uses only the platform's CompressionStream: no WebAssembly
// codec, no dynamic import() (forbidden in a service worker), and no Web Workers started from a
// blob: URL, which an extension's CSP (script-src 'self') refuses.
import { configure } from '@zip.js/zip.js/lib/zip-core-native.js';

configure({ useWebWorkers: false });

export { BlobReader, TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js/lib/zip-core-native.js';
export { Reader } from '@zip.js/zip.js/lib/zip-core-native.js';
export type { Entry, FileEntry, ZipWriterAddDataOptions } from '@zip.js/zip.js';
