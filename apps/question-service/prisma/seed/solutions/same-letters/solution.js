function sameLetters(dealt, played) {
  return [...dealt].sort().join('') === [...played].sort().join('');
}
