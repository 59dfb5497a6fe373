import { describe, expect, it } from 'vitest';
import { createRenderGate } from './render-gate.mjs';

describe('render gate', () => {
  it('lets at most `limit` requests in, and the next one in as each ends', () => {
    const gate = createRenderGate({ limit: 2 });
    const started: string[] = [];
    const done = ['a', 'b', 'c', 'd'].map((name) => gate.enter(false, () => started.push(name)));
    expect(started).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(2);
    done[0]!();
    expect(started).toEqual(['a', 'b', 'c']);
    done[1]!();
    done[2]!();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    done[3]!();
    expect(gate.active).toBe(0);
  });

  it('lets a write in ahead of every waiting read', () => {
    const gate = createRenderGate({ limit: 1 });
    const started: string[] = [];
    const first = gate.enter(false, () => started.push('read 1'));
    gate.enter(false, () => started.push('read 2'));
    gate.enter(false, () => started.push('read 3'));
    gate.enter(true, () => started.push('comment'));
    first();
    expect(started).toEqual(['read 1', 'comment']);
  });

  it('gives the place of a request abandoned while waiting to the next one, and never runs it', () => {
    const gate = createRenderGate({ limit: 1 });
    const started: string[] = [];
    const first = gate.enter(false, () => started.push('a'));
    const gone = Array.from({ length: 10_000 }, () => gate.enter(false, () => started.push('gone')));
    gate.enter(false, () => started.push('b'));
    for (const done of gone) done();
    expect(gate.waiting).toBe(1);
    first();
    expect(started).toEqual(['a', 'b']);
    expect(gate.active).toBe(1);
  });

  it('counts a request once, however often it reports its end', () => {
    const gate = createRenderGate({ limit: 1 });
    const done = gate.enter(false, () => {});
    done();
    done();
    expect(gate.active).toBe(0);
    const started: string[] = [];
    gate.enter(false, () => started.push('x'));
    gate.enter(false, () => started.push('y'));
    expect(started).toEqual(['x']);
  });
});
