import { ConfluenceAuthenticationError } from './confluence.errors';
import { htmlAnswerError, looksLikeHtml, redirectError } from './misconfiguration';

const REQUEST_URL = new URL('https://wiki.example.com/confluence/rest/api/space?limit=5');

describe('redirectError', () => {
  it('names only the origin of the target, never its path or query', () => {
    const location = 'https://sso.example.com/adfs/ls?SAMLRequest=secret-token&RelayState=x';
    const error = redirectError(302, { location }, REQUEST_URL);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect(error).toMatchObject({ kind: 'authentication', status: 302 });
    expect(error.message).toBe(
      'Confluence redirected the request (HTTP 302 to https://sso.example.com) — usually a login or SSO page: check CONFLUENCE_URL and the credentials.',
    );
  });

  it('resolves a relative Location against the request and copes without one', () => {
    expect(redirectError(301, { location: '/login.action?os_destination=x' }, REQUEST_URL).message).toContain(
      '(HTTP 301 to https://wiki.example.com)',
    );
    expect(redirectError(307, {}, REQUEST_URL).message).toMatch(/^Confluence redirected the request \(HTTP 307\) — /);
  });
});

describe('HTML answers', () => {
  it('recognises HTML by content type or by a leading <', () => {
    expect(looksLikeHtml({ 'content-type': 'text/html; charset=UTF-8' }, '')).toBe(true);
    expect(looksLikeHtml({ 'content-type': 'application/json' }, '  \n<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml({ 'content-type': 'application/json' }, '{"results":[]}')).toBe(false);
    expect(looksLikeHtml({}, '')).toBe(false);
  });

  it('reports a configuration problem without any of the page', () => {
    const error = htmlAnswerError(200);
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect(error.message).toBe(
      "Confluence answered with an HTML page instead of JSON — check that CONFLUENCE_URL is the site's base URL and that the credentials are valid.",
    );
  });
});
