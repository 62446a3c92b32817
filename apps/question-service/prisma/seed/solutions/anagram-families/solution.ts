function anagramFamilies(words: string[]): string[][] {
  const families = new Map<string, string[]>();
  for (const word of words) {
    const key = [...word].sort().join('');
    families.set(key, [...(families.get(key) ?? []), word]);
  }
  const sorted = [...families.values()].map((family) => family.sort());
  return sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
