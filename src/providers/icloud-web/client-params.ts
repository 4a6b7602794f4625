// The query parameters icloud.com's own pages put on every web-service call (pyicloud base.py
// `params`, icloudpd's recorded requests): the client's build, a client id made once per
// session, and the account's dsid from validate. The build numbers are what icloud.com sent
// when the reproduction's sources were recorded; the services accept older builds.
export const CLIENT_BUILD_NUMBER = '2534Project66';
export const CLIENT_MASTERING_NUMBER = '2534B22';

export function clientParams(session: { clientId: string; dsid?: string }): URLSearchParams {
  const params = new URLSearchParams({ clientBuildNumber: CLIENT_BUILD_NUMBER, clientMasteringNumber: CLIENT_MASTERING_NUMBER, clientId: session.clientId });
  if (session.dsid) params.set('dsid', session.dsid);
  return params;
}

/** `base` with the client parameters and `extra` added to its query. */
export function serviceUrl(base: string, path: string, params: URLSearchParams, extra: Record<string, string> = {}): string {
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  for (const [name, value] of params) url.searchParams.set(name, value);
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return url.href;
}
