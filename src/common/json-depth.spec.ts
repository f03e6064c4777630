import type { IncomingMessage, ServerResponse } from 'node:http';
import { rejectDeepJson } from './json-depth';

const verify = rejectDeepJson(3);
const check = (text: string) => () => verify({} as IncomingMessage, {} as ServerResponse, Buffer.from(text));

describe('rejectDeepJson', () => {
  it('lets JSON up to the limit through and refuses deeper nesting with a 400', () => {
    expect(check('{"a":[{"b":1}]}')).not.toThrow();
    expect(check('{"a":[{"b":[1]}]}')).toThrow(expect.objectContaining({ status: 400, type: 'entity.too.deep' }));
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(check('{"a":"[[[[{{{{","b":"\\"[[[["}')).not.toThrow();
  });
});
