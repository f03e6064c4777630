import { Injectable } from '@nestjs/common';

/** The parts of an HTTP request we need to notice a client that went away. */
interface DisconnectSource {
  res?: object & { writableFinished?: boolean; once?: (event: 'close', listener: () => void) => unknown };
}

/**
 * AbortSignals that fire when an HTTP client disconnects before its answer is
 * written, so Confluence requests made for it stop too. One signal (and one
 * listener) per response, however many tool calls a JSON-RPC batch holds.
 */
@Injectable()
export class DisconnectSignals {
  private readonly byResponse = new WeakMap<object, AbortSignal>();

  /** The signal for the request's response; undefined under stdio, where there is no HTTP response. */
  for(request: unknown): AbortSignal | undefined {
    const res = (request as DisconnectSource | undefined)?.res;
    if (!res?.once) return undefined;
    let signal = this.byResponse.get(res);
    if (!signal) {
      signal = this.watch(res);
      this.byResponse.set(res, signal);
    }
    return signal;
  }

  private watch(res: NonNullable<DisconnectSource['res']>): AbortSignal {
    const controller = new AbortController();
    res.once?.('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client disconnected'));
    });
    return controller.signal;
  }
}
