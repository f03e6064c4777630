import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { gfmDocument } from '../../../test/fixtures/content/markdown-arbitrary';
import { applyLineEdits, lineEdits } from '../../../test/fixtures/content/markdown-edits';
import { PreservationTally, roundTrip } from '../../../test/fixtures/content/round-trip';
import { storageDocument } from '../../../test/fixtures/content/storage-arbitrary';
import { markdownToStorage } from './markdown-to-storage';
import { PlaceholderMismatchError, mergeMarkdownIntoStorage } from './storage-merge';
import { storageToMarkdown } from './storage-to-markdown';
import { storageProblem } from './storage-well-formed';

/**
 * Storage → markdown → storage over every document of the shared corpus and over generated ones:
 * unchanged markdown must give the storage back byte for byte, and after a typical edit (text appended
 * to paragraphs, paragraphs added) every macro, link, image, mention, table cell, heading and layout
 * cell must still be there, and get_page must read back exactly the edited markdown. The per-kind
 * figures are printed; reproduce them with `npx jest --selectProjects unit -- src/confluence/content/round-trip`.
 */
const CORPUS = path.resolve(process.cwd(), '../shared/storage-corpus');
const corpusFiles = readdirSync(CORPUS).filter((file) => file.endsWith('.xml'));
const corpus = new PreservationTally();
const generated = new PreservationTally();

describe('round trip over the storage corpus', () => {
  it('finds the corpus', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(corpusFiles)('%s', (file) => {
    const storage = readFileSync(path.join(CORPUS, file), 'utf8');
    const trip = roundTrip(storage);
    corpus.add(trip);

    it('gives the storage back byte for byte for unchanged markdown, also through the full merge', () => {
      expect(trip.unchanged).toBe(storage);
      expect(trip.throughMerge).toBe(storage);
    });

    it('keeps every measured element through an edit, and reads back as the edited markdown', () => {
      expect(trip.lost.edited).toEqual({});
      expect(trip.rereadEdited).toBe(trip.edit.markdown);
      expect(storageProblem(trip.edited)).toBeUndefined();
    });
  });

  it('keeps 100% of every element kind over the corpus', () => {
    process.stderr.write(`${corpus.table('Round trip over ../shared/storage-corpus')}\n`);
    expect(corpus.documents).toBe(corpusFiles.length);
    for (const row of corpus.rows()) {
      expect({ kind: row.kind, unchanged: row.unchanged, edited: row.edited }).toEqual({ kind: row.kind, unchanged: row.total, edited: row.total });
    }
    expect(corpus.rows().every((row) => row.total > 0)).toBe(true);
  });
});

describe('round trip over generated storage documents', () => {
  it('keeps every element of documents this project has not seen, through an edit', () => {
    fc.assert(
      fc.property(storageDocument, (storage) => {
        const trip = roundTrip(storage);
        expect(trip.unchanged).toBe(storage);
        expect(trip.throughMerge).toBe(storage);
        expect(trip.lost.edited).toEqual({});
        expect(trip.rereadEdited).toBe(trip.edit.markdown);
        expect(storageProblem(trip.edited)).toBeUndefined();
        generated.add(trip);
      }),
      { numRuns: 300, seed: 20250101 },
    );
    process.stderr.write(`${generated.table('Round trip over generated storage (fast-check, seed 20250101)')}\n`);
    expect(generated.rows().every((row) => row.total > 0 && row.edited === row.total)).toBe(true);
  });
});

describe('merging any edit', () => {
  it('reads back exactly as the markdown converted afresh, as well-formed storage, whatever the edit', () => {
    fc.assert(
      fc.property(storageDocument, lineEdits, gfmDocument, (storage, edits, snippet) => {
        const markdown = applyLineEdits(storageToMarkdown(storage), edits, snippet);
        let merged: string;
        try {
          merged = mergeMarkdownIntoStorage(storage, markdown, { allowRemoved: 'all' }).storage;
        } catch (error) {
          fc.pre(!(error instanceof PlaceholderMismatchError));
          throw error;
        }
        expect(storageProblem(merged)).toBeUndefined();
        expect(storageToMarkdown(merged)).toBe(storageToMarkdown(markdownToStorage(markdown)));
      }),
      { numRuns: 300, seed: 20250102 },
    );
  });
});
