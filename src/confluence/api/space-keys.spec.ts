import { ConfluenceInvalidRequestError, ConfluenceNotFoundError } from '../confluence.errors';
import { noSuchSpace, spaceKeyPath } from './space-keys';

describe('space keys', () => {
  it('words an unknown space the same way everywhere', () => {
    const error = noSuchSpace('NOPE');
    expect(error).toBeInstanceOf(ConfluenceNotFoundError);
    expect(error).toMatchObject({ message: 'No space with key NOPE.', status: 404 });
  });

  it('accepts global and personal space keys in a path and refuses anything else', () => {
    expect(spaceKeyPath('ENG')).toBe('ENG');
    expect(spaceKeyPath('~jdoe_1')).toBe('~jdoe_1');
    for (const bad of ['', '../admin', 'ENG/x', 'ENG?expand=x', 'A B', '~']) {
      expect(() => spaceKeyPath(bad)).toThrow(ConfluenceInvalidRequestError);
    }
  });
});
