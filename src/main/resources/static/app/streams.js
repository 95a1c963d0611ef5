// The three ways the page reads the service's streams.
import { headers, ProblemError } from './api.js';

/**
 * A public Server-Sent Events stream through the browser's own EventSource: after a dropped connection the browser
 * reconnects by itself and sends the id of the last event it received as Last-Event-ID, so the stream resumes after
 * it. Closed at the summary, which is the end of the stream (otherwise the browser would reconnect and start over).
 */
export function eventSource(url, { onHit, onSummary, onReconnecting, onResumed, onFailed }) {
  const source = new EventSource(url);
  let reconnecting = false;
  source.addEventListener('hit', (event) => {
    if (reconnecting) {
      reconnecting = false;
      onResumed?.();
    }
    onHit(event.lastEventId, JSON.parse(event.data));
  });
  source.addEventListener('summary', (event) => {
    source.close();
    onSummary(JSON.parse(event.data));
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CONNECTING) {
      reconnecting = true;
      onReconnecting?.();
    } else {
      onFailed?.();
    }
  });
  return { close: () => source.close() };
}

/** NDJSON read as it arrives, line by line; resolves when the stream ends, rejects with the problem of a refused request. */
export async function ndjson(url, { token, signal, onLine }) {
  const response = await opened(url, headers(token, 'application/x-ndjson'), signal);
  await pieces(response, '\n', (line) => {
    if (line.trim()) onLine(JSON.parse(line));
  });
}

/**
 * Server-Sent Events that need a bearer token (EventSource cannot send one): read with fetch, reconnected after a drop
 * with Last-Event-ID like EventSource would, until stopped.
 */
export function authorizedEvents(url, { token, onEvent, onReconnecting, onFailed, retryMs = 2000 }) {
  const controller = new AbortController();
  let lastEventId = null;
  const connect = async () => {
    const requestHeaders = headers(token, 'text/event-stream');
    if (lastEventId) requestHeaders['Last-Event-ID'] = lastEventId;
    const response = await opened(url, requestHeaders, controller.signal);
    await pieces(response, '\n\n', (block) => {
      const event = parseEvent(block);
      if (event.id !== undefined) lastEventId = event.id;
      if (event.data !== undefined) onEvent(event.type, JSON.parse(event.data));
    }, (text) => text.replace(/\r\n?/g, '\n'));
  };
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        await connect();
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ProblemError && error.status < 500 && error.status !== 429) {
          onFailed?.(error);
          return;
        }
      }
      if (controller.signal.aborted) return;
      onReconnecting?.();
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  loop();
  return { close: () => controller.abort() };
}

async function opened(url, requestHeaders, signal) {
  const response = await fetch(url, { headers: requestHeaders, signal });
  if (!response.ok) throw new ProblemError(response.status, await response.json().catch(() => null));
  return response;
}

/** The body's text, handed over piece by piece as each separator arrives; resolves at the end of the body. */
async function pieces(response, separator, onPiece, normalize = (text) => text) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += normalize(value);
    for (let end = buffer.indexOf(separator); end >= 0; end = buffer.indexOf(separator)) {
      const piece = buffer.slice(0, end);
      buffer = buffer.slice(end + separator.length);
      onPiece(piece);
    }
  }
}

function parseEvent(block) {
  const event = { type: 'message' };
  const data = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event.type = value;
    else if (name === 'data') data.push(value);
    else if (name === 'id') event.id = value;
  }
  if (data.length) event.data = data.join('\n');
  return event;
}
