// Property names that exist in one vCard version only, and what the other version calls them.
// A property with no counterpart is kept under an x-name (RFC 2426 §4 "x-name", RFC 6350 §6.10),
// which readers of the other version ignore but keep; converting back restores the name, so a
// 4.0 → 3.0 → 4.0 (or 3.0 → 4.0 → 3.0) trip gives every property its own name again.

/** 4.0 names with a vendor equivalent in 3.0: Apple's address-book server groups. */
export const V4_TO_V3_NAMES: Readonly<Record<string, string>> = {
  KIND: 'X-ADDRESSBOOKSERVER-KIND',
  MEMBER: 'X-ADDRESSBOOKSERVER-MEMBER',
};

/** The same pairs, 3.0 name → 4.0 name. */
export const V3_TO_V4_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(V4_TO_V3_NAMES).map(([v4, v3]) => [v3, v4]),
);

// RFC 6350 §6, RFC 6474, RFC 6715, RFC 8605, RFC 9554: defined for 4.0 only.
export const V4_ONLY = new Set([
  'ANNIVERSARY', 'GENDER', 'LANG', 'XML', 'CLIENTPIDMAP', 'RELATED', 'BIRTHPLACE', 'DEATHPLACE',
  'DEATHDATE', 'EXPERTISE', 'HOBBY', 'INTEREST', 'ORG-DIRECTORY', 'CONTACT-URI', 'CREATED',
  'GRAMGENDER', 'LANGUAGE', 'PRONOUNS', 'SOCIALPROFILE',
]);

// RFC 2426 §3 properties that RFC 6350 Appendix A removed.
export const V3_ONLY = new Set(['AGENT', 'CLASS', 'LABEL', 'MAILER', 'NAME', 'PROFILE', 'SORT-STRING']);

/**
 * The name a property takes in the other version, or `null` when it keeps its own:
 *   - `vendor` names map to each other (KIND ↔ X-ADDRESSBOOKSERVER-KIND);
 *   - a name of `only` (the source version's own properties) becomes "X-" + the name;
 *   - an x-name whose bare name is in `back` (the target's own properties) loses one "X-":
 *     it is what the opposite conversion made, or a writer's own x-name for the same thing;
 *   - an x-name whose bare name is in `only` gains one "X-", so that the opposite conversion,
 *     which removes one, gives it back unchanged ("X-CLASS" → "X-X-CLASS" → "X-CLASS").
 */
export function renameFor(params: {
  name: string;
  vendor: Readonly<Record<string, string>>;
  only: ReadonlySet<string>;
  back: ReadonlySet<string>;
}): string | null {
  const { name } = params;
  const upper = name.toUpperCase();
  const vendor = params.vendor[upper];
  if (vendor !== undefined) return vendor;
  if (params.only.has(upper)) return `X-${name}`;
  if (!upper.startsWith('X-')) return null;
  const bare = upper.replace(/^(?:X-)+/, '');
  if (params.only.has(bare)) return `X-${name}`;
  if (params.back.has(bare)) return name.slice(2);
  return null;
}
