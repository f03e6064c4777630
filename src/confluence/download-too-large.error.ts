import { ConfluenceInvalidRequestError } from './confluence.errors';

/**
 * A download bigger than the caller allowed. Raised from the Content-Length header when there is one,
 * otherwise as soon as the streamed body passes the limit, so no more than `limitBytes` is ever held.
 * A subclass of the invalid-request error because asking again will not help; a smaller file or a higher limit will.
 */
export class ConfluenceDownloadTooLargeError extends ConfluenceInvalidRequestError {
  constructor(
    readonly limitBytes: number,
    /** The size Confluence announced, when it did; undefined when the stream was cut at the limit. */
    readonly sizeBytes?: number,
  ) {
    super(
      sizeBytes === undefined
        ? `The download passed the limit of ${limitBytes} bytes and was stopped.`
        : `The file is ${sizeBytes} bytes, over the limit of ${limitBytes} bytes; it was not downloaded.`,
      413,
    );
  }
}
