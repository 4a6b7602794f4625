// One call to an iCloud web service through the HTTP layer, its answer read as JSON: the
// browser's icloud.com session goes with it (credential-policy.ts `browser-session`), 503 and
// 429 are waited out by the retry loop, and every answer that is not the expected one becomes
// an error that says what happened, never a shorter or empty listing.
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { httpRequest } from '../../http/request';
import { parseJsonBody } from '../../http/json-body';
import { answerShape } from './answer-shape';
import { IcloudPhotosNotSetUpError, IcloudSignedOutError, IcloudUnexpectedAnswerError, IcloudWebAccessOffError } from './icloud-errors';

export interface IcloudCall {
  method: 'GET' | 'POST';
  url: string;
  /** A POST's JSON body (CloudKit takes it as text/plain, as icloud.com's pages send it). */
  body?: unknown;
}

/** 421 "Missing X-APPLE-WEBAUTH-TOKEN cookie" / "Invalid global session", and 450 (pyicloud session.py). */
const SIGNED_OUT_STATUSES: ReadonlySet<number> = new Set([421, 450]);

/**
 * Calls the service and hands the parsed answer to `read`, which checks its shape and returns
 * what the caller needs (throwing IcloudUnexpectedAnswerError when a field is missing).
 */
export async function icloudJson<T>(ctx: HttpContext, call: IcloudCall, read: (json: unknown, url: string) => T): Promise<T> {
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return httpRequest(ctx, { method: call.method, url: call.url, bodyKind: 'json', ...(body === undefined ? {} : { body, contentType: 'text/plain' }) }, (res) => {
    if (SIGNED_OUT_STATUSES.has(res.status)) throw new IcloudSignedOutError(res.status);
    // An empty body (some refusals have none) reads as null, for the status to speak.
    const json = res.body === '' ? null : parseJsonBody(res.url, res.body);
    if (res.status !== 200) throw refusal(res.url, res.status, res.statusText, json);
    return read(json, res.url);
  });
}

/** CloudKit's error answers ({serverErrorCode, reason}; CloudKit Web Services Reference, "Error Codes"). */
function refusal(url: string, status: number, statusText: string, json: unknown): Error {
  const code = typeof json === 'object' && json !== null ? (json as { serverErrorCode?: unknown }).serverErrorCode : undefined;
  if (code === 'AUTHENTICATION_REQUIRED') return new IcloudSignedOutError(status);
  if (code === 'ACCESS_DENIED') return new IcloudWebAccessOffError();
  if (code === 'ZONE_NOT_FOUND') return new IcloudPhotosNotSetUpError();
  if (status >= 400 && status < 600) return new HttpError(url, status, statusText);
  return new IcloudUnexpectedAnswerError({ url, status, shape: answerShape(json) });
}


/** A field's value when it has the expected type; otherwise the answer is not the one expected. */
export function expectField<T>(json: unknown, url: string, check: (value: unknown) => value is T, ...path: string[]): T {
  let value: unknown = json;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (!check(value)) throw new IcloudUnexpectedAnswerError({ url, status: 200, shape: answerShape(json) });
  return value;
}

export const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
export const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
