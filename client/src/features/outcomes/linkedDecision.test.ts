import { describe, expect, it } from 'vitest';
import { decisionAnchor, decisionIdFromHash } from './linkedDecision';

describe('a link to a decision', () => {
  it('reads the decision id from the address\'s fragment', () => {
    expect(decisionIdFromHash('#decision-abc_123')).toBe('abc_123');
    expect(decisionIdFromHash('#decision-%E6%B1%BA')).toBe('決');
    expect(decisionIdFromHash('#decision-%E6')).toBeNull();
    expect(decisionIdFromHash('#action-abc')).toBeNull();
    expect(decisionIdFromHash('')).toBeNull();
    expect(decisionAnchor('abc')).toBe('decision-abc');
  });
});
