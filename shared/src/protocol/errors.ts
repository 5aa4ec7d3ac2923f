/**
 * Error codes shared by REST responses (`{ error: { code, message, field? } }`) and
 * the model's ValidationError, so clients match on codes, never on message text.
 */
export const ErrorCode = {
  invalidInput: 'invalid_input',
  notFound: 'not_found',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  conflict: 'conflict',
  /** The meeting is in the trash (HTTP 410): its links and pages answer this until it is restored. */
  deleted: 'deleted',
  readOnly: 'read_only',
  payloadTooLarge: 'payload_too_large',
  internal: 'internal',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** JSON body of every non-2xx REST response. */
export interface ApiErrorBody {
  error: {
    code: ErrorCodeValue;
    message: string;
    /** Dotted path of the offending field, when the error is about one. */
    field?: string;
  };
}
