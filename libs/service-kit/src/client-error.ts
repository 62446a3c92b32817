import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '@peerprep/contracts';

/** What Node's parser reports on a request it could not read, as the status the client gets. */
const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADERS_TIMEOUT: 408,
};

/**
 * The raw HTTP/1.1 response for a request Node's parser refused before any
 * handler saw it (headers over the size limit, a malformed request line, ...):
 * a problem+json like every other error answer, where Node's own default is
 * a bare status line without a body.
 */
export function clientErrorResponse(code: string | undefined): string {
  const status = (code && STATUS_BY_CODE[code]) || 400;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const detail = status === 431 ? 'The request headers are larger than the server accepts' : status === 408 ? 'The request took too long to arrive' : 'The request could not be parsed as HTTP';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  return (
    `HTTP/1.1 ${status} ${title}\r\n` +
    'Connection: close\r\n' +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** The server's 'clientError' listener: answers with `clientErrorResponse` while the socket can still take it. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Node's own rule: nothing to tell a reset socket, and no second response
  // once one has started on this connection (its internal _httpMessage).
  const inProgress = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error.code));
}
