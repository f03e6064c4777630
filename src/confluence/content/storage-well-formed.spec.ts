import { storageProblem } from './storage-well-formed';

describe('storageProblem', () => {
  it('accepts well-formed storage with self-closing tags, entities, CDATA and comments', () => {
    expect(
      storageProblem('<p a="x &amp; y">a &lt; b &nbsp; &#8594; <br /><ac:link><ri:page ri:content-title="P"/></ac:link></p><!-- c --><x><![CDATA[ <a> & ]]></x>'),
    ).toBeUndefined();
  });

  it.each([
    ['<p><b>x</p>', '</p> does not close the open element'],
    ['<p>x', '<p> is not closed'],
    ['x</p>', '</p> does not close the open element'],
    ['<p>a & b</p>', 'unescaped markup in "a & b"'],
    ['<p title="a & b">x</p>', 'unescaped markup in "a & b"'],
  ])('reports %s', (storage, problem) => {
    expect(storageProblem(storage)).toBe(problem);
  });
});
