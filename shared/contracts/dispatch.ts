// Turns an untrusted (method name, arguments) pair into a validated handler call and a validated result.
// Both transports call this, so a malformed payload gets the same clear error over IPC and over loopback.
import { z } from 'zod';
import { bridgeMethods, isBridgeMethodName, type BackendHandlers, type BridgeMethodName } from './bridge.ts';
import { WorkCancelledError } from './progress.ts';

export type BridgeErrorCode = 'unknown-method' | 'bad-request' | 'handler-failed' | 'bad-result' | 'cancelled';

export interface BridgeFailure {
  readonly code: BridgeErrorCode;
  readonly message: string;
}

export type BridgeEnvelope = { ok: true; value: unknown } | { ok: false; error: BridgeFailure };

export const BridgeEnvelopeSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      code: z.enum(['unknown-method', 'bad-request', 'handler-failed', 'bad-result', 'cancelled', 'transport']),
      message: z.string(),
    }),
  }),
]);

/** Error raised on the calling side when the other side answered with a failure. */
export class BridgeCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'BridgeCallError';
    this.code = code;
  }
}

/** Names each problem by its place in the argument list, e.g. `renameWorkbook argument 1, title: must not be empty`. */
export function describeIssues(method: string, what: 'argument' | 'result', issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const [first, ...rest] = issue.path;
    const where =
      what === 'argument'
        ? typeof first === 'number'
          ? `argument ${first + 1}${rest.length ? `, ${rest.join('.')}` : ''}`
          : 'arguments'
        : `result${issue.path.length ? ` ${issue.path.join('.')}` : ''}`;
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `${method} ${parts.join('; ')}${more}`;
}

export function createDispatcher(handlers: BackendHandlers) {
  return createPartialDispatcher(handlers);
}

/** A dispatcher for some of the methods (the others are unknown to it): a host answering a few itself. */
export function createPartialDispatcher(handlers: Partial<BackendHandlers>) {
  return async function dispatch(name: unknown, rawArgs: unknown): Promise<BridgeEnvelope> {
    if (!isBridgeMethodName(name) || !handlers[name]) {
      return { ok: false, error: { code: 'unknown-method', message: `There is no bridge method called ${JSON.stringify(String(name)).slice(0, 80)}.` } };
    }
    const spec = bridgeMethods[name];
    const expected = spec.args.def.items.length;
    if (!Array.isArray(rawArgs) || rawArgs.length !== expected) {
      const got = Array.isArray(rawArgs) ? `${rawArgs.length}` : 'something that is not a list';
      return { ok: false, error: { code: 'bad-request', message: `${name} takes ${expected} argument${expected === 1 ? '' : 's'}, but got ${got}.` } };
    }
    const parsedArgs = spec.args.safeParse(rawArgs);
    if (!parsedArgs.success) {
      return { ok: false, error: { code: 'bad-request', message: describeIssues(name, 'argument', parsedArgs.error.issues) } };
    }
    let value: unknown;
    try {
      const handler = handlers[name] as (...args: unknown[]) => unknown;
      value = await handler(...(parsedArgs.data as unknown[]));
    } catch (err) {
      if (err instanceof WorkCancelledError) return { ok: false, error: { code: 'cancelled', message: err.message } };
      return { ok: false, error: { code: 'handler-failed', message: err instanceof Error ? err.message : String(err) } };
    }
    const parsedResult = spec.result.safeParse(value);
    if (!parsedResult.success) {
      return { ok: false, error: { code: 'bad-result', message: describeIssues(name, 'result', parsedResult.error.issues) } };
    }
    return { ok: true, value: parsedResult.data };
  };
}

export type Dispatch = ReturnType<typeof createPartialDispatcher>;

/** On the calling side: check the envelope's shape and the value against the method's result schema. */
export function unwrapEnvelope<K extends BridgeMethodName>(name: K, raw: unknown): z.output<(typeof bridgeMethods)[K]['result']> {
  const envelope = BridgeEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new BridgeCallError('transport', `${name}: the backend sent an answer of the wrong shape.`);
  if (!envelope.data.ok) throw new BridgeCallError(envelope.data.error.code, envelope.data.error.message);
  const result = bridgeMethods[name].result.safeParse(envelope.data.value);
  if (!result.success) throw new BridgeCallError('bad-result', describeIssues(name, 'result', result.error.issues));
  return result.data as z.output<(typeof bridgeMethods)[K]['result']>;
}
