import type { $ZodError } from 'zod/v4/core';
import { ErrorCode, type ErrorCodeValue } from '../protocol/errors';

/**
 * A write the model refused. Thrown before the document is touched, so the document is
 * unchanged. `code` is one of the shared REST error codes; `field` names the offending input.
 */
export class ModelError extends Error {
  override readonly name: string = 'ModelError';
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Input failed validation. `field` is a dotted path such as `owner.name`. */
export class ValidationError extends ModelError {
  override readonly name = 'ValidationError';
  constructor(message: string, field?: string) {
    super(ErrorCode.invalidInput, message, field);
  }

  static fromZod(error: $ZodError, prefix?: string): ValidationError {
    const issue = error.issues[0];
    const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
    const message = issue ? `${path || 'input'}: ${issue.message}` : 'invalid input';
    return new ValidationError(message, path || undefined);
  }
}

/** The record a write refers to does not exist (any more). */
export class NotFoundError extends ModelError {
  override readonly name = 'NotFoundError';
  constructor(kind: string, id: string) {
    super(ErrorCode.notFound, `${kind} ${id} does not exist`, 'id');
  }
}
