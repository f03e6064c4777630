import { CqlEvaluator } from './cql-evaluator';
import { CqlParser } from './cql-parser';
import { CqlSyntaxError } from './cql-tokenizer';

describe('CqlParser', () => {
  it('binds AND tighter than OR and honours parentheses and NOT', () => {
    expect(CqlParser.parse('type = page OR space = DEMO and title ~ x').where).toEqual({
      kind: 'or',
      left: { kind: 'clause', field: 'type', operator: '=', values: ['page'] },
      right: {
        kind: 'and',
        left: { kind: 'clause', field: 'space', operator: '=', values: ['DEMO'] },
        right: { kind: 'clause', field: 'title', operator: '~', values: ['x'] },
      },
    });
    expect(CqlParser.parse('NOT (a = 1 OR b = 2)').where).toMatchObject({ kind: 'not', operand: { kind: 'or' } });
  });

  it('reads quoted strings with escapes in both quote styles', () => {
    const where = CqlParser.parse(String.raw`title = "say \"hi\" \\ bye" AND label = 'it\'s'`).where;
    expect(where).toMatchObject({ left: { values: ['say "hi" \\ bye'] }, right: { values: ["it's"] } });
  });

  it('parses in / not in lists, !~, personal space keys and functions', () => {
    expect(CqlParser.parse('space in (DEMO, "ENG", ~alice)').where).toMatchObject({ operator: 'in', values: ['DEMO', 'ENG', '~alice'] });
    expect(CqlParser.parse('label not in (a,b)').where).toMatchObject({ operator: 'not in', values: ['a', 'b'] });
    expect(CqlParser.parse('text !~ draft').where).toMatchObject({ operator: '!~', values: ['draft'] });
    expect(CqlParser.parse('creator = currentUser()').where).toMatchObject({ values: ['currentUser()'] });
  });

  it('parses order by with several fields and directions', () => {
    expect(CqlParser.parse('space = DEMO order by title desc, created').orderBy).toEqual([
      { field: 'title', direction: 'desc' },
      { field: 'created', direction: 'asc' },
    ]);
  });

  it.each(['', 'title =', 'title = "open', '(space = DEMO', 'space = DEMO AND', 'space DEMO', 'a = b c', 'x in ()', 'order title'])(
    'rejects malformed CQL %p',
    (cql) => expect(() => CqlParser.parse(cql)).toThrow(CqlSyntaxError),
  );

  it('rejects unknown fields and unsupported operators at validation', () => {
    const evaluator = new CqlEvaluator('me');
    expect(() => evaluator.validate(CqlParser.parse('colour = red'))).toThrow(CqlSyntaxError);
    expect(() => evaluator.validate(CqlParser.parse('text = kafka'))).toThrow(CqlSyntaxError);
    expect(() => evaluator.validate(CqlParser.parse('type = pagex'))).toThrow(CqlSyntaxError);
    expect(() => evaluator.validate(CqlParser.parse('title ~ kafka order by title'))).not.toThrow();
  });
});
