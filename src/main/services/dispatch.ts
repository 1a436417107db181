/** Validates a call against the contract, runs its handler and wraps the answer in the result envelope. */
import * as v from 'valibot';
import { calls, isChannel, type Channel, type Handlers } from '../../shared/ipc';
import { AppFailure, fail, ok, type AppError, type Result } from '../../shared/result';

export async function dispatch(
  handlers: Handlers,
  channel: string,
  args: unknown,
  options: { allowHidden?: boolean } = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel) || (!options.allowHidden && calls[channel].exposed === false)) {
    return fail('invalid-request', 'Unknown request.');
  }
  const parsed = safeParse(calls[channel].args, args);
  if (!parsed.success) {
    return fail('invalid-request', `Invalid request for ${channel}: ${parsed.issues[0].message}`);
  }
  try {
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
    return ok(await handler(...(parsed.output as unknown[])));
  } catch (error) {
    return { ok: false, error: errorOf(error, channel) };
  }
}

/** What people are told about a failure: its own message, or (logged) that something broke. */
export function errorOf(error: unknown, channel: string): AppError {
  if (error instanceof AppFailure) return { code: error.code, message: error.message };
  console.error(`[lectern] ${channel} failed:`, error);
  return {
    code: 'internal',
    message: 'Something went wrong inside Lectern. The error was logged.',
  };
}

/** Validation never throws out of here: an input no schema foresaw is a bad request, not a crash. */
function safeParse(schema: v.GenericSchema, input: unknown) {
  try {
    return v.safeParse(schema, input);
  } catch {
    return { success: false as const, issues: [{ message: 'the request could not be read.' }] };
  }
}

export type { Channel };
