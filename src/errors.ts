/**
 * The one user-facing failure type: a message a person can act on (which file,
 * which line or column, what to do). Only src/cli turns it into stderr text and
 * an exit code.
 */
export class MigrascoreError extends Error {
  constructor(
    message: string,
    /** 1 = bad input or failed analysis, 2 = usage error (contract exit codes). */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'MigrascoreError';
  }
}

export class UsageError extends MigrascoreError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
