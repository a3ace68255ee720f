import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';

describe('escapeHtml', () => {
  it('turns every character that could open markup or close an attribute into its entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>A & B</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;A &amp; B&lt;/a&gt;');
  });

  it('leaves French text as it is, and escapes an entity already written once more', () => {
    expect(escapeHtml('Économies d’eau — 50 %')).toBe('Économies d’eau — 50 %');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
