/**
 * An error the server answers with its own status and code (a user's mistake: 4xx), with the
 * input issues when there are some. Anything else thrown in a handler is a 500.
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
