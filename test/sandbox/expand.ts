import { allParams, QueryMap } from './route-context';

/** The `expand` parameter of a v1 request, e.g. `body.storage,version,ancestors`. */
export class Expansion {
  private readonly paths: Set<string>;

  constructor(paths: Iterable<string>) {
    this.paths = new Set(paths);
  }

  static from(query: QueryMap, defaults: string[] = []): Expansion {
    const requested = allParams(query, 'expand').flatMap((v) => v.split(',')).map((v) => v.trim());
    return new Expansion([...defaults, ...requested].filter((v) => v.length > 0));
  }

  /** True when `path` or anything below it (`body` for `body.storage`) was asked for. */
  has(path: string): boolean {
    for (const p of this.paths) {
      if (p === path || p.startsWith(`${path}.`)) return true;
    }
    return false;
  }

  /** The expansion below `prefix`, e.g. `content.` of a search expand. */
  below(prefix: string): Expansion {
    return new Expansion([...this.paths].filter((p) => p.startsWith(`${prefix}.`)).map((p) => p.slice(prefix.length + 1)));
  }
}
