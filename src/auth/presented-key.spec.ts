import { presentedKey } from './presented-key';

describe('presentedKey', () => {
  it('reads Authorization: Bearer (any case) and X-API-Key', () => {
    expect(presentedKey({ authorization: 'Bearer k1' })).toEqual({ key: 'k1' });
    expect(presentedKey({ authorization: 'bearer   k1 ' })).toEqual({ key: 'k1' });
    expect(presentedKey({ 'x-api-key': ' k2 ' })).toEqual({ key: 'k2' });
    expect(presentedKey({ authorization: 'Bearer k3', 'x-api-key': 'k3' })).toEqual({ key: 'k3' });
  });

  it('says what is missing, and refuses two different keys', () => {
    expect(presentedKey({})).toEqual({ missing: 'no API key was sent' });
    expect(presentedKey({ 'x-api-key': '  ' })).toEqual({ missing: 'no API key was sent' });
    expect(presentedKey({ authorization: 'Basic dTpw' })).toEqual({ missing: expect.stringContaining('Bearer scheme') });
    expect(presentedKey({ authorization: 'Bearer a b' })).toEqual({ missing: expect.stringContaining('Bearer scheme') });
    expect(presentedKey({ authorization: 'Bearer k1', 'x-api-key': 'k2' })).toEqual({ ambiguous: expect.stringContaining('different keys') });
    expect(presentedKey({ 'x-api-key': ['k1', 'k1'] as unknown as string })).toEqual({ ambiguous: expect.stringContaining('one X-API-Key') });
  });
});
