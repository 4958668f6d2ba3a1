import type { IncomingMessage, ServerResponse } from 'node:http';

/** The default request body limit; the gateway sets its own (`maxBodyBytes`). */
export const MAX_BODY_BYTES = 1_000_000;
/** How long a refused upload may keep sending before its connection is closed for good. */
const LINGER_MS = 5_000;

/** A request refused before it reaches GraphQL, answered as `{ errors: [{ message, code }] }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

const tooLarge = (maxBytes: number) =>
  new HttpError(
    413,
    `Request body is larger than the limit of ${maxBytes} bytes.`,
    'REQUEST_TOO_LARGE',
  );

/**
 * Reads the body with 'data' events rather than an async iterator: leaving an iterator early
 * destroys the socket, and the client would get a reset instead of the 413.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).off('error', reject);
      reject(tooLarge(maxBytes));
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = (await readBody(req, maxBytes)).toString('utf8');
  if (!text) return undefined;
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON.');
  }
}

/**
 * After a 413 the client may still be uploading. Closing the socket with unread bytes in it
 * makes the kernel send a reset, which can discard the 413 before the client reads it; so the
 * connection is half-closed (our FIN after the response) and what still arrives is read and
 * dropped, until the client closes or `LINGER_MS` passes.
 */
export function closeAfterResponse(res: ServerResponse): void {
  const socket = res.socket;
  res.setHeader('connection', 'close');
  if (!socket) return;
  socket.destroySoon = () => {
    socket.end();
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(timer));
  };
}
