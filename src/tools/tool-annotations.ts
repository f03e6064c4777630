/** Annotations every read tool carries: it changes nothing, and it talks to an outside system. */
export const READ_ONLY_ANNOTATIONS = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
} as const;

/** A write that only adds or replaces content the caller names (create, comment, upload). */
export const ADDITIVE_WRITE_ANNOTATIONS = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
} as const;

/**
 * A write that overwrites or removes existing content (update, delete, move, label removal).
 * `idempotent` is true where repeating the same call changes nothing more.
 */
export function destructiveWriteAnnotations(idempotent: boolean) {
  return { readOnlyHint: false, destructiveHint: true, idempotentHint: idempotent, openWorldHint: true } as const;
}
