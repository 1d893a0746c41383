interface PrismaError {
  code?: string;
  meta?: { driverAdapterError?: { cause?: { kind?: string } } };
}

/**
 * Prisma's unique-constraint violation, on both backends: P2002 from a model query, or P2010 (raw
 * query failed) whose driver adapter names the cause, from a raw statement. Matches the kind, not
 * the message.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as PrismaError | null;
  return e?.code === 'P2002' || (e?.code === 'P2010' && e.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation');
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
