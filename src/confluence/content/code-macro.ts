import { macroStorage } from './macro-storage';

const CODE_TITLE = /(?:^|\s)title="((?:[^"\\]|\\.)*)"/;

/** The language and title of a fence info string as the reader writes it (`python title="a.py"`). */
export function codeInfo(info: string): { language: string; title?: string } {
  const title = CODE_TITLE.exec(info);
  const language = info.trim().split(/\s+/)[0] ?? '';
  return {
    language: language.startsWith('title=') ? '' : language,
    title: title ? title[1].replace(/\\(.)/g, '$1') : undefined,
  };
}

/** A fenced or indented code block → the `code` macro with a plain-text body. */
export function codeMacro(info: string, content: string): string {
  const { language, title } = codeInfo(info);
  const params: Array<[string, string]> = [];
  if (language) params.push(['language', language]);
  if (title !== undefined) params.push(['title', title]);
  return macroStorage('code', params, { kind: 'plain', text: content.replace(/\n$/, '') });
}
