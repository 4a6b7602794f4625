// Microsoft's identity platform: https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
// (the "common" tenant takes Outlook.com and Microsoft 365 accounts; offline_access for a
// refresh token). The contacts and calendars sign-in never asks for files; OneDrive photos sign
// in with the same client asking for files only (providers/onedrive-photos/oauth.ts).
import type { OAuthProvider } from '../../model/oauth-provider';

export const MICROSOFT_OAUTH: OAuthProvider = {
  id: 'microsoft',
  authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  scopes: ['offline_access', 'Contacts.Read', 'Calendars.Read'],
  clientId: import.meta.env.VITE_LIFEBOAT_MICROSOFT_CLIENT_ID ?? '',
  extraParams: {},
  endpoints: { graph: 'https://graph.microsoft.com/v1.0/' },
};
