/** Injection token for the ordered interceptors that wrap every tool call (outermost first). */
export const TOOL_INTERCEPTORS = Symbol('TOOL_INTERCEPTORS');
