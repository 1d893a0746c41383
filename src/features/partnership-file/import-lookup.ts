import { nameIndex } from './partnership-file.names.ts';

/** Turns the names a file uses into ids, and ids back into names for the audit log. */
export interface Lookup {
  /** The id of what `name` refers to (any name it answers to); the reader has checked it exists. */
  idOf(name: string): string;
  /** The name of a row, for audit entries; rows outside the file included. */
  nameOf(id: string): string;
}

export function buildLookup<T extends { name: string }>(
  items: readonly T[],
  namesOf: (item: T) => string[],
  ids: ReadonlyMap<string, string>,
  existing: ReadonlyArray<{ id: string; name: string }>,
): Lookup {
  const byName = nameIndex(items, namesOf);
  const names = new Map(existing.map((row) => [row.id, row.name]));
  for (const [name, id] of ids) names.set(id, name);
  return {
    idOf(name) {
      const canonical = byName.get(name)?.name ?? name;
      const id = ids.get(canonical);
      if (!id)
        throw new Error(
          `Import: "${name}" was not resolved (the file reader should have refused it)`,
        );
      return id;
    },
    nameOf: (id) => names.get(id) ?? id,
  };
}

/** Everyone and everything a meeting's records may name. */
export interface Directory {
  organisations: Lookup;
  people: Lookup;
  services: Lookup;
}

/** Sorts a list of records by their JSON form, so that sets compare equal whatever their order. */
export function sortedSet<T>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** A calendar date (YYYY-MM-DD) as the Date a `@db.Date` column holds. */
export function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** The YYYY-MM-DD of a `@db.Date` value. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;

/** The file's kebab-case words are the Prisma enums in another case: 'vice-chair' → 'VICE_CHAIR'. */
export function enumOf<S extends string>(value: S): Uppercase<Snake<S>> {
  return value.toUpperCase().replace(/-/g, '_') as Uppercase<Snake<S>>;
}
