import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

const BARE_AMPERSAND = /&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/;

/**
 * The first well-formedness problem of a storage fragment (an unclosed or mismatched tag, a stray
 * `<` or `&` in text or an attribute), or undefined when it is well-formed. Storage given by a caller
 * is checked before it is spliced into a page, since a broken fragment would break the page around it.
 * htmlparser2's tokenizer reads the markup; its parser would silently repair what is checked here.
 */
export function storageProblem(storage: string): string | undefined {
  const open: string[] = [];
  let tag = '';
  let problem: string | undefined;
  const fail = (message: string): void => {
    problem ??= message;
  };
  const checkText = (start: number, end: number): void => {
    const text = storage.slice(start, end);
    if (text.includes('<') || BARE_AMPERSAND.test(text)) fail(`unescaped markup in ${JSON.stringify(text.slice(0, 40))}`);
  };
  const ignore = (): void => undefined;
  const callbacks: TokenizerCallbacks = {
    onopentagname: (start, end) => {
      tag = storage.slice(start, end);
    },
    onopentagend: () => open.push(tag),
    onselfclosingtag: ignore,
    onclosetag: (start, end) => {
      const name = storage.slice(start, end);
      if (open.pop() !== name) fail(`</${name}> does not close the open element`);
    },
    ontext: checkText,
    onattribdata: checkText,
    onattribentity: ignore,
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onprocessinginstruction: ignore,
    ontextentity: ignore,
    onend: ignore,
  };
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, callbacks);
  tokenizer.write(storage);
  tokenizer.end();
  return problem ?? (open.length > 0 ? `<${open[open.length - 1]}> is not closed` : undefined);
}
