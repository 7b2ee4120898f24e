/**
 * An error the server answers with its own status and code (a user's mistake: 4xx), with the
 * input issues when there are some, and the answer to any error a request ends with
 * (`errorAnswer`): anything not known to be the client's mistake is a 500.
 *
 * @example
 * throw new HttpError(404, 'serve.unknown_model', "no model 'x' is served here");
 */
import type { InputIssue } from './input.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: InputIssue[],
    readonly more?: number,
  ) {
    super(message);
  }
}

/** The body of a failed request's answer (specml's routes send it as `{ error: body }`). */
export interface ErrorBody {
  code: string;
  message: string;
  hint?: string;
  issues?: InputIssue[];
  more_issues?: number;
}

/**
 * The status and body for an error thrown while answering: an HttpError as it says; Fastify's
 * own client errors (too large, media type, malformed or empty JSON, prototype poisoning) as
 * 4xx with specml codes; anything else a 500 that says nothing of the cause (the server logs it).
 *
 * @example
 * errorAnswer(new HttpError(404, 'serve.unknown_model', 'no model'), { bodyLimit: 1024, contentType: undefined }).status; // 404
 */
export function errorAnswer(err: Error & { statusCode?: number; code?: string }, req: { bodyLimit: number; contentType: string | undefined }): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}), ...(err.more ? { more_issues: err.more } : {}) } };
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { code: 'serve.too_large', message: `the request body is over the limit of ${req.bodyLimit} bytes`, hint: 'Send fewer rows per request.' } };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { code: 'serve.media_type', message: `content-type '${req.contentType ?? ''}' is not accepted`, hint: 'Send application/json.' } };
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, empty body, prototype poisoning.
    return {
      status: err.statusCode,
      body: { code: err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'serve.empty_body' : 'serve.bad_json', message: err.message.replace(/^Body is not valid JSON but content-type is set to 'application\/json'$/, 'the body is not valid JSON') },
    };
  }
  return { status: 500, body: { code: 'internal', message: 'internal error (logged); the request may be retried' } };
}
