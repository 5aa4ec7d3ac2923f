import { ErrorCode, type ApiErrorBody, type ErrorCodeValue } from '@suishin/shared/protocol';

/** A non-2xx answer of the API, with the server's error code and the offending field (shared's ApiErrorBody). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCodeValue,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** From the answer's parsed body; one that is not the API's (a proxy's page, nothing) still gives the status and its text. */
  static fromBody(status: number, statusText: string, body: unknown): ApiError {
    // Any JSON value (or null) reads safely as a partial error body.
    const error = (body as Partial<ApiErrorBody> | null)?.error;
    return new ApiError(
      status,
      typeof error?.code === 'string' ? error.code : ErrorCode.internal,
      typeof error?.message === 'string' ? error.message : statusText,
      typeof error?.field === 'string' ? error.field : undefined,
    );
  }
}
