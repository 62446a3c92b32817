import { loadSoloCode, loadSoloLanguage, saveSoloCode, saveSoloLanguage, soloCodeKey, soloCodeProblem, type CodeStorage } from './solo-code';

function memoryStorage(): CodeStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const QUESTION = '44444444-4444-4444-8444-444444444444';

describe('solo code storage', () => {
  it('keeps code per question and language, falling back to the starter code', () => {
    const storage = memoryStorage();
    expect(loadSoloCode(storage, QUESTION, 'python', 'def f(): pass')).toBe('def f(): pass');
    saveSoloCode(storage, QUESTION, 'python', 'def f(): return 1', 'def f(): pass');
    expect(loadSoloCode(storage, QUESTION, 'python', 'def f(): pass')).toBe('def f(): return 1');
    expect(loadSoloCode(storage, QUESTION, 'java', 'class Solution {}')).toBe('class Solution {}');
    expect(storage.items.has(soloCodeKey(QUESTION, 'python'))).toBe(true);
  });

  it('forgets code that is back to the starter', () => {
    const storage = memoryStorage();
    saveSoloCode(storage, QUESTION, 'cpp', 'x', 'starter');
    saveSoloCode(storage, QUESTION, 'cpp', 'starter', 'starter');
    expect(storage.items.size).toBe(0);
  });

  it('remembers the language, ignoring anything that is not one', () => {
    const storage = memoryStorage();
    expect(loadSoloLanguage(storage, QUESTION)).toBeNull();
    saveSoloLanguage(storage, QUESTION, 'cpp');
    expect(loadSoloLanguage(storage, QUESTION)).toBe('cpp');
    storage.setItem(`peerprep:practice:${QUESTION}:language`, 'cobol');
    expect(loadSoloLanguage(storage, QUESTION)).toBeNull();
  });

  it('works without storage, and when storage throws', () => {
    const throwing: CodeStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(loadSoloCode(null, QUESTION, 'python', 'starter')).toBe('starter');
    expect(loadSoloCode(throwing, QUESTION, 'python', 'starter')).toBe('starter');
    expect(() => saveSoloCode(throwing, QUESTION, 'python', 'code', 'starter')).not.toThrow();
  });
});

describe('soloCodeProblem', () => {
  it('refuses empty code and code above 64 KiB before sending it', () => {
    expect(soloCodeProblem('  \n')).toBe('Write some code first.');
    expect(soloCodeProblem('x'.repeat(64 * 1024 + 1))).toMatch(/64 KiB/);
    expect(soloCodeProblem('é'.repeat(33 * 1024))).toMatch(/64 KiB/);
    expect(soloCodeProblem('print(1)')).toBeNull();
  });
});
