import { z } from 'zod/v4';

/**
 * The partnership file: everything a board holds, in a form an officer can write by hand (YAML or
 * JSON). People, services and commitments are referred to by name or reference, never by id.
 * docs/partnership-file.md documents it; docs/partnership-file.schema.json is generated from here.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const name = text(200);
const longText = text(20_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time written YYYY-MM-DDTHH:MM');
/** "Q2 2022/23": a UK financial-year quarter. */
export const PERIOD_PATTERN = /^Q([1-4]) (\d{4})\/(\d{2})$/;
const periodLabel = z.string().regex(PERIOD_PATTERN, 'a period written like "Q2 2022/23"');
const commitmentRef = z
  .string()
  .regex(/^\d+\.\d+\.\d+(\.\d+)?$/, 'a commitment reference like "2.3.1"');
const email = z.email().max(254);
/** Notes carry `assumption:` where the papers are silent and the file chose. */
const note = text(2_000).optional();

export const RagStatusSchema = z.enum(['ACHIEVED', 'GREEN', 'AMBER', 'RED', 'NOT_REPORTED']);
export const BoardRoleSchema = z.enum(['chair', 'vice-chair', 'officer', 'clerk']);

const RagTermSchema = z.strictObject({
  word: name,
  status: RagStatusSchema,
  selectable: z.boolean().default(false),
});

const OrganisationSchema = z.strictObject({
  name,
  shortName: name.optional(),
  aliases: z.array(name).default([]),
});

const PersonSchema = z.strictObject({
  name,
  honorific: text(50).optional(),
  title: text(300).optional(),
  titleNote: text(500).optional(),
  organisation: name.optional(),
  email: email.optional(),
  membership: z.enum(['member', 'attendee', 'retired']).default('member'),
  roles: z.array(BoardRoleSchema).default([]),
  deputy: name.optional(),
  leave: z.array(z.strictObject({ from: isoDate, to: isoDate })).default([]),
  note,
});

const ServiceSchema = z.strictObject({
  name,
  kind: z.enum(['service', 'group']).default('service'),
  aliases: z.array(name).default([]),
  /** A group every member belongs to ("All Partners"). */
  allMembers: z.boolean().default(false),
  answeredBy: z.array(name).default([]),
  note,
});

const CommitmentSchema = z.strictObject({
  ref: commitmentRef,
  text: longText,
  owners: z.array(name).default([]),
  lead: name.optional(),
  parent: commitmentRef.optional(),
  note,
});

const SectionSchema = z.strictObject({
  number: z.int().positive(),
  title: text(500),
  description: longText.optional(),
  commitments: z.array(CommitmentSchema).min(1),
});

const PrioritySchema = z.strictObject({
  number: z.int().positive(),
  title: text(300),
  shortName: text(100).optional(),
  aliases: z.array(name).default([]),
  leadPartners: text(500).optional(),
  aims: longText.optional(),
  sections: z.array(SectionSchema).min(1),
});

const StrategySchema = z.strictObject({
  title: text(300),
  startYear: z.int().optional(),
  endYear: z.int().optional(),
  priorities: z.array(PrioritySchema).min(1),
});

const PeriodSchema = z.strictObject({ period: periodLabel, note });

export const NarrativeKindSchema = z.enum([
  'update',
  'background',
  'case-study',
  'no-change',
  'not-applicable',
  'not-requested',
  'not-provided',
]);

const NarrativeSchema = z.strictObject({
  service: name.optional(),
  kind: NarrativeKindSchema.default('update'),
  label: text(300).optional(),
  text: longText,
  boardOnly: z.boolean().default(false),
  supportNeeded: z.boolean().default(false),
});

const UpdateSchema = z.strictObject({
  ref: commitmentRef,
  period: periodLabel,
  /** As printed; two words for a split cell. */
  rag: z.array(name).min(1).max(2).optional(),
  narratives: z.array(NarrativeSchema).default([]),
  note,
});

