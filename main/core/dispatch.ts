/**
 * Runs one operation of the contract for a caller outside the core (IPC, the test host):
 * validates the raw input against the operation's schema, calls the handler, and wraps the
 * outcome in the reply envelope so the clerk always sees the core's own message.
 */
import { isOperationName, parseOperationInput, type ApiHandlers, type ApiReply, type OperationName } from '../domain/api';
import { ClerkFacingError } from './clerkFacingError';

export { ClerkFacingError };

export async function dispatchOperation(handlers: ApiHandlers, name: string, rawInput: unknown): Promise<ApiReply<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { message: `Minute Book has no operation called “${name}”.`, code: 'unknown-operation' } };
  }
  const parsed = parseOperationInput(name, rawInput);
  if (!parsed.ok) return { ok: false, error: { message: parsed.message, code: 'invalid-input' } };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.input) };
  } catch (error) {
    if (error instanceof ClerkFacingError) {
      const refusal = { message: error.message, code: error.code };
      return { ok: false, error: error.suggestedPath === undefined ? refusal : { ...refusal, suggestedPath: error.suggestedPath } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message: `Minute Book could not complete “${describe(name)}”: ${detail}`, code: 'internal' } };
  }
}

/** "meetings.export" → "meetings export", "library.houseStyle.save" → "library house style save". */
function describe(name: OperationName): string {
  return name
    .split('.')
    .map((part) => part.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`))
    .join(' ');
}
