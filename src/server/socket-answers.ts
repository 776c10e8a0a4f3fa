// Answers written straight to a connection, for what never becomes a request: Node's HTTP parser refusing the
// bytes (400, or 431 for headers too large, 408 when they come too slowly) and CONNECT. Same shape and headers.

import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { App } from "./app.js";
import { HttpError } from "./http-error.js";

/** Node's default limit on the request head (--max-http-header-size). */
const HEADER_LIMIT_KB = 16;

/** Writes `response` as a whole HTTP/1.1 message and closes the connection. */
export async function answerOnSocket(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  let head = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}\r\n`;
  response.headers.forEach((value, name) => {
    head += `${name}: ${value}\r\n`;
  });
  head += `content-length: ${body.length}\r\nconnection: close\r\n\r\n`;
  if (socket.writable) socket.end(Buffer.concat([Buffer.from(head, "latin1"), body]));
}

/** The status and message for an error of Node's HTTP parser. */
function parseErrorOf(error: NodeJS.ErrnoException): HttpError {
  if (error.code === "HPE_HEADER_OVERFLOW")
    return new HttpError(431, `the request headers are larger than the ${HEADER_LIMIT_KB} KB this server reads`);
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return new HttpError(408, "the request did not arrive in time");
  return new HttpError(400, "the request is not valid HTTP/1.1");
}

/** The `clientError` listener: the error shape when the connection can still carry it, else the connection closed. */
export function answerParseError(app: App, error: NodeJS.ErrnoException, socket: Duplex): void {
  // As Node's own listener does: no answer on a reset connection or after an answer already began on it.
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || answering?.headersSent === true) {
    socket.destroy();
    return;
  }
  answerOnSocket(socket, app.refuse(parseErrorOf(error))).catch(() => socket.destroy());
}
