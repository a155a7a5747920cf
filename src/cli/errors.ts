/**
 * Errors the command line reports as a message, never as a stack trace.
 * `InputError` is bad input (a scenario, a CSV, a flag): exit code 2.
 */
export class InputError extends Error {
  constructor(
    message: string,
    /** One line per problem, already naming the field or row. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
