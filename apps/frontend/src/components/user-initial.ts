/** The letter an avatar shows: the first character of the name, whole (emoji and accents included). */
export function initialOf(name: string): string {
  const [first] = Array.from(name.trim());
  return first ? first.toLocaleUpperCase() : '?';
}
