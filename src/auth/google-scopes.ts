// The scopes a Google sign-in asks for, on their own so that the build (scripts/chrome-oauth-manifest.ts
// puts them into the manifest's oauth2 key) and the extension ask for the same ones:
// read and write contacts over CardDAV (https://developers.google.com/people/carddav; the
// restore writes into it) and read calendars over CalDAV (https://developers.google.com/calendar/caldav).
export const GOOGLE_SCOPES = ['https://www.googleapis.com/auth/carddav', 'https://www.googleapis.com/auth/calendar.readonly'];
