import type { ComponentChildren } from 'preact';

export type HeadingLevel = 2 | 3 | 4;

/**
 * A titled part of a page, named by its heading. The level follows where it sits: h2 on an
 * authority's own page, h4 under the authority's name (h3) on a service page.
 */
export function Part({ id, level, title, children }: { id: string; level: HeadingLevel; title: string; children: ComponentChildren }) {
  const H = `h${level}` as 'h2';
  return (
    <section class="detail-section" aria-labelledby={id}>
      <H id={id}>{title}</H>
      {children}
    </section>
  );
}
