// A long multistatus answer read a few hundred responses at a time. The XML parser builds the
// whole answer's tree before any of it is read, about ten times the answer's size: a listing of
// 100,000 contacts (23 MB) held 260 MB in the worker at once. Each chunk here is the answer's own
// root element around a run of its responses, so it parses to the same entries, and each chunk's
// tree (and the chunk itself) is garbage once its entries are read. Only answers the split cannot
// misread are split: one root element with nothing before it but the XML declaration, and no
// comment, CDATA section, processing instruction or DOCTYPE anywhere (where a `</D:response>`
// could be text, not a tag); a chunk ends only where every response opened so far is closed.
// Anything else is parsed whole, as before (dav-multistatus.ts), and so is any answer whose
// chunks do not all parse.

/**
 * Answers shorter than this are parsed whole: their tree is small enough, and a run's multiget
 * answers (about 1 MB each, sync/batch-sizer.ts) are never scanned for a cut. A listing of about
 * 18,000 members or more is split.
 */
export const SPLIT_ABOVE = 4 * 1024 * 1024;

/** The root's start tag, after an optional XML declaration: its prefix names the responses' tags. */
const ROOT = /^\s*(?:<\?xml[^?]*\?>\s*)?<(([A-Za-z_][\w.-]*:)?multistatus)(?:\s[^>]*)?>/;

/** Where a response could be something else than a tag in the text. */
const UNSPLITTABLE = /<!--|<!\[CDATA\[|<!DOCTYPE|<\?/i;

/**
 * The answer cut into well-formed answers of at most `perChunk` top-level responses each (the
 * last one holding what follows the responses, such as the sync token), made one at a time; or
 * null where it is not split.
 */
export function splitResponses(body: string, perChunk: number, above = SPLIT_ABOVE): Iterable<string> | null {
  if (body.length <= above) return null;
  const root = ROOT.exec(body);
  if (!root || root[0].endsWith('/>') || UNSPLITTABLE.test(body.slice(root[0].length))) return null;
  const [open, rootName, prefix = ''] = root;
  // The responses' start, end and empty tags, never `responsedescription`.
  const tags = new RegExp(`<(/?)${prefix.replace(/\./g, '\\.')}response(?:\\s[^>]*)?>`, 'g');
  return chunksOf(body, open, `</${rootName}>`, tags, perChunk);
}

function* chunksOf(body: string, open: string, close: string, tags: RegExp, perChunk: number): Generator<string> {
  let start = open.length;
  let depth = 0;
  let count = 0;
  tags.lastIndex = start;
  for (let tag = tags.exec(body); tag; tag = tags.exec(body)) {
    if (tag[0].endsWith('/>')) {
      if (depth === 0) count++;
    } else if (tag[1] === '/') depth--;
    else depth++;
    // A response closed that was never opened: not an answer to cut; the chunk will not parse.
    if (depth < 0) break;
    if (depth > 0 || tag[1] !== '/' || ++count < perChunk) continue;
    const end = tag.index + tag[0].length;
    yield `${open}${body.slice(start, end)}${close}`;
    start = end;
    count = 0;
  }
  // The rest: the last responses, and whatever follows them inside the root, with its end tag;
  // an answer with no cut in it is itself, not a copy.
  yield start === open.length ? body : `${open}${body.slice(start)}`;
}
