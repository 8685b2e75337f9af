import { contrast } from '../../web-app/server/theme-colors.ts';

/** WCAG 2.1 AA for normal text (1.4.3). */
export const AA_TEXT = 4.5;

export type ColorPair = { key: 'primary' | 'secondary'; background: string; text: string; ratio: number; ok: boolean };

/** The contrast of each colour with the text colour chosen for it, rounded down to two decimals (never shown better than it is). */
export function colorPairs(theme: { primaryColor?: string; onPrimaryColor?: string; secondaryColor?: string; onSecondaryColor?: string }): ColorPair[] {
  const pairs: ColorPair[] = [];
  const add = (key: ColorPair['key'], background?: string, text?: string) => {
    if (!background || !text) return;
    const ratio = Math.floor(contrast(background, text) * 100) / 100;
    pairs.push({ key, background, text, ratio, ok: ratio >= AA_TEXT });
  };
  add('primary', theme.primaryColor, theme.onPrimaryColor);
  add('secondary', theme.secondaryColor, theme.onSecondaryColor);
  return pairs;
}
