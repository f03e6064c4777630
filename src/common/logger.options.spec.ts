import { serializeError } from './logger.options';

describe('serializeError', () => {
  it('keeps the kind, message and code of an error and never its stack', () => {
    const error = Object.assign(new TypeError('bad thing'), { code: 'E_BAD' });
    const logged = serializeError(error);
    expect(logged).toEqual({ type: 'TypeError', message: 'bad thing', code: 'E_BAD' });
    expect(JSON.stringify(logged)).not.toContain('logger.options.spec');
  });

  it('reads errors another serializer already flattened, and anything else as text', () => {
    expect(serializeError({ type: 'McpError', message: 'refused', stack: 'at x (/app/y.js:1:1)' })).toEqual({ type: 'McpError', message: 'refused' });
    expect(serializeError('plain')).toEqual({ message: 'plain' });
  });
});
