import { describe, expect, it } from 'vitest';
import {
  canonicalMajor,
  canonicalMinor,
  categoryKey,
  categorySelector,
  selects,
} from '../../../src/features/metrics/police-categories.ts';

describe('police category names', () => {
  it('compares Title Case and UPPER CASE spellings as one, ignoring punctuation', () => {
    expect(categoryKey('Burglary - Business and Community')).toBe(
      'BURGLARY BUSINESS AND COMMUNITY',
    );
    expect(canonicalMinor('PUBLIC FEAR, ALARM OR DISTRESS')).toBe(
      canonicalMinor('Public Fear Alarm or Distress'),
    );
    expect(canonicalMinor('Public Fear Alarm Or Distress')).toBe('PUBLIC FEAR ALARM OR DISTRESS');
    expect(canonicalMajor('Violence Against the Person')).toBe('VIOLENCE AGAINST THE PERSON');
  });

  it('maps the theft-or-taking-of-motor-vehicle subgroup to one spelling, whichever a file uses', () => {
    for (const spelling of [
      'THEFT OR UNAUTH TAKING OF A MOTOR VEH',
      'Theft Or Unauth Taking Of A Motor Veh',
      'Theft or Taking of a Motor Vehicle',
      'Theft/Taking Of Motor Vehicle',
    ])
      expect(canonicalMinor(spelling)).toBe('THEFT OR UNAUTH TAKING OF A MOTOR VEH');
  });

  it('selects a whole group by its major, a subgroup by major and minor, everything by "*"', () => {
    const burglary = categorySelector([{ major: 'Burglary' }]);
    expect(selects(burglary, 'BURGLARY', 'DOMESTIC BURGLARY')).toBe(true);
    expect(selects(burglary, 'ROBBERY', 'ROBBERY OF BUSINESS PROPERTY')).toBe(false);
    const tmv = categorySelector([
      { major: 'Vehicle Offences', minor: 'Theft or Taking of a Motor Vehicle' },
    ]);
    expect(selects(tmv, 'VEHICLE OFFENCES', 'THEFT OR UNAUTH TAKING OF A MOTOR VEH')).toBe(true);
    expect(selects(tmv, 'VEHICLE OFFENCES', 'THEFT FROM A VEHICLE')).toBe(false);
    for (const all of ['*', 'All', 'Total Notifiable Offences'])
      expect(categorySelector([{ major: all }]).all).toBe(true);
    expect(categorySelector([]).all).toBe(false);
  });
});
