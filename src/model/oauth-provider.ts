// An identity service an account signs in to (OAuth 2.0 with PKCE): plain data, which the
// options page shows and edits and the worker signs in with. Each provider that signs in
// declares its own (providers/<kind>/sign-in.ts); auth/ runs the flow for any of them.

export interface OAuthProvider {
  /** Where its settings are kept (provider-settings.ts): accounts sharing a client ID share it. */
  id: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  clientId: string;
  /** Extra authorization parameters the service needs to hand out a refresh token. */
  extraParams: Record<string, string>;
  /** Where the mirrored data is served: DAV discovery roots, or the Graph API root. */
  endpoints: Record<string, string>;
  /**
   * Chrome's own identity.getAuthToken may sign in instead of the web flow, where the build
   * carries an oauth2 client ID (only Google's accounts can: auth/token-path.ts).
   */
  chromeIdentity?: true;
}

/** What a person (or an organisation) may set in Options: their own client ID, other endpoints. */
export type ProviderSettings = Partial<Pick<OAuthProvider, 'authorizeUrl' | 'tokenUrl' | 'clientId' | 'endpoints'>>;
