function sameLetters(dealt: string, played: string): boolean {
  return [...dealt].sort().join('') === [...played].sort().join('');
}
