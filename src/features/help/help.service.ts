/** Questions people can ask, shown when the bot does not understand. */
export const EXAMPLE_QUESTIONS = [
  'What is the current RAG?',
  'RAG for priority 2',
  'Latest hate crime figure',
  'Outstanding actions',
  'My actions',
  'What did Trading Standards say in Q2?',
  'Who is the chair?',
  'When is the next meeting?',
];

export function helpText(question: string): string {
  const opening = /^\s*(help|\?|hi|hello)\b/i.test(question)
    ? 'I can answer questions about the partnership from what it has recorded.'
    : "I don't know that yet.";
  return `${opening} Try:\n\n${EXAMPLE_QUESTIONS.map((q) => `- ${q}`).join('\n')}`;
}
