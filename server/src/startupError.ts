/**
 * A reason the server (or a CLI that writes) cannot start, worded for the operator as one line:
 * what, where (the folder or file) and why. main.ts prints it on stderr and exits with 1.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
