import type { NavLink } from '../../web-app/client/app-config.ts';

export type HtmlPageData = { title: string; html: string };
export type TilesData = { title: string; tiles: NavLink[] };
