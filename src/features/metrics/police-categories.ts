import type { PoliceCategory } from './metrics.schemas.ts';

/**
 * How police categories are compared and stored: upper case, letters and digits only, single
 * spaces. "Burglary - Business and Community" (the Title Case files), "BURGLARY BUSINESS AND
 * COMMUNITY" (UPPER CASE) and "PUBLIC FEAR, ALARM OR DISTRESS" / "PUBLIC FEAR ALARM OR DISTRESS"
 * become one category each.
 */
export function categoryKey(name: string): string {
  return name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * Subgroups the publisher has spelt differently between header versions, by key, and the
 * spelling of the current UPPER CASE files they stand for. Renames only: a split or merge (the
 * 2023 split of DOMESTIC BURGLARY into RES BURGLARY OF A HOME / OF UNCONNECTED BUILDING) is left to
 * the metric, which lists each subgroup.
 */
const MINOR_SPELLINGS: Record<string, string> = {
  'THEFT OR TAKING OF A MOTOR VEHICLE': 'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
  'THEFT OR TAKING OF MOTOR VEHICLE': 'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
  'THEFT TAKING OF MOTOR VEHICLE': 'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
  'THEFT OR UNAUTHORISED TAKING OF A MOTOR VEHICLE': 'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
  'THEFT OR UNAUTHORISED TAKING OF MOTOR VEHICLE': 'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
  'THEFT FROM A MOTOR VEHICLE': 'THEFT FROM A VEHICLE',
  'THEFT FROM MOTOR VEHICLE': 'THEFT FROM A VEHICLE',
  'RACE OR RELIGIOUS AGGRAVATED PUBLIC FEAR': 'RACE OR RELIGIOUS AGG PUBLIC FEAR',
  'DRUG TRAFFICKING': 'TRAFFICKING OF DRUGS',
  'MISCELLANEOUS CRIMES AGAINST SOCIETY': 'MISC CRIMES AGAINST SOCIETY',
  'DEATH OR SERIOUS INJURY ILLEGAL DRIVING': 'DEATH SERIOUS INJURY ILLEGAL DRIVING',
  // assumption: the 2019-20 "Burglary - Residential" is the subgroup later files call DOMESTIC BURGLARY.
  'BURGLARY RESIDENTIAL': 'DOMESTIC BURGLARY',
};

/** The stored (canonical) spelling of a major category (group). */
export function canonicalMajor(name: string): string {
  return categoryKey(name);
}

/** The stored (canonical) spelling of a minor category (subgroup), known renames applied. */
export function canonicalMinor(name: string): string {
  const key = categoryKey(name);
  return MINOR_SPELLINGS[key] ?? key;
}

/** A metric's police categories ready for matching: every category, or groups and subgroups. */
export interface CategorySelector {
  all: boolean;
  majors: string[];
  pairs: Array<{ major: string; minor: string }>;
}

/** `{ major: "*" }` (or "All", or "Total Notifiable Offences") stands for every category. */
export function isAllCategories(entry: PoliceCategory): boolean {
  const key = categoryKey(entry.major);
  return entry.major.trim() === '*' || key === 'ALL' || key === 'TOTAL NOTIFIABLE OFFENCES';
}

/** A metric's `policeCategories`: a major alone is the whole group, major + minor one subgroup. */
export function categorySelector(entries: readonly PoliceCategory[]): CategorySelector {
  const selector: CategorySelector = { all: false, majors: [], pairs: [] };
  for (const entry of entries) {
    if (isAllCategories(entry)) selector.all = true;
    else if (entry.minor === undefined) selector.majors.push(canonicalMajor(entry.major));
    else
      selector.pairs.push({
        major: canonicalMajor(entry.major),
        minor: canonicalMinor(entry.minor),
      });
  }
  return selector;
}

/** Whether a stored (canonical) category counts towards the metric. */
export function selects(selector: CategorySelector, major: string, minor: string): boolean {
  if (selector.all || selector.majors.includes(major)) return true;
  return selector.pairs.some((p) => p.major === major && p.minor === minor);
}

/** Whether the selector picks anything at all. */
export function selectsAnything(selector: CategorySelector): boolean {
  return selector.all || selector.majors.length > 0 || selector.pairs.length > 0;
}
