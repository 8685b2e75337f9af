import type { NavLink } from '../client/app-config.ts';
import type { Teaser } from '../client/teaser-list.tsx';

/** The home screen's blocks, in the order the tenant configured (globalSettings.homeScreenConfig). */
export type Slide = { image: { url: string; alt: string; copyright: string | null } | null; message: string | null; link: { href: string; label: string; external: boolean } | null };

export type Widget = { kind: 'event'; count: number; href: string } | { kind: 'weather' } | { kind: 'link'; label: string; href: string; external: boolean };

export type HomeBlock =
  | { kind: 'carousel'; slides: Slide[] }
  | { kind: 'widgets'; widgets: Widget[] }
  | { kind: 'teasers'; type: 'news' | 'events' | 'places'; title: string; buttonTitle: string; href: string; items: Teaser[] }
  | { kind: 'tiles'; title: string; tiles: NavLink[] }
  | { kind: 'ticker'; text: string };

export type HomeData = { title: string; blocks: HomeBlock[] };
