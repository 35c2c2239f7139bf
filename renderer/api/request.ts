import { useMemo } from 'react';
import type { RapportError, Result } from '../../shared/ipc/result.ts';
import { useToast, type ToastSpec } from '../ui/Toast.tsx';

export interface RequestOptions<T> {
  /** What the user asked for, as the end of "Could not …": "log the interaction". */
  action: string;
  /**
   * Show the failure next to where it happened (a form's fields) instead of in a toast. When
   * this is absent the failure always becomes an error toast with the message and Retry.
   */
  onError?: (error: RapportError) => void;
  /** What to say when it worked, with Undo where it can be undone; nothing for silent reads. */
  success?: (value: T) => ToastSpec | undefined;
}

export type Request = <T>(call: () => Promise<Result<T>>, options: RequestOptions<T>) => Promise<Result<T>>;

/**
 * The one way screens call main. A failure is never dropped: it goes to `onError` (shown next
 * to the control) or becomes an error toast naming what failed, with the message and Retry.
 * Success says what happened when `success` returns a toast. The Result is returned so the
 * caller can go on (close a dialog, clear a form).
 */
export function useRequest(): Request {
  const toast = useToast();
  return useMemo(() => {
    const request: Request = async (call, options) => {
      const result = await settled(call);
      if (!result.ok) {
        if (options.onError) options.onError(result.error);
        else
          toast({
            kind: 'error',
            title: `Could not ${options.action}`,
            description: result.error.message,
            retry: () => void request(call, options),
          });
        return result;
      }
      const feedback = options.success?.(result.value);
      if (feedback) toast(feedback);
      return result;
    };
    return request;
  }, [toast]);
}

/**
 * The call's result, or a failure when it threw before reaching the core (a file moved after it was
 * picked, whose bytes can no longer be read): the screen then says so instead of waiting forever.
 */
async function settled<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    console.error('[rapport] A request failed before it reached Rapport:', error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          error instanceof DOMException && error.name === 'NotFoundError'
            ? 'The file could not be read: it may have been moved or deleted since it was chosen.'
            : 'Something went wrong that Rapport did not expect. Try again.',
      },
    };
  }
}
