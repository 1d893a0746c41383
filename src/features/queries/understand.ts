import {
  metricChoices,
  metricOrPriority,
  ownerReadings,
  readingChoices,
  sameKindChoices,
} from './choices.ts';
import { CUES } from './cues.ts';
import type { BoardRoleName, Intent } from './intent.ts';
import { bestOfKinds, type Candidate } from './mentions.ts';
import {
  OWNER_TIERS,
  ownerRef,
  pick,
  read,
  type PreparedVocabulary,
  type Reading,
} from './reading.ts';
import { actionsIntent, whoIntent } from './understand-people.ts';

export { prepareVocabulary, type PreparedVocabulary } from './reading.ts';

/**
 * Understands a question in plain words (the @mention already removed) against the partnership's
 * vocabulary. Deterministic and local: the same text and data always give the same intent.
 */
export function understand(text: string, prepared: PreparedVocabulary): Intent {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed || /^[?!.]+$/.test(trimmed)) return { kind: 'help' };
  const r = read(trimmed, prepared);
  const has = (cue: keyof typeof CUES) => CUES[cue].test(r.free);
  const named = r.mentions.length > 0 || r.ref !== undefined || r.priority !== undefined;

  if (has('help') && !named && !has('actions') && !has('rag') && !has('meeting'))
    return { kind: 'help' };
  if (has('crimeTable') && !has('actions')) return { kind: 'crime-table' };
  if (has('actions')) return actionsIntent(r, has('overdue'), has('mine'));
  if (has('meeting')) return { kind: 'next-meeting' };
  const about = has('about') && !has('reported') ? aboutPerson(r) : undefined;
  if (about) return about;
  if (has('who') && !(has('reported') && (r.ref || r.priority)))
    return whoIntent(r, has('members'));
  if ((has('reported') || has('from')) && !has('rag')) {
    const reported = reportedIntent(r);
    if (reported) return reported;
  }
  return ragOrMetric(r, has);
}

/** "tell me about Ken Loyal". */
function aboutPerson(r: Reading): Intent | undefined {
  const person = pick(r, [['person']]);
  if (!person) return undefined;
  if ('ambiguous' in person) return person.ambiguous;
  return { kind: 'who-is', target: { kind: 'person', name: person.found.id } };
}

function reportedIntent(r: Reading): Intent | undefined {
  const owner = pick(r, OWNER_TIERS);
  if (owner && 'ambiguous' in owner) return owner.ambiguous;
  const named = r.priority ?? priorityNamed(r);
  if (!owner && !r.ref && named === undefined) return undefined;
  return {
    kind: 'reported',
    ...(owner ? { reporter: ownerRef(owner.found) } : {}),
    ...(r.ref ? { ref: r.ref } : {}),
    ...(named !== undefined ? { priority: named } : {}),
    ...(r.period ? { period: r.period } : {}),
  };
}

/** A priority named in words ("what did VAWG say"), when it is the only one that fits. */
function priorityNamed(r: Reading): number | undefined {
  const found = pick(r, [['priority']]);
  return found && 'found' in found ? Number(found.found.id) : undefined;
}

function ragOrMetric(r: Reading, has: (cue: keyof typeof CUES) => boolean): Intent {
  const period = r.period ? { period: r.period } : {};
  if (r.ref) return { kind: 'rag-commitment', ref: r.ref, ...period };
  if (r.priority !== undefined) return { kind: 'rag-priority', priority: r.priority, ...period };
  const topic = topicIntent(r, has);
  if (topic) return topic;
  const owner = pick(r, OWNER_TIERS);
  if (owner && 'ambiguous' in owner) return owner.ambiguous;
  if (owner) {
    const c = owner.found;
    if (has('rag')) return { kind: 'rag-owner', owner: ownerRef(c), ...period };
    if (c.kind === 'person' && !r.period)
      return { kind: 'who-is', target: { kind: 'person', name: c.id } };
    return readingChoices(r.text, owner.mention, ownerReadings(c.label, c.kind, r.period));
  }
  const role = pick(r, [['role']]);
  if (role && 'found' in role)
    return { kind: 'who-is', target: { kind: 'role', role: role.found.id as BoardRoleName } };
  if (has('rag') || has('priorityWord') || r.period) return { kind: 'rag-overall', ...period };
  if (has('strongMetric') && r.vocabulary.metrics.length > 0)
    return metricChoices(r.vocabulary.metrics);
  return { kind: 'unknown' };
}

/** A metric or a priority named by its words ("hate crime", "VAWG", "knife crime"). */
function topicIntent(r: Reading, has: (cue: keyof typeof CUES) => boolean): Intent | undefined {
  const period = r.period ? { period: r.period } : {};
  for (const m of r.mentions) {
    const metrics = bestOfKinds(m, ['metric']);
    const priorities = bestOfKinds(m, ['priority']);
    if (metrics.length === 0 && priorities.length === 0) continue;
    // "Youth Justice Service" names a service better than it names the priority "youth justice".
    const topicScore = Math.max(...[...metrics, ...priorities].map((c) => c.score));
    const rival = (c: Candidate) =>
      c.kind !== 'metric' &&
      c.kind !== 'priority' &&
      (c.score > topicScore || (c.score === topicScore && topicScore < 100));
    if (m.candidates.some(rival)) continue;
    const wantsPriority = has('rag') || has('priorityWord') || r.period !== undefined;
    const wantsMetric = has('metric') && !wantsPriority;
    const spans = (c: Candidate) => c.end - c.start === m.end - m.start;
    if (
      priorities.length > 0 &&
      (wantsPriority || metrics.length === 0 || (!wantsMetric && !metrics.some(spans)))
    ) {
      if (priorities.length > 1) return sameKindChoices(r.text, m, priorities);
      return { kind: 'rag-priority', priority: Number(priorities[0]!.id), ...period };
    }
    if (metrics.length > 1) return sameKindChoices(r.text, m, metrics);
    if (metrics.length === 1) {
      if (priorities.length === 1 && !wantsMetric && priorities.some(spans))
        return metricOrPriority(r.text, m, metrics[0]!, priorities[0]!, r.period);
      return metricIntent(metrics[0]!.id, r.text);
    }
  }
  return undefined;
}

/**
 * A metric named: its latest figure, its trend, or the figure against last year. Read from the
 * whole question, as "over time" may also be taken as a name ("first time entrants").
 */
function metricIntent(metric: string, text: string): Intent {
  const said = text.toLowerCase();
  if (CUES.trend.test(said)) return { kind: 'metric-trend', metric };
  if (CUES.compare.test(said)) return { kind: 'metric-compare', metric };
  return { kind: 'metric-latest', metric };
}
