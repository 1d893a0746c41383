/**
 * Makes user-written text safe to show again in a card TextBlock (which renders a subset of
 * Markdown) or a Teams message: no links, emphasis or <at> mentions can be injected. Hyphens,
 * brackets and the like are left alone, since narratives are full of them and a stray list or
 * heading harms nobody. Control and bidirectional-override characters are dropped.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\\`*_[\]]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/\$\{/g, '$\u200B{');
}
