// A sign-in for OneDrive photos asks to read files only (Files.Read: the signed-in person's own
// files, https://learn.microsoft.com/en-us/graph/permissions-reference#filesread) and nothing
// else, while the contacts and calendars sign-in never asks for files: each grants what it uses.
// It is Microsoft's identity platform with Microsoft's client ID and settings (same `id`).
// A refresh asks for the same scopes again (auth/token-endpoint.ts), so the account keeps this provider.
import type { OAuthProvider } from '../../model/oauth-provider';

export function forOneDrivePhotos(microsoft: OAuthProvider): OAuthProvider {
  return { ...microsoft, scopes: ['offline_access', 'Files.Read'] };
}
