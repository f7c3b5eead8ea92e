/**
 * The renderer's only way to reach the core. In the Electron app it calls the preload bridge
 * (`window.minutebook`); in browser mode and end-to-end tests it calls the loopback test host
 * over HTTP, with the token the host put in the page address or the page. Both speak the same contract.
 */
import type { ApiEvent, ApiReply, MinuteBookBridge, OperationInput, OperationName, OperationResult } from '../../main/domain/api';

declare global {
  interface Window {
    minutebook?: MinuteBookBridge;
  }
}

/** An error the core reported; its message is written for the clerk. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** With 'export-target-busy': a free file name the screen can offer instead. */
    readonly suggestedPath?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

function unwrap<T>(reply: ApiReply<T>): T {
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error.message, reply.error.code, reply.error.suggestedPath);
}

export function bridgeClient(bridge: MinuteBookBridge): ApiClient {
  return {
    async call(name, input) {
      const method = bridge[name] as (input: unknown) => Promise<ApiReply<OperationResult<typeof name>>>;
      return unwrap(await method(input));
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}

/**
 * Chromium refuses a `keepalive` request once the bodies of all keepalive requests in flight pass
 * 64 KiB, and a refused one never leaves the page. Keepalive is only worth having while the page
 * is going away (a request still on its way then is otherwise cancelled), so it is used only then,
 * and only for a body that fits what is left of the allowance.
 */
const KEEPALIVE_ALLOWANCE_BYTES = 60 * 1024;
let keepaliveBytesInFlight = 0;

function utf8Length(text: string): number {
  // Cheap when it surely fits; exact otherwise.
  return text.length * 3 <= KEEPALIVE_ALLOWANCE_BYTES ? text.length * 3 : new TextEncoder().encode(text).length;
}

function pageIsGoingAway(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

const NOT_RESPONDING = 'Minute Book’s background service is not responding.';

/** Talks to the loopback test host that served this page. */
export function testHostClient(origin: string, token: string): ApiClient {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | undefined;

  async function post(name: string, body: string): Promise<Response> {
    const request = { method: 'POST', headers: { 'content-type': 'application/json', 'x-minutebook-token': token }, body };
    const bytes = pageIsGoingAway() ? utf8Length(body) : Infinity;
    if (keepaliveBytesInFlight + bytes <= KEEPALIVE_ALLOWANCE_BYTES) {
      keepaliveBytesInFlight += bytes;
      try {
        // Lets a change sent as the window closes still reach the core.
        return await fetch(`${origin}/api/${name}`, { ...request, keepalive: true });
      } catch {
        // Refused as a keepalive request (the allowance is the browser's to judge): send it plainly below.
      } finally {
        keepaliveBytesInFlight -= bytes;
      }
    }
    return fetch(`${origin}/api/${name}`, request);
  }

  return {
    async call(name, input) {
      let response: Response;
      try {
        response = await post(name, JSON.stringify(input));
      } catch {
        throw new ApiError(NOT_RESPONDING, 'unreachable');
      }
      let reply: ApiReply<OperationResult<typeof name>>;
      try {
        reply = (await response.json()) as ApiReply<OperationResult<typeof name>>;
      } catch {
        // Not the host's own envelope (a proxy, a half-closed connection): the core never saw or never answered it.
        throw new ApiError(`${NOT_RESPONDING} (It answered ${response.status} ${response.statusText}.)`, 'unreachable');
      }
      return unwrap(reply);
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (message) => {
          const event = JSON.parse(String(message.data)) as ApiEvent;
          for (const each of listeners) each(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = undefined;
        }
      };
    },
  };
}

/**
 * Chooses the bridge inside Electron, otherwise the test host that served the page: the token is in
 * the address, or (opened with the one-time address, which left only a cookie) in the page itself.
 */
export function connectApi(): ApiClient {
  if (window.minutebook) return bridgeClient(window.minutebook);
  const token =
    new URLSearchParams(window.location.search).get('token') ?? document.querySelector('meta[name="minutebook-token"]')?.getAttribute('content') ?? '';
  return testHostClient(window.location.origin, token);
}
