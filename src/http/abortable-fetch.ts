/** A fetch whose every request also stops on `signal` (a run's stop), for SDKs and services that take a fetch. */
export function abortableFetch(signal: AbortSignal, base: typeof fetch = fetch): typeof fetch {
  return (input, init) =>
    base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}