const OwnerSchema = z.union([
  z.strictObject({ person: name, asWritten: name.optional() }),
  z.strictObject({ organisation: name, asWritten: name.optional() }),
  z.strictObject({ group: name, asWritten: name.optional() }),
  z.strictObject({ role: BoardRoleSchema, asWritten: name.optional() }),
]);

const ActionUpdateSchema = z.strictObject({
  date: isoDate,
  text: longText,
  author: name.optional(),
  kind: z.enum(['update', 'propose-close', 'close', 'reopen', 'drop']).default('update'),
});

const ActionSchema = z.strictObject({
  text: longText,
  owners: z.array(OwnerSchema).min(1),
  status: z.enum(['open', 'proposed-closed', 'closed', 'dropped']).default('open'),
  due: isoDate.optional(),
  /** The meeting (by date) the action reports back to. */
  dueMeeting: isoDate.optional(),
  closedOn: isoDate.optional(),
  closedReason: text(2_000).optional(),
  updates: z.array(ActionUpdateSchema).default([]),
  note,
});

const MinuteSchema = z.strictObject({
  number: z.int().positive(),
  title: text(500),
  text: longText,
  resolution: longText.optional(),
  actions: z.array(ActionSchema).default([]),
});

const AttendeeSchema = z.union([
  name,
  z.strictObject({ name, titleAsWritten: text(500).optional() }),
]);

const MeetingSchema = z.strictObject({
  startsAt: localDateTime,
  place: text(300).optional(),
  title: text(300).optional(),
  status: z.enum(['scheduled', 'held', 'cancelled']).default('scheduled'),
  attendance: z
    .strictObject({
      present: z.array(AttendeeSchema).default([]),
      alsoPresent: z.array(AttendeeSchema).default([]),
      apologies: z.array(AttendeeSchema).default([]),
    })
    .default({ present: [], alsoPresent: [], apologies: [] }),
  agenda: z
    .array(z.strictObject({ number: text(20), title: text(1_000), presenter: text(300).optional(), note }))
    .default([]),
  minutes: z.array(MinuteSchema).default([]),
  note,
});

const FigureSchema = z.strictObject({
  kind: z.enum(['month', 'quarter', 'rolling-year', 'financial-year', 'calendar-year', 'other']),
  /** The last month of the period, YYYY-MM (a rolling year to January 2022 is 2022-01). */
  end: z.string().regex(/^\d{4}-\d{2}$/, 'a month written YYYY-MM'),
  label: text(100),
  value: z.number().finite(),
  publishedChange: text(20).optional(),
  publishedRag: text(100).optional(),
  area: name.optional(),
  source: text(500).optional(),
});

const MetricSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  name,
  aliases: z.array(name).default([]),
  priority: z.int().positive().optional(),
  unit: text(50).default('offences'),
  goodDirection: z.enum(['up', 'down', 'neither']).default('down'),
  ragThresholds: z.strictObject({ green: z.number(), red: z.number() }).optional(),
  policeCategories: z
    .array(z.strictObject({ major: name, minor: name.optional() }))
    .optional(),
  figures: z.array(FigureSchema).default([]),
  note,
});

export const PartnershipFileSchema = z.strictObject({
  partnership: z.strictObject({
    slug: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
    name: text(200),
    timezone: z.literal('Europe/London').default('Europe/London'),
    fyStartMonth: z.int().min(1).max(12).default(4),
    quorum: z.int().positive().optional(),
    /** The police borough whose figures the board quotes. */
    borough: name.optional(),
    ragVocabulary: z.array(RagTermSchema).min(1),
  }),
  organisations: z.array(OrganisationSchema).default([]),
  people: z.array(PersonSchema).default([]),
  services: z.array(ServiceSchema).default([]),
  strategy: StrategySchema.optional(),
  periods: z.array(PeriodSchema).default([]),
  updates: z.array(UpdateSchema).default([]),
  meetings: z.array(MeetingSchema).default([]),
  metrics: z.array(MetricSchema).default([]),
});

export type PartnershipFile = z.infer<typeof PartnershipFileSchema>;
export type PartnershipFileInput = z.input<typeof PartnershipFileSchema>;
