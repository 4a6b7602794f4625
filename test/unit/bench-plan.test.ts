// The benchmark's command line: plans, servers, repetitions and the optional 100k point.
import { describe, expect, it } from 'vitest';
import { planFromArgs } from '../../bench/bench-plan';

describe('benchmark plan', () => {
  it('runs both servers, three times each figure, 2,000 to 20,000 items by default', () => {
    expect(planFromArgs([])).toMatchObject({ name: 'default', recorded: true, repeat: 3, servers: ['radicale', 'cyrus'], sizes: [1000, 10000], parts: ['dav', 'photos', 'side'] });
  });

  it('keeps the small plan quick: one repetition, nothing recorded', () => {
    expect(planFromArgs(['--size', 'small'])).toMatchObject({ recorded: false, repeat: 1, sizes: [200] });
  });

  it('takes a server, a repeat count, a 100k point and one part', () => {
    const plan = planFromArgs(['--server', 'cyrus', '--repeat=5', '--with-100k', '--only', 'side']);
    expect(plan).toMatchObject({ servers: ['cyrus'], repeat: 5, sizes: [1000, 10000, 100000], parts: ['side'] });
    expect(plan.name).toBe('default, with 100k, server cyrus, repeat 5, only side');
    expect(planFromArgs(['--server', 'both']).servers).toEqual(['radicale', 'cyrus']);
  });

  it('refuses what it does not know', () => {
    expect(() => planFromArgs(['--server', 'xandikos'])).toThrow(/--server xandikos/);
    expect(() => planFromArgs(['--repeat', '0'])).toThrow(/--repeat/);
    expect(() => planFromArgs(['--only', 'popup'])).toThrow(/--only popup/);
  });
});
