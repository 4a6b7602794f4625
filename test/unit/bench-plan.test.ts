// The benchmark's command line: plans, servers, repetitions and the optional growth part (the 100,000-contact point).
import { describe, expect, it } from 'vitest';
import { planFromArgs } from '../../bench/bench-plan';

describe('benchmark plan', () => {
  it('runs both servers, three times each figure, 2,000 to 20,000 items by default', () => {
    expect(planFromArgs([])).toMatchObject({ name: 'default', recorded: true, repeat: 3, servers: ['radicale', 'cyrus'], sizes: [1000, 10000], parts: ['dav', 'photos', 'side'] });
  });

  it('keeps the small plan quick: one repetition, nothing recorded', () => {
    expect(planFromArgs(['--size', 'small'])).toMatchObject({ recorded: false, repeat: 1, sizes: [200] });
  });

  it('takes a server, a repeat count and one part', () => {
    const plan = planFromArgs(['--server', 'cyrus', '--repeat=5', '--only', 'side']);
    expect(plan).toMatchObject({ servers: ['cyrus'], repeat: 5, sizes: [1000, 10000], parts: ['side'] });
    expect(plan.name).toBe('default, server cyrus, repeat 5, only side');
    expect(planFromArgs(['--server', 'both']).servers).toEqual(['radicale', 'cyrus']);
  });

  it('runs the growth part, 10,000 and 100,000 contacts, only when asked: alone or beside the others', () => {
    expect(planFromArgs(['--only', 'growth'])).toMatchObject({ growthContacts: [10_000, 100_000], parts: ['growth'] });
    expect(planFromArgs(['--with-100k']).parts).toEqual(['dav', 'photos', 'side', 'growth']);
    const quick = planFromArgs(['--only', 'growth', '--growth-sizes', '1000,5000']);
    expect(quick).toMatchObject({ growthContacts: [1000, 5000], name: 'default, growth sizes 1000,5000, only growth' });
  });

  it('refuses what it does not know', () => {
    expect(() => planFromArgs(['--server', 'xandikos'])).toThrow(/--server xandikos/);
    expect(() => planFromArgs(['--repeat', '0'])).toThrow(/--repeat/);
    expect(() => planFromArgs(['--only', 'popup'])).toThrow(/--only popup/);
  });
});
