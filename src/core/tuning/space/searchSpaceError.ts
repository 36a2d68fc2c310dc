// The one error type search-space validation throws, naming the parameter (or constraint) at fault so the CLI
// can print it verbatim and the UI can highlight the field.

export type SearchSpaceErrorKind = 'name' | 'range' | 'log' | 'step' | 'choices' | 'value' | 'constraint' | 'infeasible';

export class SearchSpaceError extends Error {
  override readonly name = 'SearchSpaceError';

  constructor(
    readonly kind: SearchSpaceErrorKind,
    /** The parameter at fault; for a constraint, the constraint's text. */
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}
