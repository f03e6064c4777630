import { ConfluenceInvalidRequestError, ConfluenceNotFoundError } from '../confluence.errors';

const SPACE_KEY = /^~?[A-Za-z0-9_]{1,255}$/;

/** The one message for an unknown space key, so Cloud and Data Center read the same. */
export function noSuchSpace(spaceKey: string): ConfluenceNotFoundError {
  return new ConfluenceNotFoundError(`No space with key ${spaceKey}.`, 404);
}

/** Space keys go into URL paths (`/rest/api/space/KEY`); anything but a key's characters could walk elsewhere. */
export function spaceKeyPath(spaceKey: string): string {
  if (SPACE_KEY.test(spaceKey)) return encodeURIComponent(spaceKey);
  throw new ConfluenceInvalidRequestError(`The space key "${spaceKey.slice(0, 64)}" is not valid.`);
}
