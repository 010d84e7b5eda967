// The state stream over Server-Sent Events. Chosen over WebSocket because the stream only flows
// from server to client (commands are POSTs), so SSE needs no framing code of our own (an RFC 6455
// implementation is security-sensitive: masking, fragmentation, control frames, size limits),
// and because the client reads it with fetch(), it carries the same Authorization: Bearer header
// as every other request: one authentication path, and the token never goes in a URL.
import type { ServerResponse } from 'node:http';
import type { StreamMessage } from '../../../shared/contract/stream.js';

/** One SSE event: JSON never contains a raw newline, so a single data line is always enough. */
export function formatSseEvent(message: StreamMessage): string {
  return `event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`;
}

export interface SseChannel {
  send(message: StreamMessage): void;
  close(): void;
}

/** Starts an SSE response; a comment every `heartbeatMs` keeps idle connections from looking dead. */
export function openSse(res: ServerResponse, heartbeatMs = 15_000): SseChannel {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'keep-alive',
  });
  res.write(': goproxyctl state stream\n\n');
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    res.end();
  };
  res.on('close', close);
  return {
    send(message) {
      if (open) res.write(formatSseEvent(message));
    },
    close,
  };
}
