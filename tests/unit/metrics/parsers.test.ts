import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricsFileError } from '../../../src/features/metrics/metrics-file.error.ts';
import { parseMetricsFile } from '../../../src/features/metrics/metrics-file.parser.ts';
import type {
  DashboardFile,
  PlainFile,
  WideFile,
} from '../../../src/features/metrics/metrics.schemas.ts';
import { monthIndex, monthKey } from '../../../src/features/metrics/months.ts';
import {
  DASHBOARD,
  HISTORICAL,
  PLAIN,
  RECENT,
  SEEDS_TABLE,
  TITLE_CASE,
} from '../../fixtures/metrics/paths.ts';

const read = (path: string) => readFileSync(path, 'utf8');
const wide = (text: string) => parseMetricsFile(text) as WideFile;

function rejection(text: string): MetricsFileError {
  try {
    parseMetricsFile(text);
  } catch (error) {
    if (error instanceof MetricsFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('Met Police wide borough files', () => {
  it('reads the 2023-25 header (MajorText,MinorText,BoroughName; UPPER CASE; LF)', () => {
    const file = wide(read(HISTORICAL));
    expect(file.header).toBe('BoroughName');
    expect(file.months).toHaveLength(164);
    expect(monthKey(file.months[0]!)).toBe('2010-04');
    expect(monthKey(file.months.at(-1)!)).toBe('2023-11');
    expect(file.rows).toHaveLength(128);
    expect(file.rows[0]).toMatchObject({
      line: 2,
      major: 'ARSON AND CRIMINAL DAMAGE',
      minor: 'ARSON',
      borough: 'Bexley',
    });
    expect(file.rows[0]!.counts.slice(0, 3)).toEqual([12, 11, 4]);
  });

  it('reads the 2026 header (Group,SubGroup,BOCU) with its quoted comma', () => {
    const file = wide(read(RECENT));
    expect(file.header).toBe('BOCU');
    expect(file.months.map(monthKey)).toEqual(expect.arrayContaining(['2024-07', '2026-06']));
    const fear = file.rows.find(
      (r) => r.borough === 'Bromley' && r.writtenMinor === 'PUBLIC FEAR, ALARM OR DISTRESS',
    );
    expect(fear).toMatchObject({
      major: 'PUBLIC ORDER OFFENCES',
      minor: 'PUBLIC FEAR ALARM OR DISTRESS',
    });
    expect(fear!.counts.slice(0, 3)).toEqual([79, 95, 91]);
  });

  it('reads the 2019-20 header (LookUp_BoroughName; Title Case; CRLF) into the same categories and counts as UPPER CASE', () => {
    const titleCase = wide(read(TITLE_CASE));
    expect(titleCase.header).toBe('LookUp_BoroughName');
    expect(titleCase.rows[0]!.writtenMinor).toBe('Burglary Business And Community');
    const upper = wide(read(HISTORICAL));
    for (const row of titleCase.rows) {
      const same = upper.rows.find(
        (u) => u.borough === row.borough && u.major === row.major && u.minor === row.minor,
      );
      expect(same, `${row.writtenMajor} / ${row.writtenMinor}`).toBeDefined();
      expect(row.counts).toEqual(same!.counts);
    }
    expect(titleCase.rows.map((r) => r.minor)).toContain('THEFT OR UNAUTH TAKING OF A MOTOR VEH');
  });

  it('takes CRLF, LF and header names in any case', () => {
    const lf =
      'majortext,minortext,boroughname,202101,202102\nBurglary,Domestic Burglary,Bromley,10,11\n';
    expect(wide(lf).rows[0]!.counts).toEqual([10, 11]);
    expect(wide(lf.replace(/\n/g, '\r\n'))).toEqual(wide(lf));
  });

  it('rejects a malformed file with the line and reason', () => {
    const head = 'MajorText,MinorText,BoroughName,202101,202102\n';
    expect(rejection(`${head}BURGLARY,DOMESTIC BURGLARY,Bromley,10,1x\n`).userMessage).toBe(
      'line 2: 202102: "1x" is not a whole number of offences',
    );
    expect(rejection(`${head}BURGLARY,DOMESTIC BURGLARY,Bromley,10\n`).userMessage).toBe(
      'line 2: 4 values, expected 5 (one per header column)',
    );
    expect(rejection(`${head}BURGLARY,DOMESTIC BURGLARY,Bromley,10,\n`).line).toBe(2);
    expect(rejection(`${head}BURGLARY,,Bromley,10,11\n`).userMessage).toMatch(
      /^line 2: the category, subcategory and borough/,
    );
    expect(
      rejection(
        `${head}BURGLARY,DOMESTIC BURGLARY,Bromley,1,2\nBurglary,Domestic Burglary,BROMLEY,3,4\n`,
      ).userMessage,
    ).toMatch(/^line 3: .* already given on line 2/);
    expect(rejection('MajorText,MinorText,BoroughName,2021-01\nA,B,C,1\n').userMessage).toMatch(
      /^line 1: column 4 "2021-01" is not a month/,
    );
    expect(rejection('MajorText,MinorText,BoroughName,202113\nA,B,C,1\n').line).toBe(1);
    expect(
      rejection('MajorText,MinorText,BoroughName,202101,202101\nA,B,C,1,2\n').userMessage,
    ).toMatch(/appears twice/);
    expect(rejection(head).userMessage).toBe('line 1: the file has a header but no rows');
  });
});

describe('MPS Monthly Crime Dashboard (long format; fixture made up)', () => {
  it('reads every row with its month, area and offence', () => {
    const file = parseMetricsFile(read(DASHBOARD)) as DashboardFile;
    expect(file.format).toBe('mps-dashboard');
    expect(file.rows[0]).toMatchObject({
      line: 3,
      month: monthIndex(2020, 2),
      areaType: 'Borough',
      borough: 'Bromley',
      group: 'Hate Crime',
      subgroup: 'Racist and Religious Hate Crime',
      measure: 'Offences',
      count: 25,
    });
    expect(file.rows.find((r) => r.areaType === 'SNT')?.areaName).toBe('Bromley Town, Central');
  });

  it('takes the month as 01/04/2022, 2022-04, Apr-22 or April 2022', () => {
    const head =
      'Month_Year,Area Type,Borough_SNT,Area name,Area code,Offence Group,Offence Subgroup,Measure,Financial Year,FY_FYIndex,Count,Refresh Date\n';
    const row = (month: string) =>
      `${month},Borough,Bromley,Bromley,E09000006,Hate Crime,Homophobic Hate Crime,Offences,fy22-23,1,3,01/05/2022\n`;
    for (const month of ['01/04/2022', '2022-04', '2022-04-01', 'Apr-22', 'April 2022'])
      expect((parseMetricsFile(head + row(month)) as DashboardFile).rows[0]!.month).toBe(
        monthIndex(2022, 4),
      );
    expect(rejection(head + row('13/2022')).userMessage).toMatch(
      /^line 2: Month_Year "13\/2022" is not a month/,
    );
    expect(rejection(head + row('01/04/2022').replace(',3,', ',three,')).userMessage).toBe(
      'line 2: Count "three" is not a whole number',
    );
  });
});

describe('plain metric,period,value files', () => {
  it('reads months, quarters, rolling years and financial years, with the printed change and RAG', () => {
    const file = parseMetricsFile(read(PLAIN)) as PlainFile;
    expect(
      file.rows.map((r) => [
        r.metric,
        r.period.kind,
        monthKey(r.period.end),
        r.value,
        r.change,
        r.rag,
      ]),
    ).toEqual([
      ['hate crime', 'MONTH', '2022-01', 71, undefined, undefined],
      ['Hate Crime', 'QUARTER', '2021-12', 190, '+5', 'Amber'],
      ['HATE CRIME', 'ROLLING_YEAR', '2022-01', 805, '+44', 'Achieved'],
      ['Total Burglary', 'FINANCIAL_YEAR', '2022-03', 1600, undefined, undefined],
    ]);
  });

  it('reads the seeds table, thousands separators included', () => {
    const file = parseMetricsFile(read(SEEDS_TABLE)) as PlainFile;
    expect(file.rows).toHaveLength(18);
    expect(file.rows[1]).toMatchObject({
      metric: 'Total Notifiable Offences',
      periodText: 'Rolling Year Jan 22',
      value: 24594,
      change: '+14',
    });
  });

  it('rejects unknown periods, numbers and columns, and a figure given twice', () => {
    expect(rejection('metric,period,value\nTNO,Jan-Mar,5\n').userMessage).toMatch(
      /^line 2: period "Jan-Mar" is not one of/,
    );
    expect(rejection('metric,period,value\nTNO,2022-01,lots\n').userMessage).toBe(
      'line 2: value "lots" is not a number',
    );
    expect(rejection('metric,period,value,colour\nTNO,2022-01,5,red\n').userMessage).toMatch(
      /^line 1: unknown column "colour"/,
    );
    expect(rejection('metric,period,value\nTNO,2022-01,5\ntno,Jan 2022,6\n').userMessage).toMatch(
      /^line 3: tno for Jan 2022 is already given on line 2/,
    );
  });
});

describe('format detection', () => {
  it('rejects a file whose header is none of the known ones, and an empty file', () => {
    expect(rejection('Borough,Crime,Count\nBromley,Burglary,3\n').userMessage).toMatch(
      /^line 1: unrecognised header/,
    );
    expect(rejection('').userMessage).toBe('the file is empty');
    expect(rejection('\u0000\u0001PK').userMessage).toMatch(/not a text/);
  });
});
