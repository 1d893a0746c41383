/** Prisma's unique-constraint violation: on both backends, match the code, not the detail. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/**
 * Runs work that may race with an identical request (a double click, Teams resending): a unique
 * violation means the other one got there first, so run once more and find it already done.
 */
export async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}
