/** A failure whose message is written for the model and safe to show as is (no secrets, no internals). */
export class ToolFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid_input' | 'policy' = 'invalid_input',
  ) {
    super(message);
  }
}
