// Build-time configuration (Vite exposes VITE_* variables of the build's environment).
interface ImportMetaEnv {
  /** OAuth client IDs of the Google and Microsoft app registrations (docs/ACCOUNTS.md). */
  readonly VITE_LIFEBOAT_GOOGLE_CLIENT_ID?: string;
  readonly VITE_LIFEBOAT_MICROSOFT_CLIENT_ID?: string;
}
