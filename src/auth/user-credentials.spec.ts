import { AppConfig } from '../config/app-config';
import { Caller } from './caller';
import { ToolPolicy } from './tool-policy';
import { UserCredentials, UserCredentialsError } from './user-credentials';

const caller: Caller = {
  id: 'team-a',
  name: 'Team A',
  scopes: ['read'],
  policy: ToolPolicy.allowAll(),
  connection: { id: 'default', deployment: 'datacenter', baseUrl: 'https://wiki.example.com', auth: { kind: 'bearer', token: 'service' } },
  credentials: 'deployment',
};

function service(mode: 'off' | 'header'): UserCredentials {
  return new UserCredentials({ auth: { userCredentials: mode } } as unknown as AppConfig);
}

describe('UserCredentials', () => {
  const header = service('header');

  it('runs the call with the user\'s own token, on the same site', () => {
    const bearer = header.apply(caller, { 'x-confluence-authorization': 'Bearer user-pat' });
    expect(bearer).toMatchObject({ id: 'team-a', credentials: 'user', connection: { baseUrl: 'https://wiki.example.com', deployment: 'datacenter' } });
    expect(bearer.connection.auth).toEqual({ kind: 'bearer', token: 'user-pat' });
    const basic = header.apply(caller, { 'x-confluence-authorization': `Basic ${Buffer.from('me@x.com:tok:en').toString('base64')}` });
    expect(basic.connection.auth).toEqual({ kind: 'basic', username: 'me@x.com', apiToken: 'tok:en' });
  });

  it('gives every credential its own connection id, which reveals nothing of it', () => {
    const one = header.apply(caller, { 'x-confluence-authorization': 'Bearer one' }).connection.id;
    const again = header.apply(caller, { 'x-confluence-authorization': 'Bearer one' }).connection.id;
    const two = header.apply(caller, { 'x-confluence-authorization': 'Bearer two' }).connection.id;
    expect(one).toBe(again);
    expect(one).not.toBe(two);
    expect(one).toMatch(/^user:[\w-]{22}$/);
    expect(one).not.toBe(service('header').apply(caller, { 'x-confluence-authorization': 'Bearer one' }).connection.id);
  });

  it('leaves callers without the header alone, and refuses unreadable or unwanted headers', () => {
    expect(header.apply(caller, {})).toBe(caller);
    expect(service('off').apply(caller, {})).toBe(caller);
    expect(() => service('off').apply(caller, { 'x-confluence-authorization': 'Bearer x' })).toThrow(/CONFLUENCE_USER_CREDENTIALS is off/);
    for (const value of ['Token x', 'Bearer', 'Basic !!!', `Basic ${Buffer.from('nocolon').toString('base64')}`, `Basic ${Buffer.from('u:').toString('base64')}`]) {
      expect(() => header.apply(caller, { 'x-confluence-authorization': value })).toThrow(UserCredentialsError);
    }
  });
});
