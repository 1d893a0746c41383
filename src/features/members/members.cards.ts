import { cardAttachment, renderTemplate } from '../../cards/card-templates.ts';
import { escapeCardText } from '../../cards/escape.ts';
import type { Named } from './member-lookup.ts';
import type { Holding } from './member-holdings.ts';
import type { ProfileView } from './member-profile.service.ts';
import type { RetireOutcome } from './member-retire.service.ts';
import { VERBS } from './members.schemas.ts';

const esc = escapeCardText;

/** The officer's form for a new member; its submit is checked against this card. */
export function renderAddForm(sentCardId: string, organisations: string[]) {
  return cardAttachment(
    renderTemplate('members-add-form', {
      sentCardId,
      verb: VERBS.addSubmit,
      intro:
        'They will be able to use the bot once they talk to it in Teams with this email address.',
      organisationHint: organisations.slice(0, 3).join(', ') || 'Their organisation',
    }),
  );
}

/** "Which service did you mean?": the closest services, one button each. */
export function renderServiceChoices(
  sentCardId: string,
  person: string,
  said: string,
  choices: Named[],
) {
  return cardAttachment(
    renderTemplate('members-service-choices', {
      sentCardId,
      verb: VERBS.answersPick,
      prompt: `No service is called "${esc(said)}". Which does ${esc(person)} answer for?`,
      hint: 'These are the closest services. An officer can add the wording as an alias in the partnership file.',
      choices: choices.map((c, i) => ({ label: c.name, choice: String(i) })),
    }),
  );
}

/** What a member owns, with a successor to choose for each, before the officer confirms. */
export function renderRetireCard(
  sentCardId: string,
  name: string,
  holdings: Holding[],
  members: Array<{ id: string; name: string }>,
) {
  const people = members.map((m) => ({ title: m.name, value: m.id }));
  return cardAttachment(
    renderTemplate('members-retire', {
      sentCardId,
      confirmVerb: VERBS.retireConfirm,
      cancelVerb: VERBS.retireCancel,
      title: `Retire ${esc(name)}?`,
      summary: holdings.length
        ? `${esc(name)} owns ${holdings.length} thing${holdings.length > 1 ? 's' : ''}. Choose who takes each over, or one person for everything. Nothing is left without an owner unless you turn on the switch below.`
        : `${esc(name)} owns nothing that needs handing over.`,
      items: holdings.map((h, i) => ({
        inputId: `item-${i}`,
        label: esc(h.label),
        shared: h.others.length
          ? `Also held by ${esc(h.others.join(', '))}: they keep it if nobody is chosen.`
          : '',
      })),
      successors: [...people, { title: 'Leave unowned', value: 'unowned' }],
      members: people,
      everythingLabel: holdings.length
        ? 'Hand over everything not chosen above to'
        : 'Nothing to hand over',
      confirmTitle: `Retire ${name}`,
    }),
  );
}

/** The handover done: what went to whom, what was left unowned (highlighted), and the rest. */
export function renderRetireResult(outcome: RetireOutcome) {
  return renderResult(
    `${outcome.name} has retired`,
    outcome.handedOver.length ? 'Handed over:' : 'Nothing was handed over.',
    outcome.handedOver.map((h) => ({ to: esc(h.to), label: esc(h.label) })),
    outcome.orphaned,
    outcome.notes,
  );
}

/** A short card that replaces one whose action is done. */
export function renderNotice(title: string, text: string) {
  return renderResult(title, text, [], [], []);
}

function renderResult(
  title: string,
  text: string,
  handedOver: Array<{ to: string; label: string }>,
  orphaned: string[],
  notes: string[],
) {
  return cardAttachment(
    renderTemplate('members-result', {
      title: esc(title),
      text: esc(text),
      handedOver,
      orphaned: orphaned.map((line) => ({ line: esc(line) })),
      orphanedTitle: `Left without an owner (${orphaned.length}), as you asked:`,
      notes: notes.map((line) => ({ line: esc(line) })),
    }),
  );
}

/** "My profile": what the bot holds and what the member owns. */
export function renderProfile(view: ProfileView) {
  const own = view.own;
  const section = (heading: string, lines: string[]) => ({
    heading,
    lines: (lines.length ? lines : ['None']).map((line) => ({ line: esc(line) })),
  });
  return cardAttachment(
    renderTemplate('members-profile', {
      title: own ? `Your profile, ${esc(view.name)}` : `Profile of ${esc(view.name)}`,
      intro: own
        ? 'This is everything the bot holds about you. Ask an officer to correct anything wrong.'
        : 'What the bot holds about this member.',
      facts: [
        ['Name', view.name],
        ['Title', view.title],
        ['Organisation', view.organisation],
        ['Email', view.email],
        ['Membership', view.membership],
        ['Roles', view.roles],
        ['Deputy', view.deputy],
        ['Deputy for', view.deputyFor],
      ].map(([title, value]) => ({ title, value: esc(value!) })),
      sections: [
        section('Services answered for (and their commitments)', view.services),
        section('Open actions', view.actions),
        section('Delegations', view.delegations),
        section('Leave', view.leave),
      ],
    }),
  );
}
