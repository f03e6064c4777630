import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSharedDir } from './shared-dir';

/** One storage-format document from `storage-corpus/`, with the page title and id derived from its file name. */
export interface CorpusDocument {
  fileName: string;
  number: number;
  source: string;
  title: string;
  body: string;
}

const cache = new Map<string, CorpusDocument[]>();

/** Reads the corpus once per process (the sandbox never touches the disk per request). */
export function loadCorpus(sharedDir: string = resolveSharedDir()): CorpusDocument[] {
  const dir = path.join(sharedDir, 'storage-corpus');
  const cached = cache.get(dir);
  if (cached) return cached;
  if (!fs.existsSync(dir)) throw new Error(`Sandbox corpus not found at ${dir}; set SHARED_DIR`);
  const docs = fs
    .readdirSync(dir)
    .filter((name) => /^\d+-.+\.xml$/.test(name))
    .sort()
    .map((name) => toDocument(name, fs.readFileSync(path.join(dir, name), 'utf8')));
  cache.set(dir, docs);
  return docs;
}

function toDocument(fileName: string, body: string): CorpusDocument {
  const [numberPart, source, ...words] = fileName.replace(/\.xml$/, '').split('-');
  return { fileName, number: Number(numberPart), source, title: titleCase(words), body };
}

function titleCase(words: string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
