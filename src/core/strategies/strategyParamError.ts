// The one error type parameter validation throws, carrying which parameter and value were at fault so the CLI
// can show the message verbatim and the UI can highlight the field.

export type StrategyParamErrorKind = 'unknown' | 'type' | 'range' | 'step' | 'choice' | 'constraint';

export class StrategyParamError extends Error {
  override readonly name = 'StrategyParamError';

  constructor(
    readonly kind: StrategyParamErrorKind,
    /** The parameter at fault; for a constraint, the names it reads joined by ', '. */
    readonly param: string,
    /** The offending value; for a constraint, the values of the parameters it reads. */
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }
}
