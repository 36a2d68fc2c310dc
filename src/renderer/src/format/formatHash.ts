/** Twelve hex characters tell datasets apart in practice while keeping the table narrow. */
export function hashPrefix(hash: string): string {
  return hash.slice(0, 12);
}
