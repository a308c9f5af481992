/**
 * The site index's memo (src/site/content-memo.ts): one load per content change in `astro dev`,
 * shared by callers at the same time, failures not kept, a change during a load honoured.
 */
import { describe, expect, it } from 'vitest';
import { memoUntilInvalidated } from '#src/site/content-memo.ts';

/** A load whose calls resolve (or fail) when the test says so. */
function controlledLoad() {
  const calls: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<string>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

type Step = 'get' | 'invalidate' | `resolve ${number}` | `reject ${number}`;

describe('memoUntilInvalidated', () => {
  it.each<{ name: string; steps: Step[]; loads: number; last: string }>([
    { name: 'one load for many calls', steps: ['get', 'resolve 0', 'get', 'get'], loads: 1, last: 'v0' },
    { name: 'calls during a load share it', steps: ['get', 'get', 'get', 'resolve 0'], loads: 1, last: 'v0' },
    {
      name: 'a content change loads again on the next call',
      steps: ['get', 'resolve 0', 'invalidate', 'get', 'resolve 1'],
      loads: 2,
      last: 'v1',
    },
    {
      name: 'a change during a load: later calls get a new load',
      steps: ['get', 'invalidate', 'get', 'resolve 0', 'resolve 1', 'get'],
      loads: 2,
      last: 'v1',
    },
    {
      name: 'a failed load is not kept',
      steps: ['get', 'reject 0', 'get', 'resolve 1'],
      loads: 2,
      last: 'v1',
    },
    {
      name: 'invalidating without a value does nothing else',
      steps: ['invalidate', 'invalidate', 'get', 'resolve 0', 'get'],
      loads: 1,
      last: 'v0',
    },
  ])('$name', async ({ steps, loads, last }) => {
    const { load, calls } = controlledLoad();
    const memo = memoUntilInvalidated(load);
    let latest: Promise<string> | undefined;
    for (const step of steps) {
      if (step === 'get') latest = memo.get();
      else if (step === 'invalidate') memo.invalidate();
      else {
        const [verb, index] = step.split(' ') as ['resolve' | 'reject', string];
        const call = calls[Number(index)]!;
        if (verb === 'resolve') call.resolve(`v${index}`);
        else call.reject(new Error(`failed ${index}`));
      }
      // Let the memo see settled loads before the next step.
      await new Promise((ok) => setImmediate(ok));
    }
    expect(memo.loads).toBe(loads);
    await expect(latest).resolves.toBe(last);
  });

  it('a failed load still rejects for its own callers', async () => {
    const { load, calls } = controlledLoad();
    const memo = memoUntilInvalidated(load);
    const first = memo.get();
    calls[0]!.reject(new Error('bad content'));
    await expect(first).rejects.toThrow('bad content');
  });
});
