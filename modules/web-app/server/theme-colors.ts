/**
 * The tenant's brand colour made safe for WCAG 2.1 AA: a text colour on it with at least 4.5:1,
 * and darker/lighter variants of it for text on the light and dark backgrounds.
 */
export type ThemeColors = { primary: string; onPrimary: string; primaryText: string; primaryTextDark: string };

const FALLBACK = '#1b5e7a';

const hex = (c: string | undefined) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : null);

/** The colours of a tenant's theme: its primary colour and, when it chose one, the text colour on it. */
export const tenantColors = (theme: { primaryColor?: string; onPrimaryColor?: string }) => themeColors(theme.primaryColor, theme.onPrimaryColor);

export function themeColors(primary: string | undefined, onPrimary?: string): ThemeColors {
  const base = hex(primary) ?? FALLBACK;
  const onWhite = hex(onPrimary) ?? (contrast('#ffffff', base) >= contrast('#111111', base) ? '#ffffff' : '#111111');
  // The brand colour itself must carry white or black text at 4.5:1; darken it until it does.
  const bar = adjustUntil(base, (c) => contrast(c, onWhite) >= 4.5, contrast(onWhite, '#000000') > contrast(onWhite, '#ffffff') ? -1 : 1);
  return {
    primary: bar,
    onPrimary: onWhite,
    // Links sit on the page and on cards (--surface in styles.css): checked against the card colour, the lower contrast of the two.
    primaryText: adjustUntil(base, (c) => contrast(c, '#f3f5f7') >= 4.5, -1),
    primaryTextDark: adjustUntil(base, (c) => contrast(c, '#1d2328') >= 4.5, 1),
  };
}

function adjustUntil(hex: string, ok: (c: string) => boolean, direction: -1 | 1): string {
  let c = hex;
  for (let i = 0; i < 40 && !ok(c); i++) c = shift(c, direction * 0.06);
  return c;
}

function shift(hex: string, amount: number): string {
  const rgb = channels(hex).map((v) => (amount < 0 ? v * (1 + amount) : v + (255 - v) * amount));
  return `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
