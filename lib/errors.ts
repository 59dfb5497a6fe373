/** A refusal worded for the person who caused it (bad input, a taken email, a stale version): safe to show as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'invalid',
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
