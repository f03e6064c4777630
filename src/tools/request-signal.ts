/** The parts of an HTTP request we need to notice a client that went away. */
interface DisconnectSource {
  res?: { writableFinished?: boolean; once?: (event: 'close', listener: () => void) => unknown };
}

/**
 * An AbortSignal that fires when the HTTP client disconnects before its answer
 * is written, so Confluence requests made for it stop too. Undefined under stdio.
 */
export function disconnectSignal(request: unknown): AbortSignal | undefined {
  const res = (request as DisconnectSource | undefined)?.res;
  if (!res?.once) return undefined;
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return controller.signal;
}
