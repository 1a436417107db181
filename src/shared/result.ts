/** Every call across the process boundary answers with this envelope; `message` is shown to people. */
export type ErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'is-folder'
  | 'permission-denied'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'undecodable'
  | 'not-allowed'
  | 'invalid-request'
  | 'cancelled'
  | 'unavailable'
  /** The disk is full or the folder read-only; in-memory state is kept. */
  | 'storage'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside services to end a call with a human message; the IPC layer turns it into an envelope. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
