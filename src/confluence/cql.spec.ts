import { ConfluenceInvalidRequestError } from './confluence.errors';
import { buildSearchCql, escapeCqlString, splitOrderBy } from './cql';

describe('escapeCqlString', () => {
  it('quotes and escapes backslashes and double quotes', () => {
    expect(escapeCqlString('plain')).toBe('"plain"');
    expect(escapeCqlString('say "hi"')).toBe('"say \\"hi\\""');
    expect(escapeCqlString('C:\\temp\\')).toBe('"C:\\\\temp\\\\"');
    expect(escapeCqlString('\\"')).toBe('"\\\\\\""');
  });

  it('flattens line breaks', () => {
    expect(escapeCqlString('a\nb\r\nc')).toBe('"a b c"');
  });
});

describe('buildSearchCql', () => {
  it('searches plain words with siteSearch on Cloud and text on Data Center', () => {
    expect(buildSearchCql({ query: 'release notes' }, 'cloud')).toBe('siteSearch ~ "release notes"');
    expect(buildSearchCql({ query: 'release notes' }, 'datacenter')).toBe('text ~ "release notes"');
  });

  it('adds space and type constraints with every key quoted', () => {
    expect(buildSearchCql({ query: 'x', spaceKeys: ['ENG', 'OPS'], type: 'page' }, 'cloud')).toBe(
      'siteSearch ~ "x" AND space in ("ENG", "OPS") AND type = "page"',
    );
  });

  it.each([
    ['a double quote', 'x" OR space = "SECRET', 'siteSearch ~ "x\\" OR space = \\"SECRET"'],
    ['a backslash before a quote', 'x\\" OR type = "page', 'siteSearch ~ "x\\\\\\" OR type = \\"page"'],
    ['a closing parenthesis', 'x) OR (space = SECRET', 'siteSearch ~ "x) OR (space = SECRET"'],
    ['CQL keywords', 'a OR b AND c NOT d', 'siteSearch ~ "a OR b AND c NOT d"'],
    ['an order by clause', 'x order by created', 'siteSearch ~ "x order by created"'],
  ])('keeps %s in query inside the string literal', (_label, query, expectedSearch) => {
    const cql = buildSearchCql({ query, spaceKeys: ['ENG'] }, 'cloud');
    expect(cql).toBe(`${expectedSearch} AND space in ("ENG")`);
    expect(stringLiterals(cql)).toEqual([query, 'ENG']);
  });

  it('escapes space keys too', () => {
    expect(buildSearchCql({ query: 'x', spaceKeys: ['A") OR space = ("B'] }, 'cloud')).toBe(
      'siteSearch ~ "x" AND space in ("A\\") OR space = (\\"B")',
    );
  });

  it('parenthesises raw CQL so OR cannot escape the constraints', () => {
    expect(buildSearchCql({ cql: 'title ~ "a" OR title ~ "b"', spaceKeys: ['ENG'], type: 'page' }, 'cloud')).toBe(
      '(title ~ "a" OR title ~ "b") AND space in ("ENG") AND type = "page"',
    );
  });

  it('keeps a trailing order by of raw CQL at the end, outside the parentheses', () => {
    expect(buildSearchCql({ cql: 'type = blogpost ORDER BY lastmodified DESC, title', spaceKeys: ['ENG'] }, 'cloud')).toBe(
      '(type = blogpost) AND space in ("ENG") ORDER BY lastmodified DESC, title',
    );
  });

  it('does not mistake order by inside a string or parentheses for the sort clause', () => {
    expect(buildSearchCql({ cql: 'title ~ "order by x"', spaceKeys: ['ENG'] }, 'cloud')).toBe(
      '(title ~ "order by x") AND space in ("ENG")',
    );
    expect(() => buildSearchCql({ cql: '(type = page order by title)', spaceKeys: ['ENG'] }, 'cloud')).not.toThrow();
  });

  it.each([
    ['an unbalanced closing parenthesis', 'type = page) OR (space = SECRET'],
    ['an unbalanced opening parenthesis', '(type = page'],
    ['an unterminated string', 'title ~ "abc'],
    ['a sort clause followed by more conditions', 'type = page order by title OR space = SECRET'],
    ['a sort clause alone', 'order by title'],
  ])('refuses raw CQL with %s', (_label, cql) => {
    expect(() => buildSearchCql({ cql, spaceKeys: ['ENG'] }, 'cloud')).toThrow(ConfluenceInvalidRequestError);
  });

  it('combines raw CQL and a plain query', () => {
    expect(buildSearchCql({ cql: 'label = "howto"', query: 'vpn' }, 'datacenter')).toBe('(label = "howto") AND text ~ "vpn"');
  });

  it('refuses an empty search and an empty space list', () => {
    expect(() => buildSearchCql({ query: '  ' }, 'cloud')).toThrow(ConfluenceInvalidRequestError);
    expect(() => buildSearchCql({ query: 'x', spaceKeys: [] }, 'cloud')).toThrow(ConfluenceInvalidRequestError);
  });
});

describe('splitOrderBy', () => {
  it('returns the condition alone when there is no sort clause', () => {
    expect(splitOrderBy('space = ENG')).toEqual({ condition: 'space = ENG' });
  });
});

/** Reads back every double-quoted literal, undoing the escapes: proves the query stayed one literal. */
function stringLiterals(cql: string): string[] {
  const literals: string[] = [];
  const pattern = /"((?:\\.|[^"\\])*)"/g;
  for (let match = pattern.exec(cql); match; match = pattern.exec(cql)) {
    literals.push(match[1].replace(/\\(.)/g, '$1'));
  }
  return literals;
}
