import type { z } from 'zod';

/** "field: problem; field: problem" — what a person needs to fix a rejected message or setting. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(message)'}: ${issue.message}`)
    .join('; ');
}

/** A message the background refused: says which message and why. */
export class MessageRejectedError extends Error {
  override name = 'MessageRejectedError';
}
